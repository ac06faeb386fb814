package dev.mint.minima;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.mint.minima.engine.Difficulty;
import dev.mint.minima.engine.OutcomeIndex;
import dev.mint.minima.engine.TaskType;
import dev.mint.minima.engine.Vectors;
import dev.mint.sdk.PluginDatabase;
import dev.mint.sdk.WireJson;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Minima's rows: recommendations (the decision log), outcomes, feedback idempotency keys, the catalog. */
final class MinimaStore {
    /** One recommendation as logged; the reconciliation columns are filled by feedback. */
    record Decision(String id, long accountId, String namespace, String userLabel, TaskType taskType, Difficulty difficulty,
                    float[] vector, List<String> tags, String recommendedModel, String candidates, double threshold,
                    String policy, double estCostRecommended, double estCostPremium, String baselineModelId,
                    Double estCostBaseline, long createdAt) {
    }

    /** An outcome to remember. */
    record NewOutcome(long accountId, String namespace, String userLabel, String recommendationId, String modelId,
                      TaskType taskType, Difficulty difficulty, float[] vector, double label, double weight, String outcome,
                      String evidenceSource, Integer inputTokens, Integer outputTokens, Double costUsd, Integer latencyMs,
                      List<String> tags, long recordedAt) {
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final PluginDatabase db;

    MinimaStore(PluginDatabase db) {
        this.db = db;
    }

    /** Writes the decisions in one transaction. */
    void saveDecisions(List<Decision> decisions) {
        db.jdbi().useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO " + db.table("recommendations") + " (id, account_id, namespace,"
                    + " user_label, task_type, difficulty, vector, tags, recommended_model, candidates, threshold, policy,"
                    + " est_cost_recommended, est_cost_premium, baseline_model_id, est_cost_baseline, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            for (Decision d : decisions) {
                batch.bind(0, d.id()).bind(1, d.accountId()).bind(2, d.namespace()).bind(3, d.userLabel())
                        .bind(4, d.taskType().wireName()).bind(5, d.difficulty().wireName()).bind(6, Vectors.toBytes(d.vector()))
                        .bind(7, json(d.tags())).bind(8, d.recommendedModel()).bind(9, d.candidates()).bind(10, d.threshold())
                        .bind(11, d.policy()).bind(12, d.estCostRecommended()).bind(13, d.estCostPremium())
                        .bind(14, d.baselineModelId()).bind(15, d.estCostBaseline()).bind(16, d.createdAt()).add();
            }
            batch.execute();
        });
    }

    /** A recommendation of this account; another account's id finds nothing. */
    Optional<Decision> decision(long accountId, String id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id, account_id, namespace, user_label, task_type, difficulty,"
                        + " vector, tags, recommended_model, candidates, threshold, policy, est_cost_recommended,"
                        + " est_cost_premium, baseline_model_id, est_cost_baseline, created_at FROM "
                        + db.table("recommendations") + " WHERE id = ? AND account_id = ?")
                .bind(0, id).bind(1, accountId)
                .map((rs, ctx) -> new Decision(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        TaskType.fromWire(rs.getString(5)), Difficulty.fromWire(rs.getString(6)), Vectors.fromBytes(rs.getBytes(7)),
                        strings(rs.getString(8)), rs.getString(9), rs.getString(10), rs.getDouble(11), rs.getString(12),
                        rs.getDouble(13), rs.getDouble(14), rs.getString(15), nullableDouble(rs, 16),
                        rs.getLong(17)))
                .findOne());
    }

    /** Records what feedback says actually ran and how it went. */
    void reconcile(Handle h, String id, String model, String outcome, Double quality, Double costUsd, long now) {
        h.createUpdate("UPDATE " + db.table("recommendations") + " SET realized_model = ?, outcome = ?, quality = ?,"
                        + " actual_cost_usd = ?, feedback_at = ? WHERE id = ?")
                .bind(0, model).bind(1, outcome).bind(2, quality).bind(3, costUsd).bind(4, now).bind(5, id).execute();
    }

    /** The account's decisions since {@code since} (epoch seconds), in one namespace or all. */
    List<Insights.Row> decisions(long accountId, String namespace, long since) {
        return db.jdbi().withHandle(h -> {
            var query = h.createQuery("SELECT namespace, task_type, difficulty, recommended_model, policy,"
                            + " est_cost_recommended, est_cost_premium, est_cost_baseline, outcome, actual_cost_usd, feedback_at FROM "
                            + db.table("recommendations") + " WHERE account_id = :a AND created_at >= :since"
                            + (namespace == null ? "" : " AND namespace = :ns"))
                    .bind("a", accountId).bind("since", since);
            if (namespace != null) {
                query.bind("ns", namespace);
            }
            return query.map((rs, ctx) -> new Insights.Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getDouble(6), rs.getDouble(7), nullableDouble(rs, 8), rs.getString(9),
                        nullableDouble(rs, 10), rs.getObject(11) != null))
                .list();
        });
    }

    boolean outcomeExists(String recommendationId, String modelId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + db.table("outcomes")
                        + " WHERE recommendation_id = ? AND model_id = ?")
                .bind(0, recommendationId).bind(1, modelId).mapTo(Integer.class).one()) > 0;
    }

    long insertOutcome(Handle h, NewOutcome o) {
        return h.createUpdate("INSERT INTO " + db.table("outcomes") + " (account_id, namespace, user_label, recommendation_id,"
                        + " model_id, task_type, difficulty, vector, label, weight, outcome, evidence_source, input_tokens,"
                        + " output_tokens, cost_usd, latency_ms, tags, recorded_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, o.accountId()).bind(1, o.namespace()).bind(2, o.userLabel()).bind(3, o.recommendationId())
                .bind(4, o.modelId()).bind(5, o.taskType().wireName()).bind(6, o.difficulty().wireName())
                .bind(7, Vectors.toBytes(o.vector())).bind(8, o.label()).bind(9, o.weight()).bind(10, o.outcome())
                .bind(11, o.evidenceSource()).bind(12, o.inputTokens()).bind(13, o.outputTokens()).bind(14, o.costUsd())
                .bind(15, o.latencyMs()).bind(16, json(o.tags())).bind(17, o.recordedAt())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Every outcome of a scope, oldest first, for its recall index. */
    List<OutcomeIndex.Outcome> outcomes(long accountId, String namespace) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id, model_id, task_type, difficulty, vector, label, weight,"
                        + " input_tokens, output_tokens, cost_usd, latency_ms, recorded_at, user_label, tags FROM "
                        + db.table("outcomes") + " WHERE account_id = ? AND namespace = ? ORDER BY id")
                .bind(0, accountId).bind(1, namespace)
                .map((rs, ctx) -> new OutcomeIndex.Outcome(rs.getLong(1), rs.getString(2), TaskType.fromWire(rs.getString(3)),
                        Difficulty.fromWire(rs.getString(4)), Vectors.fromBytes(rs.getBytes(5)), rs.getDouble(6),
                        rs.getDouble(7), nullableInt(rs, 8), nullableInt(rs, 9),
                        nullableDouble(rs, 10), nullableInt(rs, 11), rs.getLong(12), rs.getString(13),
                        strings(rs.getString(14))))
                .list());
    }

    Optional<String> storedResponse(long accountId, String key) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT response FROM " + db.table("feedback_keys")
                        + " WHERE account_id = ? AND idempotency_key = ?")
                .bind(0, accountId).bind(1, key).mapTo(String.class).findOne());
    }

    void storeResponse(Handle h, long accountId, String key, String response, long now) {
        h.createUpdate("INSERT INTO " + db.table("feedback_keys") + " (account_id, idempotency_key, response, created_at)"
                        + " VALUES (?, ?, ?, ?)")
                .bind(0, accountId).bind(1, key).bind(2, response).bind(3, now).execute();
    }

    /** The admin's catalog: its version and its cards as JSON. */
    record StoredCatalog(String version, String models) {
    }

    Optional<StoredCatalog> catalog() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT version, models FROM " + db.table("catalog") + " WHERE id = 1")
                .map((rs, ctx) -> new StoredCatalog(rs.getString(1), rs.getString(2))).findOne());
    }

    void saveCatalog(String version, String models, Long userId, long now) {
        db.jdbi().useTransaction(h -> {
            h.createUpdate("DELETE FROM " + db.table("catalog") + " WHERE id = 1").execute();
            h.createUpdate("INSERT INTO " + db.table("catalog") + " (id, version, models, updated_by, updated_at) VALUES (1, ?, ?, ?, ?)")
                    .bind(0, version).bind(1, models).bind(2, userId).bind(3, now).execute();
        });
    }

    /** SQLite's driver cannot read a null as a boxed number: ask for the primitive, then whether it was null. */
    private static Double nullableDouble(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    PluginDatabase db() {
        return db;
    }

    static String json(Object value) {
        try {
            return WireJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(String json) {
        try {
            // Most outcomes carry no tags; loading a namespace reads every row, so skip the parser for those.
            return json == null || json.equals("[]") ? List.of() : WireJson.MAPPER.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored tags are corrupt: " + e.getOriginalMessage(), e);
        }
    }
}
