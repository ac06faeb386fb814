package dev.mint.sdk.migrations;

import static dev.mint.sdk.migrations.ColumnType.REAL;
import static dev.mint.sdk.migrations.ColumnType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MigrationRunner#run}: ordering, tracking, checksums, failures and fresh-install stamping. */
class MigrationRunnerTest {
    private static final String PLUGIN = "samples-plugin";

    private static final TestMigration V1 = TestMigration.of(1, "create_samples", op -> op.createTable("samples",
            Column.id("id"), Column.of("name", TEXT).notNull()));
    private static final TestMigration V2 = TestMigration.of(2, "add_mass", op -> {
        op.addColumn("samples", Column.of("mass", REAL));
        op.createIndex("samples_name", "samples", List.of("name"), true);
    });
    private static final TestMigration V3 = TestMigration.of(3, "create_runs", op -> op.createTable("runs",
            Column.id("id"), Column.of("label", TEXT)));

    @RegisterExtension
    final TestDb db = TestDb.perTest();

    record TrackingRow(String plugin, int version, String name, String appliedAt, String checksum, boolean success,
                       String errorMessage) {
    }

    private List<TrackingRow> tracking(String plugin) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT plugin_name, version, name, applied_at, checksum, success,"
                        + " error_message FROM " + db.trackingTable() + " WHERE plugin_name = :p ORDER BY version")
                .bind("p", plugin)
                .map((rs, ctx) -> new TrackingRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7)))
                .list());
    }

    private MigrationResult run(List<? extends PluginMigration> migrations) {
        return db.runner(PLUGIN).run(migrations);
    }

    @Test
    void appliesPendingMigrationsInVersionOrderOnAnEmptyDatabase() {
        MigrationResult result = run(List.of(V2, V1));

        assertThat(result.applied()).containsExactly(1, 2);
        assertThat(result.currentVersion()).isEqualTo(2);
        assertThat(result.errors()).isEmpty();
        assertThat(result.stamped()).isEmpty();
        assertThat(db.columns("samples")).containsExactly("id", "name", "mass");
        db.jdbi().useHandle(h -> h.execute("INSERT INTO samples (name, mass) VALUES (?, ?)", "s1", 1.5));
        Map<String, Object> row = db.jdbi().withHandle(h -> h.createQuery("SELECT id, name, mass FROM samples")
                .mapToMap().one());
        assertThat(((Number) row.get("id")).longValue()).isEqualTo(1);
        assertThat(row.get("name")).isEqualTo("s1");
        assertThat(((Number) row.get("mass")).doubleValue()).isEqualTo(1.5);
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("INSERT INTO samples (name) VALUES ('s1')")))
                .as("V2's unique index is in place").isInstanceOf(RuntimeException.class);
    }

    @Test
    void rerunAppliesNothingAndKeepsTheVersion() {
        run(List.of(V1, V2));

        MigrationResult again = run(List.of(V1, V2));

        assertThat(again.applied()).isEmpty();
        assertThat(again.currentVersion()).isEqualTo(2);
        assertThat(again.errors()).isEmpty();
        assertThat(tracking(PLUGIN)).extracting(TrackingRow::version).containsExactly(1, 2);
    }

    @Test
    void laterRunAppliesOnlyTheNewVersion() {
        run(List.of(V1, V2));

        MigrationResult result = run(List.of(V1, V2, V3));

        assertThat(result.applied()).containsExactly(3);
        assertThat(result.currentVersion()).isEqualTo(3);
        assertThat(db.tableExists("runs")).isTrue();
        assertThat(tracking(PLUGIN)).extracting(TrackingRow::version).containsExactly(1, 2, 3);
    }

    @Test
    void trackingTableHasTheDialectsNameAndColumns() {
        run(List.of(V1, V2));

        String expected = db.dialect() == Dialect.SQLITE ? "_plugin_migrations" : "plugin_schema_migrations";
        String other = db.dialect() == Dialect.SQLITE ? "plugin_schema_migrations" : "_plugin_migrations";
        assertThat(db.tableExists(expected)).isTrue();
        assertThat(db.tableExists(other)).isFalse();
        assertThat(db.columns(expected)).containsExactly("plugin_name", "version", "name", "applied_at", "checksum",
                "success", "error_message");
        List<TrackingRow> rows = tracking(PLUGIN);
        assertThat(rows).extracting(TrackingRow::plugin).containsOnly(PLUGIN);
        assertThat(rows).extracting(TrackingRow::name).containsExactly("create_samples", "add_mass");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.success()).isTrue();
            assertThat(row.errorMessage()).isNull();
            assertThat(row.appliedAt()).isNotBlank();
            assertThat(row.checksum()).matches("[0-9a-f]{64}");
        });
        assertThat(rows.get(0).checksum()).isNotEqualTo(rows.get(1).checksum());
    }

    @Test
    void twoPluginsInOneDatabaseAreTrackedIndependently() {
        TestMigration otherV1 = TestMigration.of(1, "create_notes", op -> op.createTable("notes",
                Column.id("id"), Column.of("body", TEXT)));
        run(List.of(V1, V2));

        MigrationResult other = db.runner("notes-plugin").run(List.of(otherV1));

        assertThat(other.applied()).containsExactly(1);
        assertThat(other.currentVersion()).isEqualTo(1);
        assertThat(run(List.of(V1, V2)).applied()).isEmpty();
        assertThat(db.runner("notes-plugin").run(List.of(otherV1)).currentVersion()).isEqualTo(1);
        assertThat(tracking(PLUGIN)).extracting(TrackingRow::version).containsExactly(1, 2);
        assertThat(tracking("notes-plugin")).extracting(TrackingRow::name).containsExactly("create_notes");
        assertThat(db.tableExists("notes")).isTrue();
    }

    @Test
    void changedAppliedMigrationIsRefusedBeforeAnythingRuns() {
        run(List.of(V1));
        TestMigration changedV1 = TestMigration.of(1, "create_samples", op -> op.createTable("samples",
                Column.id("id"), Column.of("name", TEXT).notNull(), Column.of("colour", TEXT)));

        assertThatThrownBy(() -> run(List.of(changedV1, V2)))
                .isInstanceOf(MigrationChecksumError.class)
                .hasMessageContaining("Migration 1 (create_samples)");

        assertThat(db.columns("samples")).containsExactly("id", "name");
        assertThat(db.indexExists("samples_name")).isFalse();
        assertThat(tracking(PLUGIN)).extracting(TrackingRow::version).containsExactly(1);
    }

    @Test
    void changedMigrationAmongAppliedOnesBlocksAnEarlierPendingOne() {
        // Version 2 failed once and is pending; version 3 was applied; 3's code then changed.
        run(List.of(V1));
        TestMigration failingV2 = TestMigration.of(2, "add_mass", op -> op.execute("NOT SQL AT ALL"));
        assertThatThrownBy(() -> run(List.of(V1, failingV2))).isInstanceOf(MigrationError.class);
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO " + db.trackingTable() + " (plugin_name, version, name,"
                        + " applied_at, checksum, success) VALUES (:p, 3, 'create_runs', CURRENT_TIMESTAMP, 'old', :ok)")
                .bind("p", PLUGIN).bind("ok", true).execute());

        assertThatThrownBy(() -> run(List.of(V1, V2, V3))).isInstanceOf(MigrationChecksumError.class)
                .hasMessageContaining("Migration 3");

        assertThat(db.columns("samples")).doesNotContain("mass");
    }

    @Test
    void databaseAheadOfTheCodeIsRefused() {
        run(List.of(V1, V2, V3));

        assertThatThrownBy(() -> run(List.of(V1, V2)))
                .isInstanceOf(SchemaVersionAheadError.class)
                .hasMessageContaining("version 3");

        assertThat(tracking(PLUGIN)).extracting(TrackingRow::version).containsExactly(1, 2, 3);
    }

    @Test
    void failedMigrationIsRolledBackRecordedAndRetriedOnceFixed() {
        TestMigration brokenV2 = TestMigration.of(2, "create_runs", op -> {
            op.createTable("runs", Column.id("id"), Column.of("label", TEXT));
            op.execute("INSERT INTO runs (label) VALUES ('first')");
            op.execute("THIS IS NOT SQL");
        });

        MigrationError error = catchThrowableOfType(MigrationError.class, () -> run(List.of(V1, brokenV2)));

        assertThat(error).isExactlyInstanceOf(MigrationError.class);
        assertThat(error.getMessage()).contains("Migration 2 (create_runs)");
        MigrationResult result = error.result().orElseThrow();
        assertThat(result.applied()).containsExactly(1);
        assertThat(result.currentVersion()).isEqualTo(1);
        assertThat(result.errors()).hasSize(1).first().asString().contains("Migration 2 (create_runs)");
        assertThat(db.tableExists("runs")).as("the half-done step was rolled back").isFalse();
        assertThat(db.tableExists("samples")).isTrue();
        List<TrackingRow> rows = tracking(PLUGIN);
        assertThat(rows).extracting(TrackingRow::version).containsExactly(1, 2);
        assertThat(rows.get(0).success()).isTrue();
        assertThat(rows.get(1).success()).isFalse();
        assertThat(rows.get(1).errorMessage()).isNotBlank();

        TestMigration fixedV2 = TestMigration.of(2, "create_runs", op -> {
            op.createTable("runs", Column.id("id"), Column.of("label", TEXT));
            op.execute("INSERT INTO runs (label) VALUES ('first')");
        });
        MigrationResult retried = run(List.of(V1, fixedV2));

        assertThat(retried.applied()).containsExactly(2);
        assertThat(retried.currentVersion()).isEqualTo(2);
        assertThat(db.count("runs")).isEqualTo(1);
        TrackingRow fixed = tracking(PLUGIN).get(1);
        assertThat(fixed.success()).isTrue();
        assertThat(fixed.errorMessage()).isNull();
    }

    @Test
    void dropsNeedADestructiveMigration() {
        TestMigration dropsColumn = TestMigration.of(2, "drop_name", op -> {
            op.createTable("runs", Column.id("id"));
            op.dropColumn("samples", "name");
        });
        TestMigration dropsTable = TestMigration.of(2, "drop_samples", op -> {
            op.createTable("runs", Column.id("id"));
            op.dropTable("samples");
        });
        run(List.of(V1));

        for (TestMigration undeclared : List.of(dropsColumn, dropsTable)) {
            DestructiveMigrationError error = catchThrowableOfType(DestructiveMigrationError.class,
                    () -> run(List.of(V1, undeclared)));
            assertThat(error).as(undeclared.name()).isNotNull();
            assertThat(error.result().orElseThrow().currentVersion()).isEqualTo(1);
            assertThat(error.result().orElseThrow().errors()).hasSize(1);
            assertThat(db.tableExists("runs")).isFalse();
            assertThat(db.columns("samples")).containsExactly("id", "name");
            assertThat(tracking(PLUGIN).get(1).success()).isFalse();
        }

        assertThat(run(List.of(V1, dropsColumn.asDestructive())).applied()).containsExactly(2);
        assertThat(db.columns("samples")).containsExactly("id");
        TestMigration v3 = TestMigration.of(3, "drop_samples", op -> op.dropTable("samples")).asDestructive();
        assertThat(run(List.of(V1, dropsColumn.asDestructive(), v3)).applied()).containsExactly(3);
        assertThat(db.tableExists("samples")).isFalse();
    }

    @Test
    void freshInstallStampsEveryVersionWithoutRunningIt() {
        MigrationResult result = db.runner(PLUGIN).run(List.of(V1, V2), true);

        assertThat(result.stamped()).containsExactly(1, 2);
        assertThat(result.applied()).isEmpty();
        assertThat(result.currentVersion()).isEqualTo(2);
        assertThat(db.tableExists("samples")).as("nothing was executed").isFalse();
        assertThat(tracking(PLUGIN)).extracting(TrackingRow::success).containsExactly(true, true);

        db.jdbi().useHandle(h -> h.execute("CREATE TABLE samples (id INTEGER, name TEXT, mass REAL)"));
        MigrationResult later = run(List.of(V1, V2, V3));
        assertThat(later.applied()).containsExactly(3);
        assertThat(later.stamped()).isEmpty();
    }

    @Test
    void invalidMigrationListsAreRefusedBeforeAnyChange() {
        List<List<TestMigration>> invalid = List.of(
                List.of(V1, TestMigration.of(1, "again", op -> op.createTable("other", Column.id("id")))),
                List.of(TestMigration.of(0, "zero", op -> op.createTable("other", Column.id("id"))), V1),
                List.of(V1, V2.dependingOn(5)),
                List.of(V1.dependingOn(2), V2),
                List.of(V1, V2.dependingOn(2)),
                List.of(V1, TestMigration.of(2, " ", op -> op.createTable("other", Column.id("id")))));
        for (List<TestMigration> migrations : invalid) {
            MigrationError error = catchThrowableOfType(MigrationError.class, () -> run(migrations));
            assertThat(error).as(migrations.toString()).isExactlyInstanceOf(MigrationError.class);
            assertThat(error.result()).isEmpty();
        }

        assertThat(db.tableExists(db.trackingTable())).isFalse();
        assertThat(db.tableExists("samples")).isFalse();
        assertThat(db.tableExists("other")).isFalse();
        assertThat(run(List.of(V1, V2.dependingOn(1))).applied()).containsExactly(1, 2);
    }

    @Test
    void invalidIdentifierInAMigrationFailsTheStepWithoutRunningIt() {
        TestMigration hostile = TestMigration.of(2, "hostile", op -> {
            op.createTable("runs", Column.id("id"));
            op.addColumn("samples; drop table samples;--", Column.of("x", TEXT));
        });

        MigrationError error = catchThrowableOfType(MigrationError.class, () -> run(List.of(V1, hostile)));

        assertThat(error.getCause()).isInstanceOf(IllegalArgumentException.class);
        assertThat(error.result().orElseThrow().applied()).containsExactly(1);
        assertThat(db.tableExists("samples")).isTrue();
        assertThat(db.tableExists("runs")).isFalse();
    }
}
