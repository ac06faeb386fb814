package dev.mint.tinker.migrations;

import dev.mint.sdk.migrations.Column;
import dev.mint.sdk.migrations.ColumnType;
import dev.mint.sdk.migrations.MigrationOps;
import dev.mint.sdk.migrations.PluginMigration;
import java.util.List;

/**
 * Tinker's tables: sessions, their training runs and samplers, checkpoints (with their archives),
 * finished futures, and the audit log of checkpoint events. Owners are platform user ids; times are epoch
 * milliseconds; JSON columns are text.
 */
public final class V1CreateTinkerTables implements PluginMigration {
    @Override
    public int version() {
        return 1;
    }

    @Override
    public String name() {
        return "create tinker tables";
    }

    @Override
    public void upgrade(MigrationOps ops) {
        ops.createTable("sessions",
                Column.of("id", ColumnType.TEXT).notNull().unique(),
                Column.of("owner_id", ColumnType.BIGINT).notNull(),
                Column.of("project_id", ColumnType.TEXT),
                Column.of("tags", ColumnType.TEXT).notNull(),
                Column.of("user_metadata", ColumnType.TEXT).notNull(),
                Column.of("sdk_version", ColumnType.TEXT),
                Column.of("created_at", ColumnType.BIGINT).notNull(),
                Column.of("heartbeat_at", ColumnType.BIGINT).notNull());
        ops.createIndex("sessions_owner", "sessions", List.of("owner_id", "created_at"), false);
        ops.createTable("training_runs",
                Column.of("id", ColumnType.TEXT).notNull().unique(),
                Column.of("session_id", ColumnType.TEXT).notNull(),
                Column.of("owner_id", ColumnType.BIGINT).notNull(),
                Column.of("owner_name", ColumnType.TEXT).notNull(),
                Column.of("base_model", ColumnType.TEXT).notNull(),
                Column.of("lora_rank", ColumnType.INTEGER),
                Column.of("train_unembed", ColumnType.BOOLEAN).notNull(),
                Column.of("train_mlp", ColumnType.BOOLEAN).notNull(),
                Column.of("train_attn", ColumnType.BOOLEAN).notNull(),
                Column.of("user_metadata", ColumnType.TEXT),
                Column.of("created_at", ColumnType.BIGINT).notNull(),
                Column.of("last_request_at", ColumnType.BIGINT).notNull());
        ops.createIndex("training_runs_owner", "training_runs", List.of("owner_id", "created_at"), false);
        ops.createIndex("training_runs_session", "training_runs", List.of("session_id"), false);
        ops.createTable("samplers",
                Column.of("id", ColumnType.TEXT).notNull().unique(),
                Column.of("session_id", ColumnType.TEXT).notNull(),
                Column.of("owner_id", ColumnType.BIGINT).notNull(),
                Column.of("base_model", ColumnType.TEXT).notNull(),
                Column.of("model_path", ColumnType.TEXT),
                Column.of("created_at", ColumnType.BIGINT).notNull());
        ops.createIndex("samplers_session", "samplers", List.of("session_id"), false);
        ops.createTable("checkpoints",
                Column.id("id"),
                Column.of("training_run_id", ColumnType.TEXT).notNull(),
                Column.of("kind", ColumnType.TEXT).notNull(),
                Column.of("name", ColumnType.TEXT).notNull(),
                Column.of("created_at", ColumnType.BIGINT).notNull(),
                Column.of("is_public", ColumnType.BOOLEAN).notNull(),
                Column.of("expires_at", ColumnType.BIGINT),
                Column.of("archive_key", ColumnType.TEXT),
                Column.of("size_bytes", ColumnType.BIGINT),
                Column.of("sha256", ColumnType.TEXT));
        ops.createIndex("checkpoints_name", "checkpoints", List.of("training_run_id", "kind", "name"), true);
        ops.createIndex("checkpoints_expiry", "checkpoints", List.of("expires_at"), false);
        ops.createIndex("checkpoints_archive", "checkpoints", List.of("archive_key"), false);
        ops.createTable("futures",
                Column.of("request_id", ColumnType.TEXT).notNull().unique(),
                Column.of("owner_id", ColumnType.BIGINT).notNull(),
                Column.of("dedupe_key", ColumnType.TEXT).unique(),
                Column.of("result", ColumnType.TEXT).notNull(),
                Column.of("created_at", ColumnType.BIGINT).notNull());
        ops.createTable("audit_events",
                Column.id("id"),
                Column.of("at", ColumnType.BIGINT).notNull(),
                Column.of("actor_id", ColumnType.BIGINT),
                Column.of("event", ColumnType.TEXT).notNull(),
                Column.of("model_id", ColumnType.TEXT),
                Column.of("tinker_path", ColumnType.TEXT));
        ops.createIndex("audit_events_at", "audit_events", List.of("at"), false);
    }
}
