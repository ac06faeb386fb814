package dev.mint.sdk.migrations;

import static dev.mint.sdk.migrations.ColumnType.INTEGER;
import static dev.mint.sdk.migrations.ColumnType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.sdk.migrations.Column.OnDelete;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ten {@link MigrationOps} operations (except alter_column, see {@link AlterColumnTest}) and {@link Column}. */
class MigrationOpsTest {
    private final AtomicInteger plugins = new AtomicInteger();
    @RegisterExtension
    final TestDb db = TestDb.perTest();

    /** Runs {@code body} as the only migration of a new plugin; returns what {@code op.execute} calls returned. */
    private MigrationResult migrate(boolean destructive, Consumer<MigrationOps> body) {
        TestMigration migration = TestMigration.of(1, "step", body);
        return db.runner("ops-" + plugins.incrementAndGet()).run(List.of(destructive ? migration.asDestructive() : migration));
    }

    private MigrationResult migrate(Consumer<MigrationOps> body) {
        return migrate(false, body);
    }

    private void sql(String sql, Object... args) {
        db.jdbi().useHandle(h -> h.execute(sql, args));
    }

    private <T> List<T> column(String sql, Class<T> type) {
        return db.list(sql, type);
    }

    private void createPeople() {
        migrate(op -> op.createTable("people", Column.id("id"), Column.of("name", TEXT).notNull(),
                Column.of("team", TEXT)));
    }

    @Test
    void createTableCreatesOnceAndThenLeavesTheTableAlone() {
        createPeople();
        sql("INSERT INTO people (name) VALUES ('ada')");

        MigrationResult again = migrate(op -> op.createTable("people", Column.id("id"), Column.of("other", TEXT)));

        assertThat(again.applied()).containsExactly(1);
        assertThat(db.columns("people")).containsExactly("id", "name", "team");
        assertThat(column("SELECT name FROM people", String.class)).containsExactly("ada");
        assertThatThrownBy(() -> MigrationOps.recorder(db.dialect(), TestMigration.of(1, "x", op -> { }), "")
                .createTable("empty")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idColumnsAreGeneratedAndColumnModifiersAreEnforced() {
        migrate(op -> op.createTable("tags", Column.id("id"), Column.of("slug", TEXT).notNull().unique(),
                Column.of("state", TEXT).notNull().defaultSql("'new'"), Column.of("weight", INTEGER).defaultSql("0")));

        sql("INSERT INTO tags (slug) VALUES ('a')");
        sql("INSERT INTO tags (slug) VALUES ('b')");

        assertThat(column("SELECT id FROM tags ORDER BY id", Long.class)).containsExactly(1L, 2L);
        assertThat(column("SELECT state FROM tags", String.class)).containsOnly("new");
        assertThat(column("SELECT weight FROM tags", Integer.class)).containsOnly(0);
        assertThatThrownBy(() -> sql("INSERT INTO tags (slug) VALUES ('a')")).isInstanceOf(StatementException.class);
        assertThatThrownBy(() -> sql("INSERT INTO tags (state) VALUES ('x')")).isInstanceOf(StatementException.class);
        assertThat(db.count("tags")).isEqualTo(2);
    }

    @Test
    void addColumnAddsOnceAndSkipsAnExistingColumn() {
        createPeople();
        sql("INSERT INTO people (name) VALUES ('ada')");

        migrate(op -> op.addColumn("people", Column.of("age", INTEGER).notNull().defaultSql("7")));
        MigrationResult again = migrate(op -> op.addColumn("people", Column.of("age", INTEGER)));

        assertThat(again.applied()).containsExactly(1);
        assertThat(db.columns("people")).containsExactly("id", "name", "team", "age");
        assertThat(column("SELECT age FROM people", Integer.class)).containsExactly(7);
        assertThatThrownBy(() -> sql("INSERT INTO people (name, age) VALUES ('bob', NULL)"))
                .as("the first definition, NOT NULL, stays").isInstanceOf(StatementException.class);
    }

    @Test
    void dropColumnRemovesTheColumnAndKeepsTheRows() {
        createPeople();
        sql("INSERT INTO people (name, team) VALUES ('ada', 'red')");

        migrate(true, op -> op.dropColumn("people", "team"));

        assertThat(db.columns("people")).containsExactly("id", "name");
        assertThat(column("SELECT name FROM people", String.class)).containsExactly("ada");
    }

    @Test
    void renameColumnKeepsTheValues() {
        createPeople();
        sql("INSERT INTO people (name, team) VALUES ('ada', 'red')");

        migrate(op -> op.renameColumn("people", "team", "squad"));

        assertThat(db.columns("people")).containsExactly("id", "name", "squad");
        assertThat(column("SELECT squad FROM people", String.class)).containsExactly("red");
    }

    @Test
    void dropTableRemovesItAndToleratesAMissingTable() {
        createPeople();

        migrate(true, op -> {
            op.dropTable("people");
            op.dropTable("never_existed");
        });

        assertThat(db.tableExists("people")).isFalse();
    }

    @Test
    void createIndexEnforcesUniquenessAndIsIdempotent() {
        createPeople();
        sql("INSERT INTO people (name, team) VALUES ('ada', 'red')");

        migrate(op -> {
            op.createIndex("people_name", "people", List.of("name"), true);
            op.createIndex("people_team_name", "people", List.of("team", "name"), false);
        });
        MigrationResult again = migrate(op -> op.createIndex("people_name", "people", List.of("name"), true));

        assertThat(again.applied()).containsExactly(1);
        assertThat(db.indexExists("people_name")).isTrue();
        assertThat(db.indexExists("people_team_name")).isTrue();
        assertThatThrownBy(() -> sql("INSERT INTO people (name, team) VALUES ('ada', 'blue')"))
                .isInstanceOf(StatementException.class);
        sql("INSERT INTO people (name, team) VALUES ('bob', 'red')");
        assertThat(db.count("people")).isEqualTo(2);
    }

    @Test
    void dropIndexRemovesTheIndexAndItsConstraint() {
        createPeople();
        migrate(op -> op.createIndex("people_name", "people", List.of("name"), true));

        migrate(op -> {
            op.dropIndex("people_name");
            op.dropIndex("never_existed");
        });

        assertThat(db.indexExists("people_name")).isFalse();
        sql("INSERT INTO people (name) VALUES ('ada')");
        sql("INSERT INTO people (name) VALUES ('ada')");
        assertThat(db.count("people")).isEqualTo(2);
    }

    @Test
    void backfillSetsOnlyTheNullValues() {
        createPeople();
        sql("INSERT INTO people (name, team) VALUES ('ada', 'red')");
        sql("INSERT INTO people (name) VALUES ('bob')");
        sql("INSERT INTO people (name) VALUES ('cy')");

        migrate(op -> op.backfill("people", "team", "blue"));

        assertThat(column("SELECT name || '=' || team FROM people ORDER BY id", String.class))
                .containsExactly("ada=red", "bob=blue", "cy=blue");
    }

    @Test
    void executeBindsPositionalParametersAndReturnsTheRowCount() {
        createPeople();
        List<Integer> counts = new ArrayList<>();

        migrate(op -> {
            counts.add(op.execute("INSERT INTO people (name, team) VALUES (?, ?), (?, ?), (?, ?)",
                    "ada", "red", "bob", "red", "cy", "blue"));
            counts.add(op.execute("UPDATE people SET team = ? WHERE team = ?", "green", "red"));
            counts.add(op.execute("DELETE FROM people WHERE name = 'nobody'"));
        });

        // The checksum replay records without running: 0, 0, 0; the real run returns row counts.
        assertThat(counts).containsExactly(0, 0, 0, 3, 2, 0);
        assertThat(column("SELECT team FROM people ORDER BY id", String.class)).containsExactly("green", "green", "blue");
    }

    @Test
    void everyColumnTypeCreatesAndStoresItsValues() {
        List<Column> columns = new ArrayList<>();
        for (ColumnType type : ColumnType.values()) {
            columns.add(Column.of("c_" + type.name().toLowerCase(), type));
        }
        migrate(op -> op.createTable("typed", columns.toArray(Column[]::new)));

        Map<String, String> expected = new LinkedHashMap<>();
        boolean sqlite = db.dialect() == Dialect.SQLITE;
        expected.put("c_id", sqlite ? "integer" : "bigint");
        expected.put("c_integer", "integer");
        expected.put("c_bigint", sqlite ? "integer" : "bigint");
        expected.put("c_real", sqlite ? "real" : "double precision");
        expected.put("c_text", "text");
        expected.put("c_boolean", sqlite ? "integer" : "boolean");
        expected.put("c_timestamp", sqlite ? "text" : "timestamp with time zone");
        expected.put("c_date", sqlite ? "text" : "date");
        expected.put("c_json", sqlite ? "text" : "jsonb");
        expected.put("c_blob", sqlite ? "blob" : "bytea");
        expected.forEach((name, type) -> assertThat(db.columnType("typed", name)).as(name).isEqualTo(type));

        sql("INSERT INTO typed (c_integer, c_bigint, c_real, c_text, c_boolean, c_timestamp, c_date, c_json, c_blob)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                42, 5_000_000_000L, 2.5, "text", true, "2024-05-06T12:08:09Z", "2024-05-06", "{\"a\": [1, 2]}",
                new byte[] {1, 2, 3});
        db.jdbi().useHandle(h -> h.createQuery("SELECT * FROM typed").map((rs, ctx) -> {
            assertThat(rs.getLong("c_id")).isEqualTo(1L);
            assertThat(rs.getInt("c_integer")).isEqualTo(42);
            assertThat(rs.getLong("c_bigint")).isEqualTo(5_000_000_000L);
            assertThat(rs.getDouble("c_real")).isEqualTo(2.5);
            assertThat(rs.getString("c_text")).isEqualTo("text");
            assertThat(rs.getBoolean("c_boolean")).isTrue();
            assertThat(rs.getString("c_timestamp")).startsWith("2024-05-06");
            assertThat(rs.getString("c_date")).isEqualTo("2024-05-06");
            assertThat(rs.getString("c_json").replace(" ", "")).isEqualTo("{\"a\":[1,2]}");
            assertThat(rs.getBytes("c_blob")).containsExactly(1, 2, 3);
            return true;
        }).one());
    }

    @Test
    void referencesEnforceTheirOnDeleteRule() {
        migrate(op -> {
            op.createTable("owners", Column.id("id"), Column.of("name", TEXT));
            op.createTable("pets", Column.id("id"),
                    Column.of("owner_id", ColumnType.BIGINT).notNull().references("owners", "id", OnDelete.CASCADE));
            op.createTable("toys", Column.id("id"),
                    Column.of("owner_id", ColumnType.BIGINT).references("owners", "id", OnDelete.SET_NULL));
            op.createTable("vets", Column.id("id"),
                    Column.of("owner_id", ColumnType.BIGINT).references("owners", "id", OnDelete.NO_ACTION));
        });
        sql("INSERT INTO owners (name) VALUES ('ada'), ('bob'), ('cy')");
        sql("INSERT INTO pets (owner_id) VALUES (1), (1), (2)");
        sql("INSERT INTO toys (owner_id) VALUES (1), (2)");
        sql("INSERT INTO vets (owner_id) VALUES (3)");

        sql("DELETE FROM owners WHERE id = 1");

        assertThat(column("SELECT owner_id FROM pets", Long.class)).containsExactly(2L);
        assertThat(column("SELECT owner_id FROM toys ORDER BY id", Long.class)).containsExactly(null, 2L);
        assertThatThrownBy(() -> sql("DELETE FROM owners WHERE id = 3")).isInstanceOf(StatementException.class);
        assertThatThrownBy(() -> sql("INSERT INTO pets (owner_id) VALUES (99)")).isInstanceOf(StatementException.class);
        assertThat(column("SELECT name FROM owners ORDER BY id", String.class)).containsExactly("bob", "cy");
    }

    @Test
    void invalidIdentifiersAreRejectedBeforeAnySqlIsBuilt() {
        String hostile = "drop table x;--";
        MigrationOps op = MigrationOps.recorder(db.dialect(), TestMigration.of(1, "x", o -> { }).asDestructive(), "");
        Column ok = Column.of("ok", TEXT);
        List<Runnable> calls = List.of(
                () -> Column.of(hostile, TEXT),
                () -> Column.of("Upper", TEXT),
                () -> ok.references(hostile, "id", OnDelete.CASCADE),
                () -> op.addColumn(hostile, ok),
                () -> op.dropColumn("t", hostile),
                () -> op.renameColumn("t", "a", hostile),
                () -> op.alterColumn(hostile, ok),
                () -> op.createTable(hostile, ok),
                () -> op.dropTable(hostile),
                () -> op.createIndex(hostile, "t", List.of("a"), false),
                () -> op.createIndex("i", "t", List.of(hostile), false),
                () -> op.dropIndex(hostile),
                () -> op.backfill("t", hostile, 1));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid");
        }
        assertThat(op.statements()).isEmpty();
    }

    @Test
    void aTablePrefixNamesEveryTableIndexAndReferenceOfThePlugin() {
        MigrationRunner prefixed = new MigrationRunner(db.jdbi(), "prefixed", db.dialect(), "acme__");
        MigrationResult result = prefixed.run(List.of(
                TestMigration.of(1, "tables", op -> {
                    op.createTable("owners", Column.id("id"), Column.of("name", TEXT).notNull());
                    op.createTable("pets", Column.id("id"),
                            Column.of("owner_id", INTEGER).references("owners", "id", OnDelete.CASCADE));
                    op.createIndex("pets_owner", "pets", List.of("owner_id"), false);
                    op.addColumn("owners", Column.of("team", TEXT));
                    op.execute("INSERT INTO " + op.table("owners") + " (name) VALUES (?)", "ada");
                    op.backfill("owners", "team", "core");
                })));

        assertThat(result.applied()).containsExactly(1);
        assertThat(db.tableExists("acme__owners")).isTrue();
        assertThat(db.tableExists("owners")).isFalse();
        assertThat(db.indexExists("acme__pets_owner")).isTrue();
        assertThat(column("SELECT team FROM acme__owners", String.class)).containsExactly("core");
        sql("INSERT INTO acme__pets (owner_id) VALUES (1)");
        sql("DELETE FROM acme__owners");
        assertThat(column("SELECT count(*) FROM acme__pets", Long.class)).containsExactly(0L);
        assertThatThrownBy(() -> MigrationOps.recorder(db.dialect(), TestMigration.of(1, "x", o -> { }), "p".repeat(60))
                .createTable("long_name", Column.id("id")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix");
    }
}
