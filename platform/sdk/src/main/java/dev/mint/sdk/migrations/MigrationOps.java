package dev.mint.sdk.migrations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * The ten schema operations a {@link PluginMigration} may use. Built by {@link MigrationRunner}; the
 * operations run on the migration's transaction. {@code createTable}, {@code addColumn},
 * {@code createIndex} and the drops are idempotent, so a step that failed half-way can be re-run.
 *
 * <p>The runner also replays each migration against a recording instance (no database) to compute its
 * checksum from the statements it would issue; so a migration must issue the same statements on every
 * run, and must not branch on data it reads elsewhere.
 *
 * <p>Table and index names are the plugin's own: on a shared SQLite database the operations add the
 * plugin's table prefix (see {@link #table}); on PostgreSQL the plugin's schema isolates them.
 */
public final class MigrationOps {
    private final Handle handle;
    private final Dialect dialect;
    private final PluginMigration migration;
    private final String tablePrefix;
    private final List<String> statements = new ArrayList<>();
    private boolean rebuildsTables;

    MigrationOps(Handle handle, Dialect dialect, PluginMigration migration, String tablePrefix) {
        this.handle = handle;
        this.dialect = dialect;
        this.migration = migration;
        this.tablePrefix = tablePrefix;
    }

    /** A recorder: runs nothing, keeps the statements for the checksum. */
    static MigrationOps recorder(Dialect dialect, PluginMigration migration, String tablePrefix) {
        return new MigrationOps(null, dialect, migration, tablePrefix);
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * The physical name of the plugin's table (or index) {@code name}: with the plugin's table prefix on a
     * shared SQLite database, unchanged elsewhere. The operations apply it themselves; use it in
     * {@link #execute} and {@link #backfill}'s callers' own SQL.
     */
    public String table(String name) {
        return physical(name, "table");
    }

    private String physical(String name, String what) {
        Identifiers.check(name, what);
        return Identifiers.check(tablePrefix + name, what + " (with the plugin's prefix " + tablePrefix + ")");
    }

    List<String> statements() {
        return statements;
    }

    /** True once an operation rebuilt (or, recording, would rebuild) an SQLite table. */
    boolean rebuildsTables() {
        return rebuildsTables;
    }

    /** 1. Adds a column; does nothing when the table already has it. */
    public void addColumn(String table, Column column) {
        table = table(table);
        String sql = "ALTER TABLE " + table + " ADD COLUMN " + column.toSql(dialect, tablePrefix);
        if (handle != null && columnExists(table, column.name())) {
            statements.add(sql);
            return;
        }
        run(sql);
    }

    /** 2. Drops a column. Requires a destructive migration. */
    public void dropColumn(String table, String column) {
        requireDestructive("drop_column " + table + "." + column);
        run("ALTER TABLE " + table(table) + " DROP COLUMN " + Identifiers.check(column, "column"));
    }

    /** 3. Renames a column. */
    public void renameColumn(String table, String oldName, String newName) {
        run("ALTER TABLE " + table(table) + " RENAME COLUMN " + Identifiers.check(oldName, "column")
                + " TO " + Identifiers.check(newName, "column"));
    }

    /**
     * 4. Makes a column's type, nullability and default those of {@code column} (its name picks the
     * column; no default in {@code column} drops the current one). The column's other constraints
     * (primary key, unique, references, check, collation) are kept. Use {@link #createIndex} for new
     * uniqueness; {@code column} must not carry {@code unique()} or {@code references(...)}.
     *
     * <p>SQLite cannot alter a column in place, so there the table is rebuilt: its rows are copied
     * aside, the table is re-created from its stored definition with this one column changed, the rows
     * are copied back (converted to the new type) and its indexes and triggers are re-created;
     * autoincrement counters are kept. A migration that does this runs with SQLite's foreign-key
     * enforcement suspended (so re-creating a referenced table does not cascade to its children), and
     * {@code PRAGMA foreign_key_check} must find no violation before it commits.
     */
    public void alterColumn(String table, Column column) {
        table = table(table);
        if (column.type() == ColumnType.ID || column.isUnique() || column.hasReference()) {
            throw new IllegalArgumentException("alter_column " + table + "." + column.name() + " changes type, nullability"
                    + " and default only; it cannot make an ID, a unique column or a reference");
        }
        String type = dialect.typeSql(column.type());
        if (dialect == Dialect.POSTGRESQL) {
            String alter = "ALTER TABLE " + table + " ALTER COLUMN " + column.name();
            run(alter + " DROP DEFAULT");
            run(alter + " TYPE " + type + " USING " + column.name() + "::" + type);
            run(alter + (column.isNotNull() ? " SET NOT NULL" : " DROP NOT NULL"));
            column.defaultSql().ifPresent(literal -> run(alter + " SET DEFAULT " + literal));
            return;
        }
        String definition = type + (column.isNotNull() ? " NOT NULL" : "")
                + column.defaultSql().map(literal -> " DEFAULT " + literal).orElse("");
        statements.add("ALTER TABLE " + table + " ALTER COLUMN " + column.name() + " " + definition + " -- rebuild");
        rebuildsTables = true;
        if (handle != null) {
            SqliteTableRebuild.alterColumn(handle, table, column.name(), definition);
        }
    }

    /** 5. Creates a table unless it exists. */
    public void createTable(String name, Column... columns) {
        name = table(name);
        if (columns.length == 0) {
            throw new IllegalArgumentException("create_table " + name + " needs at least one column");
        }
        StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(name).append(" (");
        for (int i = 0; i < columns.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(columns[i].toSql(dialect, tablePrefix));
        }
        run(sql.append(')').toString());
    }

    /** 6. Drops a table if it exists. Requires a destructive migration. */
    public void dropTable(String name) {
        requireDestructive("drop_table " + name);
        run("DROP TABLE IF EXISTS " + table(name));
    }

    /** 7. Creates an index unless it exists. */
    public void createIndex(String name, String table, List<String> columns, boolean unique) {
        name = physical(name, "index");
        table = table(table);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("create_index " + name + " needs at least one column");
        }
        columns.forEach(c -> Identifiers.check(c, "column"));
        run("CREATE " + (unique ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + name + " ON " + table
                + " (" + String.join(", ", columns) + ")");
    }

    /** 8. Drops an index if it exists. */
    public void dropIndex(String name) {
        run("DROP INDEX IF EXISTS " + physical(name, "index"));
    }

    /** 9. Sets {@code column} to {@code value} in every row where it is null. */
    public void backfill(String table, String column, Object value) {
        String sql = "UPDATE " + table(table) + " SET " + Identifiers.check(column, "column")
                + " = ? WHERE " + column + " IS NULL";
        statements.add(sql + " -- " + value);
        if (handle != null) {
            handle.createUpdate(sql).bind(0, value).execute();
        }
    }

    /**
     * 10. Runs any statement, with positional {@code ?} parameters. Returns the affected row count (0 when
     * recording). Name the plugin's tables with {@link #table} so the statement works on every database.
     */
    public int execute(String sql, Object... params) {
        statements.add(params.length == 0 ? sql : sql + " -- " + Arrays.toString(params));
        if (handle == null) {
            return 0;
        }
        var update = handle.createUpdate(sql);
        for (int i = 0; i < params.length; i++) {
            update.bind(i, params[i]);
        }
        return update.execute();
    }

    private void run(String sql) {
        statements.add(sql);
        if (handle != null) {
            handle.execute(sql);
        }
    }

    private void requireDestructive(String what) {
        if (!migration.destructive()) {
            throw new DestructiveMigrationError("Migration " + migration.version() + " (" + migration.name()
                    + ") attempted " + what + " without declaring destructive() == true");
        }
    }

    private boolean columnExists(String table, String column) {
        if (dialect == Dialect.SQLITE) {
            return handle.createQuery("SELECT name FROM pragma_table_info(:t)").bind("t", table)
                    .mapTo(String.class).list().stream().anyMatch(c -> c.equalsIgnoreCase(column));
        }
        return handle.createQuery("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND table_name = :t AND column_name = :c")
                .bind("t", table).bind("c", column.toLowerCase(Locale.ROOT)).mapTo(Integer.class).one() > 0;
    }
}
