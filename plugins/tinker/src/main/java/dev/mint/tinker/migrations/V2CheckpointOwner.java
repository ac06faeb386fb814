package dev.mint.tinker.migrations;

import dev.mint.sdk.migrations.Column;
import dev.mint.sdk.migrations.ColumnType;
import dev.mint.sdk.migrations.MigrationOps;
import dev.mint.sdk.migrations.PluginMigration;
import java.util.List;

/**
 * What makes {@code list_user_checkpoints} cheap at any size: the owner of each checkpoint (its run's owner, which
 * never changes) on the checkpoint itself, with an index in listing order, so a page is read straight off the index
 * instead of joining every run of the caller and sorting all of their checkpoints (about 0.7 s at 100,000 on
 * SQLite); and a count of each owner's checkpoint rows kept in the same transactions that insert and delete them,
 * so the cursor's {@code total_count} is that count minus the few rows past their expiry not yet swept (a range of
 * the {@code (owner_id, expires_at)} index) instead of a count over all of them (about 8 ms at 100,000).
 */
public final class V2CheckpointOwner implements PluginMigration {
    @Override
    public int version() {
        return 2;
    }

    @Override
    public String name() {
        return "checkpoint owner indexed in listing order, and checkpoint counts per owner";
    }

    @Override
    public void upgrade(MigrationOps ops) {
        ops.addColumn("checkpoints", Column.of("owner_id", ColumnType.BIGINT));
        ops.execute("UPDATE " + ops.table("checkpoints") + " SET owner_id = (SELECT r.owner_id FROM " + ops.table("training_runs")
                + " r WHERE r.id = " + ops.table("checkpoints") + ".training_run_id) WHERE owner_id IS NULL");
        ops.createIndex("checkpoints_owner", "checkpoints", List.of("owner_id", "created_at", "id"), false);
        ops.createIndex("checkpoints_owner_expiry", "checkpoints", List.of("owner_id", "expires_at"), false);
        ops.createTable("checkpoint_counts",
                Column.of("owner_id", ColumnType.BIGINT).notNull().unique(),
                Column.of("total", ColumnType.BIGINT).notNull());
        ops.execute("INSERT INTO " + ops.table("checkpoint_counts") + " (owner_id, total) SELECT owner_id, count(*) FROM "
                + ops.table("checkpoints") + " WHERE owner_id IS NOT NULL GROUP BY owner_id");
    }
}
