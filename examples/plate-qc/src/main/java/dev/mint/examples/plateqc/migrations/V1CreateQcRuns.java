package dev.mint.examples.plateqc.migrations;

import dev.mint.sdk.migrations.Column;
import dev.mint.sdk.migrations.ColumnType;
import dev.mint.sdk.migrations.MigrationOps;
import dev.mint.sdk.migrations.PluginMigration;
import java.util.List;

/** Every QC run, kept in the plugin's own table: the analysis result holds only the latest. */
public final class V1CreateQcRuns implements PluginMigration {
    @Override
    public int version() {
        return 1;
    }

    @Override
    public String name() {
        return "create qc_runs";
    }

    @Override
    public void upgrade(MigrationOps ops) {
        ops.createTable("qc_runs", Column.id("id"),
                Column.of("experiment_id", ColumnType.BIGINT).notNull(),
                Column.of("passed", ColumnType.BOOLEAN).notNull(),
                Column.of("control_cv_percent", ColumnType.REAL),
                Column.of("run_by", ColumnType.TEXT),
                Column.of("run_at", ColumnType.TEXT).notNull());
        ops.createIndex("qc_runs_experiment", "qc_runs", List.of("experiment_id"), false);
    }
}
