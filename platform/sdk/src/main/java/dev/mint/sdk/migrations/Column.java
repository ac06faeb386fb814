package dev.mint.sdk.migrations;

import java.util.Objects;
import java.util.Optional;

/**
 * One column definition for {@link MigrationOps#createTable} and {@link MigrationOps#addColumn}.
 * Immutable; each modifier returns a new column: {@code Column.of("name", TEXT).notNull().unique()}.
 */
public final class Column {
    /** What happens to referencing rows when the referenced row is deleted. */
    public enum OnDelete { NO_ACTION, CASCADE, SET_NULL }

    private final String name;
    private final ColumnType type;
    private final boolean notNull;
    private final boolean unique;
    private final String defaultSql;
    private final String referencesTable;
    private final String referencesColumn;
    private final OnDelete onDelete;

    private Column(String name, ColumnType type, boolean notNull, boolean unique, String defaultSql,
                   String referencesTable, String referencesColumn, OnDelete onDelete) {
        this.name = Identifiers.check(name, "column");
        this.type = Objects.requireNonNull(type, "type == null");
        this.notNull = notNull;
        this.unique = unique;
        this.defaultSql = defaultSql;
        this.referencesTable = referencesTable;
        this.referencesColumn = referencesColumn;
        this.onDelete = onDelete;
    }

    public static Column of(String name, ColumnType type) {
        return new Column(name, type, false, false, null, null, null, OnDelete.NO_ACTION);
    }

    /** An auto-increment primary key column. */
    public static Column id(String name) {
        return of(name, ColumnType.ID);
    }

    public Column notNull() {
        return new Column(name, type, true, unique, defaultSql, referencesTable, referencesColumn, onDelete);
    }

    public Column unique() {
        return new Column(name, type, notNull, true, defaultSql, referencesTable, referencesColumn, onDelete);
    }

    /** A default given as an SQL literal valid on both dialects, e.g. {@code "'planned'"} or {@code "0"}. */
    public Column defaultSql(String literal) {
        return new Column(name, type, notNull, unique, Objects.requireNonNull(literal, "literal == null"),
                referencesTable, referencesColumn, onDelete);
    }

    public Column references(String table, String column, OnDelete onDelete) {
        return new Column(name, type, notNull, unique, defaultSql, Identifiers.check(table, "table"),
                Identifiers.check(column, "column"), Objects.requireNonNull(onDelete, "onDelete == null"));
    }

    public String name() {
        return name;
    }

    public ColumnType type() {
        return type;
    }

    public Optional<String> defaultSql() {
        return Optional.ofNullable(defaultSql);
    }

    boolean isNotNull() {
        return notNull;
    }

    boolean isUnique() {
        return unique;
    }

    boolean hasReference() {
        return referencesTable != null;
    }

    String toSql(Dialect dialect, String tablePrefix) {
        StringBuilder sql = new StringBuilder(name).append(' ').append(dialect.typeSql(type));
        if (notNull && type != ColumnType.ID) {
            sql.append(" NOT NULL");
        }
        if (unique) {
            sql.append(" UNIQUE");
        }
        if (defaultSql != null) {
            sql.append(" DEFAULT ").append(defaultSql);
        }
        if (referencesTable != null) {
            sql.append(" REFERENCES ").append(tablePrefix).append(referencesTable).append('(').append(referencesColumn).append(')');
            switch (onDelete) {
                case CASCADE -> sql.append(" ON DELETE CASCADE");
                case SET_NULL -> sql.append(" ON DELETE SET NULL");
                case NO_ACTION -> { }
            }
        }
        return sql.toString();
    }
}
