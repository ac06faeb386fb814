package dev.mint.sdk.migrations;

import static dev.mint.sdk.migrations.ColumnType.BIGINT;
import static dev.mint.sdk.migrations.ColumnType.INTEGER;
import static dev.mint.sdk.migrations.ColumnType.REAL;
import static dev.mint.sdk.migrations.ColumnType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mint.sdk.migrations.Column.OnDelete;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link MigrationOps#alterColumn}: type, nullability and default change on both dialects; on SQLite by
 * rebuilding the table, which must keep its rows, constraints, indexes, triggers, counters and children.
 */
class AlterColumnTest {
    private static final String PLUGIN = "alter-plugin";
    private final List<TestMigration> migrations = new ArrayList<>();
    @RegisterExtension
    final TestDb db = TestDb.perTest();

    /** Appends a migration to this test's plugin and runs them all (so earlier steps stay applied). */
    private MigrationResult step(Consumer<MigrationOps> body) {
        return step(db.jdbi(), body);
    }

    private MigrationResult step(Jdbi jdbi, Consumer<MigrationOps> body) {
        migrations.add(TestMigration.of(migrations.size() + 1, "step_" + (migrations.size() + 1), body));
        return new MigrationRunner(jdbi, PLUGIN, db.dialect()).run(migrations);
    }

    /** Switches this test to an SQLite database whatever the run targets (for SQLite-only behaviour). */
    private void useSqlite() {
        db.reopenAsSqlite();
    }

    private void sql(String sql, Object... args) {
        db.jdbi().useHandle(h -> h.execute(sql, args));
    }

    private <T> List<T> column(String sql, Class<T> type) {
        return db.list(sql, type);
    }

    private void createItems() {
        step(op -> {
            op.createTable("owners", Column.id("id"), Column.of("name", TEXT));
            op.createTable("items", Column.id("id"),
                    Column.of("sku", TEXT).notNull().unique(),
                    Column.of("qty", TEXT),
                    Column.of("note", TEXT).defaultSql("'none'"),
                    Column.of("owner_id", BIGINT).references("owners", "id", OnDelete.CASCADE));
            op.createIndex("items_note", "items", List.of("note"), false);
            op.createTable("item_tags", Column.id("id"),
                    Column.of("item_id", BIGINT).notNull().references("items", "id", OnDelete.CASCADE),
                    Column.of("tag", TEXT));
        });
        sql("INSERT INTO owners (name) VALUES ('ada')");
        sql("INSERT INTO items (sku, qty, owner_id) VALUES ('a', '10', 1), ('b', '9', 1), ('c', NULL, 1), ('d', '1', 1)");
        sql("INSERT INTO item_tags (item_id, tag) VALUES (1, 'x'), (2, 'y'), (2, 'z')");
        sql("DELETE FROM items WHERE sku = 'd'"); // id 4 is used up
        sql("CREATE VIEW item_skus AS SELECT id, sku FROM items");
    }

    @Test
    void changesTheTypeAndConvertsTheValues() {
        createItems();

        step(op -> op.alterColumn("items", Column.of("qty", INTEGER)));

        assertThat(db.columnType("items", "qty")).isEqualTo("integer");
        assertThat(column("SELECT qty FROM items WHERE qty IS NOT NULL ORDER BY qty", Integer.class))
                .as("numeric order, not text order").containsExactly(9, 10);
        assertThat(column("SELECT sum(qty) FROM items", Integer.class)).containsExactly(19);
        if (db.dialect() == Dialect.SQLITE) {
            assertThat(column("SELECT typeof(qty) FROM items WHERE sku = 'a'", String.class)).containsExactly("integer");
        }
    }

    @Test
    void keepsEverythingElseOfTheTable() {
        createItems();
        sql("UPDATE items SET qty = '0' WHERE qty IS NULL");

        MigrationResult result = step(op -> op.alterColumn("items", Column.of("qty", INTEGER).notNull().defaultSql("5")));

        assertThat(result.applied()).containsExactly(2);
        assertThat(db.columns("items")).containsExactly("id", "sku", "qty", "note", "owner_id");
        assertThat(column("SELECT id || ':' || sku || ':' || qty || ':' || note FROM items ORDER BY id", String.class))
                .containsExactly("1:a:10:none", "2:b:9:none", "3:c:0:none");
        assertThat(column("SELECT tag FROM item_tags ORDER BY id", String.class))
                .as("re-creating a referenced table does not cascade").containsExactly("x", "y", "z");
        assertThat(db.indexExists("items_note")).isTrue();
        assertThat(column("SELECT sku FROM item_skus ORDER BY id", String.class)).containsExactly("a", "b", "c");

        sql("INSERT INTO items (sku, owner_id) VALUES ('e', 1)");
        assertThat(column("SELECT id || ':' || qty || ':' || note FROM items WHERE sku = 'e'", String.class))
                .as("new default, old default, and no reuse of id 4").containsExactly("5:5:none");
        assertThatThrownBy(() -> sql("INSERT INTO items (sku, qty) VALUES ('f', NULL)"))
                .as("qty is NOT NULL now").isInstanceOf(StatementException.class);
        assertThatThrownBy(() -> sql("INSERT INTO items (sku) VALUES ('a')"))
                .as("sku stays unique").isInstanceOf(StatementException.class);
        assertThatThrownBy(() -> sql("INSERT INTO items (qty) VALUES (1)"))
                .as("sku stays NOT NULL").isInstanceOf(StatementException.class);
        assertThatThrownBy(() -> sql("INSERT INTO items (sku, owner_id) VALUES ('g', 99)"))
                .as("owner_id still references owners").isInstanceOf(StatementException.class);
        sql("DELETE FROM items WHERE sku = 'b'");
        assertThat(column("SELECT tag FROM item_tags ORDER BY id", String.class))
                .as("children still cascade").containsExactly("x");
        sql("DELETE FROM owners");
        assertThat(db.count("items")).as("items still cascade from owners").isZero();
    }

    @Test
    void makesAColumnNullableAgainAndDropsItsDefault() {
        step(op -> op.createTable("readings", Column.id("id"),
                Column.of("value", REAL).notNull().defaultSql("1.5"), Column.of("unit", TEXT)));
        sql("INSERT INTO readings (unit) VALUES ('g')");

        step(op -> op.alterColumn("readings", Column.of("value", REAL)));

        sql("INSERT INTO readings (unit) VALUES ('kg')");
        assertThat(column("SELECT value FROM readings ORDER BY id", Double.class)).containsExactly(1.5, null);
    }

    @Test
    void notNullOverExistingNullsFailsAndChangesNothing() {
        createItems();

        MigrationError error = catchThrowableOfType(MigrationError.class,
                () -> step(op -> op.alterColumn("items", Column.of("qty", INTEGER).notNull())));

        assertThat(error.result().orElseThrow().currentVersion()).isEqualTo(1);
        assertThat(db.columnType("items", "qty")).isEqualTo("text");
        assertThat(column("SELECT sku FROM items WHERE qty IS NULL", String.class)).containsExactly("c");
        assertThat(column("SELECT tag FROM item_tags ORDER BY id", String.class)).containsExactly("x", "y", "z");
        assertThat(db.indexExists("items_note")).isTrue();
        sql("INSERT INTO items (sku, qty) VALUES ('e', NULL)");
    }

    @Test
    void refusesToMakeAnIdAUniqueColumnOrAReference() {
        MigrationOps op = MigrationOps.recorder(db.dialect(), TestMigration.of(1, "x", o -> { }), "");
        for (Column column : List.of(Column.id("qty"), Column.of("qty", TEXT).unique(),
                Column.of("qty", BIGINT).references("owners", "id", OnDelete.CASCADE))) {
            assertThatThrownBy(() -> op.alterColumn("items", column)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void unknownTableOrColumnFailsTheStep() {
        createItems();

        assertThatThrownBy(() -> step(op -> op.alterColumn("nothing_here", Column.of("qty", INTEGER))))
                .isInstanceOf(MigrationError.class);
        migrations.remove(migrations.size() - 1);
        assertThatThrownBy(() -> step(op -> op.alterColumn("items", Column.of("nothing_here", INTEGER))))
                .isInstanceOf(MigrationError.class);
        assertThat(db.columns("items")).containsExactly("id", "sku", "qty", "note", "owner_id");
    }

    /** SQLite only: the rebuild keeps triggers and restores foreign-key enforcement on the connection it used. */
    @Test
    void sqliteRebuildKeepsTriggersAndRestoresForeignKeys() {
        useSqlite();
        createItems();
        sql("CREATE TABLE audit (what TEXT)");
        sql("CREATE TRIGGER items_insert AFTER INSERT ON items BEGIN INSERT INTO audit VALUES (NEW.sku); END");
        Jdbi single = db.openJdbi(1);

        step(single, op -> op.alterColumn("items", Column.of("note", TEXT).notNull().defaultSql("'n/a'")));

        assertThat(db.count("audit")).as("copying the rows fired no trigger").isZero();
        single.useHandle(h -> {
            assertThat(h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
            h.execute("INSERT INTO items (sku) VALUES ('e')");
        });
        assertThat(column("SELECT what FROM audit", String.class)).containsExactly("e");
        assertThat(column("SELECT note FROM items WHERE sku = 'e'", String.class)).containsExactly("n/a");
        assertThat(column("SELECT sql FROM sqlite_master WHERE name = 'items'", String.class).get(0))
                .contains("note TEXT NOT NULL DEFAULT 'n/a'")
                .contains("sku TEXT NOT NULL UNIQUE")
                .contains("owner_id INTEGER REFERENCES owners(id) ON DELETE CASCADE");
    }

    /** SQLite only: in a rebuilding step ON DELETE actions are off, so orphans it would leave make it fail. */
    @Test
    void sqliteRebuildingStepThatWouldOrphanRowsIsRolledBack() {
        useSqlite();
        createItems();

        MigrationError error = catchThrowableOfType(MigrationError.class, () -> step(op -> {
            op.alterColumn("items", Column.of("qty", INTEGER));
            op.execute("DELETE FROM items WHERE sku = 'b'");
        }));

        assertThat(error.getMessage()).contains("foreign key");
        assertThat(db.columnType("items", "qty")).isEqualTo("text");
        assertThat(column("SELECT sku FROM items ORDER BY id", String.class)).containsExactly("a", "b", "c");
        assertThat(column("SELECT tag FROM item_tags ORDER BY id", String.class)).containsExactly("x", "y", "z");
    }

    @Test
    void rewriteTouchesOnlyTheNamedColumnDefinition() {
        String sql = "CREATE TABLE \"odd (name)\" (\n"
                + "  id INTEGER PRIMARY KEY AUTOINCREMENT, -- the key, (really)\n"
                + "  \"Qty\" DOUBLE PRECISION CONSTRAINT q_nn NOT NULL ON CONFLICT ABORT DEFAULT -1 CHECK (\"Qty\" <> ',')"
                + " COLLATE NOCASE,\n"
                + "  parent INTEGER REFERENCES parents(id) ON DELETE SET NULL NOT DEFERRABLE DEFAULT NULL,\n"
                + "  label TEXT DEFAULT 'a, b' NOT NULL,\n"
                + "  UNIQUE (label, parent)\n"
                + ") STRICT";

        assertThat(SqliteTableRebuild.rewriteColumn(sql, "qty", "INTEGER")).isEqualTo(sql.replace(
                "\"Qty\" DOUBLE PRECISION CONSTRAINT q_nn NOT NULL ON CONFLICT ABORT DEFAULT -1 CHECK",
                "\"Qty\" INTEGER CHECK"));
        assertThat(SqliteTableRebuild.rewriteColumn(sql, "parent", "BIGINT NOT NULL")).isEqualTo(sql.replace(
                "parent INTEGER REFERENCES parents(id) ON DELETE SET NULL NOT DEFERRABLE DEFAULT NULL",
                "parent BIGINT NOT NULL REFERENCES parents(id) ON DELETE SET NULL NOT DEFERRABLE"));
        assertThat(SqliteTableRebuild.rewriteColumn(sql, "label", "TEXT DEFAULT 'c'")).isEqualTo(sql.replace(
                "label TEXT DEFAULT 'a, b' NOT NULL", "label TEXT DEFAULT 'c'"));
        assertThat(SqliteTableRebuild.rewriteColumn(sql, "id", "INTEGER")).isEqualTo(sql.replace(
                "id INTEGER PRIMARY KEY AUTOINCREMENT,", "id INTEGER PRIMARY KEY AUTOINCREMENT,"));
        assertThatThrownBy(() -> SqliteTableRebuild.rewriteColumn(sql, "unique", "INTEGER"))
                .isInstanceOf(MigrationError.class);
    }
}
