package dev.mint.sdk.migrations;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * SQLite's way to alter a column: re-create the table from its stored {@code CREATE TABLE} with that
 * one column definition rewritten, keeping the rows, indexes, triggers and autoincrement counter.
 * Must run inside a transaction with foreign-key enforcement off (see {@link MigrationRunner}).
 */
final class SqliteTableRebuild {
    private static final String BACKUP = "_mint_alter_backup";
    /** Words that open a table constraint; an element starting with one (unquoted) is not a column. */
    private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");
    /** Words that open a column constraint (some only in context, see {@link #opensConstraint}). */
    private static final Set<String> COLUMN_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE",
            "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS");

    private SqliteTableRebuild() {
    }

    /** Gives {@code column} of {@code table} the definition {@code typeAndNullDefault} (type, NOT NULL, DEFAULT). */
    static void alterColumn(Handle h, String table, String column, String typeAndNullDefault) {
        if (h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one() != 0) {
            throw new MigrationError("alter_column on SQLite must run with foreign keys off (the migration runner does"
                    + " this for migrations that call it on every run)");
        }
        var stored = h.createQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name = :t COLLATE NOCASE")
                .bind("t", table).map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).findOne()
                .orElseThrow(() -> new MigrationError("alter_column: no table " + table));
        String name = quote(stored[0]);
        String createSql = rewriteColumn(stored[1], column, typeAndNullDefault);
        String columns = h.createQuery("SELECT name FROM pragma_table_info(:t)").bind("t", stored[0])
                .mapTo(String.class).stream().map(SqliteTableRebuild::quote).collect(Collectors.joining(", "));
        List<String> dependents = h.createQuery("SELECT sql FROM sqlite_master WHERE tbl_name = :t AND sql IS NOT NULL"
                        + " AND type IN ('index', 'trigger') ORDER BY type = 'trigger', rowid")
                .bind("t", stored[0]).mapTo(String.class).list();
        Optional<Long> sequence = autoincrementCounter(h, stored[0]);

        raw(h, "DROP TABLE IF EXISTS temp." + BACKUP);
        raw(h, "CREATE TEMP TABLE " + BACKUP + " AS SELECT * FROM main." + name);
        raw(h, "DROP TABLE main." + name);
        raw(h, createSql);
        raw(h, "INSERT INTO main." + name + " (" + columns + ") SELECT " + columns + " FROM temp." + BACKUP);
        raw(h, "DROP TABLE temp." + BACKUP);
        dependents.forEach(sql -> raw(h, sql));
        sequence.ifPresent(seq -> {
            int updated = h.createUpdate("UPDATE sqlite_sequence SET seq = MAX(seq, :s) WHERE name = :t")
                    .bind("s", seq).bind("t", stored[0]).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO sqlite_sequence (name, seq) VALUES (:t, :s)")
                        .bind("t", stored[0]).bind("s", seq).execute();
            }
        });
    }

    private static Optional<Long> autoincrementCounter(Handle h, String table) {
        boolean exists = h.createQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'")
                .mapTo(Integer.class).one() > 0;
        return exists
                ? h.createQuery("SELECT seq FROM sqlite_sequence WHERE name = :t").bind("t", table).mapTo(Long.class).findOne()
                : Optional.empty();
    }

    /**
     * Returns {@code createSql} with the definition of {@code column} replaced: its name is kept, its type,
     * {@code NOT NULL}/{@code NULL} and {@code DEFAULT} become {@code typeAndNullDefault}, its other
     * constraints follow unchanged. Everything else in the statement is kept verbatim.
     */
    static String rewriteColumn(String createSql, String column, String typeAndNullDefault) {
        Token body = tokens(createSql, 0, createSql.length()).stream().filter(t -> t.kind == Kind.GROUP).findFirst()
                .orElseThrow(() -> new MigrationError("alter_column: cannot read the definition " + createSql));
        List<Token> inner = tokens(createSql, body.start + 1, body.end - 1);
        List<List<Token>> elements = new ArrayList<>();
        elements.add(new ArrayList<>());
        for (Token t : inner) {
            if (t.kind == Kind.COMMA) {
                elements.add(new ArrayList<>());
            } else {
                elements.get(elements.size() - 1).add(t);
            }
        }
        for (List<Token> element : elements) {
            if (element.isEmpty()) {
                continue;
            }
            Token first = element.get(0);
            boolean isColumn = first.kind == Kind.QUOTED
                    || first.kind == Kind.WORD && !TABLE_CONSTRAINTS.contains(first.upper(createSql));
            if (isColumn && first.identifier(createSql).equalsIgnoreCase(column)) {
                Token last = element.get(element.size() - 1);
                return createSql.substring(0, first.start) + rewriteElement(createSql, element, typeAndNullDefault)
                        + createSql.substring(last.end);
            }
        }
        throw new MigrationError("alter_column: the table has no column " + column + " (" + createSql + ")");
    }

    private static String rewriteElement(String sql, List<Token> element, String typeAndNullDefault) {
        StringBuilder out = new StringBuilder().append(sql, element.get(0).start, element.get(0).end)
                .append(' ').append(typeAndNullDefault);
        int i = 1;
        while (i < element.size() && !opensConstraint(sql, element, i)) {
            i++; // the old type name
        }
        while (i < element.size()) {
            int start = i;
            if (element.get(i).upper(sql).equals("CONSTRAINT")) {
                i = Math.min(i + 2, element.size());
            }
            String keyword = i < element.size() ? element.get(i).upper(sql) : "";
            boolean replaced = keyword.equals("DEFAULT") || keyword.equals("NOT") || keyword.equals("NULL");
            i++;
            if (keyword.equals("DEFAULT") && i < element.size() && element.get(i).kind == Kind.OTHER) {
                i++; // sign of a number
            }
            if (keyword.equals("DEFAULT") || keyword.equals("NOT")) {
                i++; // the value, or NULL
            }
            while (i < element.size() && !opensConstraint(sql, element, i)) {
                i++;
            }
            if (!replaced) {
                int from = element.get(start).start;
                int to = element.get(Math.min(i, element.size()) - 1).end;
                out.append(' ').append(sql, from, to);
            }
        }
        return out.toString();
    }

    /** Whether token {@code i} starts a new column constraint rather than continuing the previous one. */
    private static boolean opensConstraint(String sql, List<Token> element, int i) {
        Token t = element.get(i);
        if (t.kind != Kind.WORD || !COLUMN_CONSTRAINTS.contains(t.upper(sql))) {
            return false;
        }
        String previous = i > 0 ? element.get(i - 1).upper(sql) : "";
        String next = i + 1 < element.size() ? element.get(i + 1).upper(sql) : "";
        return switch (t.upper(sql)) {
            case "NOT" -> next.equals("NULL");                             // not NOT DEFERRABLE
            case "NULL" -> !previous.equals("SET") && !previous.equals("NOT"); // not ON DELETE SET NULL
            case "DEFAULT" -> !previous.equals("SET");                     // not ON DELETE SET DEFAULT
            case "AS" -> !previous.equals("ALWAYS");                       // GENERATED ALWAYS AS
            default -> true;
        };
    }

    enum Kind { WORD, QUOTED, STRING, GROUP, COMMA, OTHER }

    record Token(int start, int end, Kind kind) {
        String upper(String sql) {
            return kind == Kind.WORD ? sql.substring(start, end).toUpperCase(Locale.ROOT) : "";
        }

        String identifier(String sql) {
            String text = sql.substring(start, end);
            if (kind != Kind.QUOTED) {
                return text;
            }
            String inner = text.substring(1, text.length() - 1);
            char open = text.charAt(0);
            return open == '[' ? inner : inner.replace("" + open + open, "" + open);
        }
    }

    /** Splits {@code sql[from, to)} into tokens; a parenthesised group is one token. Comments are skipped. */
    static List<Token> tokens(String sql, int from, int to) {
        List<Token> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 || eol > to ? to : eol + 1;
            } else if (sql.startsWith("/*", i)) {
                i = skipComment(sql, i, to);
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                int end = skipQuoted(sql, i, to);
                out.add(new Token(i, end, c == '\'' ? Kind.STRING : Kind.QUOTED));
                i = end;
            } else if (c == '(') {
                int end = skipGroup(sql, i, to);
                out.add(new Token(i, end, Kind.GROUP));
                i = end;
            } else if (c == ',') {
                out.add(new Token(i, i + 1, Kind.COMMA));
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.') {
                int end = i;
                while (end < to && (Character.isLetterOrDigit(sql.charAt(end)) || "_$.".indexOf(sql.charAt(end)) >= 0)) {
                    end++;
                }
                out.add(new Token(i, end, Kind.WORD));
                i = end;
            } else {
                out.add(new Token(i, i + 1, Kind.OTHER));
                i++;
            }
        }
        return out;
    }

    private static int skipQuoted(String sql, int start, int to) {
        char close = sql.charAt(start) == '[' ? ']' : sql.charAt(start);
        int i = start + 1;
        while (i < to) {
            if (sql.charAt(i) == close) {
                if (close != ']' && i + 1 < to && sql.charAt(i + 1) == close) {
                    i += 2; // doubled quote
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new MigrationError("alter_column: unterminated quote in " + sql);
    }

    private static int skipComment(String sql, int start, int to) {
        int end = sql.indexOf("*/", start + 2);
        return end < 0 || end + 2 > to ? to : end + 2;
    }

    private static int skipGroup(String sql, int start, int to) {
        int depth = 0;
        int i = start;
        while (i < to) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                i = skipQuoted(sql, i, to);
                continue;
            }
            if (sql.startsWith("--", i)) {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 || eol > to ? to : eol + 1;
                continue;
            }
            if (sql.startsWith("/*", i)) {
                i = skipComment(sql, i, to);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        throw new MigrationError("alter_column: unbalanced parentheses in " + sql);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Runs stored SQL as is, without Jdbi's parameter parsing. */
    private static void raw(Handle h, String sql) {
        try (Statement statement = h.getConnection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new MigrationError("alter_column failed on: " + sql + ": " + e.getMessage(), e, null);
        }
    }
}
