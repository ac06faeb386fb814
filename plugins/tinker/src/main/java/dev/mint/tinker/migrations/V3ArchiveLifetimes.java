package dev.mint.tinker.migrations;

import dev.mint.sdk.migrations.Column;
import dev.mint.sdk.migrations.ColumnType;
import dev.mint.sdk.migrations.MigrationOps;
import dev.mint.sdk.migrations.PluginMigration;
import java.util.List;

/**
 * When each archive was stored and when it went (replaced, deleted, expired), with its size and run: what the
 * billing endpoint's {@code storage} events are computed from. Archives already stored count from their
 * checkpoint's creation, the nearest time on record (a migration's statements must not change between runs, so
 * it cannot use the time of the upgrade).
 */
public final class V3ArchiveLifetimes implements PluginMigration {
    @Override
    public int version() {
        return 3;
    }

    @Override
    public String name() {
        return "archive lifetimes for storage usage";
    }

    @Override
    public void upgrade(MigrationOps ops) {
        ops.createTable("archive_lifetimes",
                Column.of("archive_key", ColumnType.TEXT).notNull().unique(),
                Column.of("training_run_id", ColumnType.TEXT).notNull(),
                Column.of("owner_id", ColumnType.BIGINT).notNull(),
                Column.of("size_bytes", ColumnType.BIGINT).notNull(),
                Column.of("stored_at", ColumnType.BIGINT).notNull(),
                Column.of("removed_at", ColumnType.BIGINT));
        ops.createIndex("archive_lifetimes_owner", "archive_lifetimes", List.of("owner_id", "stored_at"), false);
        ops.execute("INSERT INTO " + ops.table("archive_lifetimes") + " (archive_key, training_run_id, owner_id, size_bytes,"
                + " stored_at) SELECT archive_key, training_run_id, owner_id, size_bytes, created_at FROM "
                + ops.table("checkpoints") + " WHERE archive_key IS NOT NULL AND owner_id IS NOT NULL");
    }
}
