package dev.mint.minima.migrations;

import dev.mint.sdk.migrations.Column;
import dev.mint.sdk.migrations.ColumnType;
import dev.mint.sdk.migrations.MigrationOps;
import dev.mint.sdk.migrations.PluginMigration;
import java.util.List;

/**
 * Minima's tables: every recommendation (the decision log, reconciled by feedback), every labelled outcome
 * (the memory recall reads), idempotency keys of feedback, and the admin's catalog. Times are epoch
 * seconds; vectors are little-endian float32.
 */
public final class V1CreateMinimaTables implements PluginMigration {
    @Override
    public int version() {
        return 1;
    }

    @Override
    public String name() {
        return "create minima tables";
    }

    @Override
    public void upgrade(MigrationOps ops) {
        ops.createTable("recommendations",
                Column.of("id", ColumnType.TEXT).notNull().unique(),
                Column.of("account_id", ColumnType.BIGINT).notNull(),
                Column.of("namespace", ColumnType.TEXT).notNull(),
                Column.of("user_label", ColumnType.TEXT),
                Column.of("task_type", ColumnType.TEXT).notNull(),
                Column.of("difficulty", ColumnType.TEXT).notNull(),
                Column.of("vector", ColumnType.BLOB).notNull(),
                Column.of("tags", ColumnType.TEXT).notNull(),
                Column.of("recommended_model", ColumnType.TEXT).notNull(),
                Column.of("candidates", ColumnType.TEXT).notNull(),
                Column.of("threshold", ColumnType.REAL).notNull(),
                Column.of("policy", ColumnType.TEXT).notNull(),
                Column.of("est_cost_recommended", ColumnType.REAL).notNull(),
                Column.of("est_cost_premium", ColumnType.REAL).notNull(),
                Column.of("baseline_model_id", ColumnType.TEXT),
                Column.of("est_cost_baseline", ColumnType.REAL),
                Column.of("created_at", ColumnType.BIGINT).notNull(),
                Column.of("realized_model", ColumnType.TEXT),
                Column.of("outcome", ColumnType.TEXT),
                Column.of("quality", ColumnType.REAL),
                Column.of("actual_cost_usd", ColumnType.REAL),
                Column.of("feedback_at", ColumnType.BIGINT));
        ops.createIndex("recommendations_scope", "recommendations", List.of("account_id", "namespace", "created_at"), false);
        ops.createTable("outcomes",
                Column.id("id"),
                Column.of("account_id", ColumnType.BIGINT).notNull(),
                Column.of("namespace", ColumnType.TEXT).notNull(),
                Column.of("user_label", ColumnType.TEXT),
                Column.of("recommendation_id", ColumnType.TEXT).notNull(),
                Column.of("model_id", ColumnType.TEXT).notNull(),
                Column.of("task_type", ColumnType.TEXT).notNull(),
                Column.of("difficulty", ColumnType.TEXT).notNull(),
                Column.of("vector", ColumnType.BLOB).notNull(),
                Column.of("label", ColumnType.REAL).notNull(),
                Column.of("weight", ColumnType.REAL).notNull(),
                Column.of("outcome", ColumnType.TEXT).notNull(),
                Column.of("evidence_source", ColumnType.TEXT).notNull(),
                Column.of("input_tokens", ColumnType.INTEGER),
                Column.of("output_tokens", ColumnType.INTEGER),
                Column.of("cost_usd", ColumnType.REAL),
                Column.of("latency_ms", ColumnType.INTEGER),
                Column.of("tags", ColumnType.TEXT).notNull(),
                Column.of("recorded_at", ColumnType.BIGINT).notNull());
        ops.createIndex("outcomes_scope", "outcomes", List.of("account_id", "namespace"), false);
        ops.createIndex("outcomes_once", "outcomes", List.of("recommendation_id", "model_id"), true);
        ops.createTable("feedback_keys",
                Column.of("account_id", ColumnType.BIGINT).notNull(),
                Column.of("idempotency_key", ColumnType.TEXT).notNull(),
                Column.of("response", ColumnType.TEXT).notNull(),
                Column.of("created_at", ColumnType.BIGINT).notNull());
        ops.createIndex("feedback_keys_once", "feedback_keys", List.of("account_id", "idempotency_key"), true);
        ops.createTable("catalog",
                Column.of("id", ColumnType.INTEGER).notNull().unique(),
                Column.of("version", ColumnType.TEXT).notNull(),
                Column.of("models", ColumnType.TEXT).notNull(),
                Column.of("updated_by", ColumnType.BIGINT),
                Column.of("updated_at", ColumnType.BIGINT).notNull());
    }
}
