package dev.mint.server.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.db.Rows;
import dev.mint.server.http.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Design data (one record per experiment) and analysis results (one per experiment and plugin). */
public final class ExperimentDataStore {

    /** The reference's DesignData. */
    public record DesignData(long id, long experimentId, String pluginId, JsonNode data, String schemaVersion,
                             Instant createdAt, Instant updatedAt) {
    }

    /** The reference's PluginAnalysisResult. */
    public record AnalysisResult(long id, long experimentId, String pluginId, JsonNode result, Instant createdAt,
                                 Instant updatedAt) {
    }

    public Optional<DesignData> design(Handle h, long experimentId) {
        return h.createQuery("SELECT * FROM design_data WHERE experiment_id = :e").bind("e", experimentId)
                .map(ExperimentDataStore::mapDesign).findOne();
    }

    /**
     * Inserts the experiment's design data, or replaces it when {@code pluginId} already owns it. Empty when
     * another plugin owns it; the check is part of the one upsert, so concurrent first saves by different
     * plugins cannot both win.
     */
    public Optional<DesignData> saveDesign(Handle h, long experimentId, String pluginId, JsonNode data,
                                           String schemaVersion) {
        Instant now = Instant.now();
        int saved = h.createUpdate("INSERT INTO design_data (experiment_id, plugin_id, data, schema_version, created_at,"
                        + " updated_at) VALUES (:e, :p, :d, :v, :now, :now) ON CONFLICT (experiment_id) DO UPDATE SET"
                        + " data = excluded.data, schema_version = excluded.schema_version, updated_at = excluded.updated_at"
                        + " WHERE design_data.plugin_id = excluded.plugin_id")
                .bind("e", experimentId).bind("p", pluginId).bind("d", Json.write(data)).bind("v", schemaVersion)
                .bind("now", now).execute();
        if (saved == 0) {
            return Optional.empty();
        }
        touch(h, experimentId, now);
        return design(h, experimentId);
    }

    public boolean deleteDesign(Handle h, long experimentId) {
        boolean deleted = h.createUpdate("DELETE FROM design_data WHERE experiment_id = :e").bind("e", experimentId).execute() > 0;
        if (deleted) {
            touch(h, experimentId, Instant.now());
        }
        return deleted;
    }

    public List<AnalysisResult> results(Handle h, long experimentId) {
        return h.createQuery("SELECT * FROM analysis_results WHERE experiment_id = :e ORDER BY plugin_id")
                .bind("e", experimentId).map(ExperimentDataStore::mapResult).list();
    }

    public Optional<AnalysisResult> result(Handle h, long experimentId, String pluginId) {
        return h.createQuery("SELECT * FROM analysis_results WHERE experiment_id = :e AND plugin_id = :p")
                .bind("e", experimentId).bind("p", pluginId).map(ExperimentDataStore::mapResult).findOne();
    }

    public AnalysisResult saveResult(Handle h, long experimentId, String pluginId, JsonNode result) {
        Instant now = Instant.now();
        h.createUpdate("INSERT INTO analysis_results (experiment_id, plugin_id, result, created_at, updated_at)"
                        + " VALUES (:e, :p, :r, :now, :now) ON CONFLICT (experiment_id, plugin_id) DO UPDATE SET"
                        + " result = excluded.result, updated_at = excluded.updated_at")
                .bind("e", experimentId).bind("p", pluginId).bind("r", Json.write(result)).bind("now", now).execute();
        return result(h, experimentId, pluginId).orElseThrow();
    }

    public boolean deleteResult(Handle h, long experimentId, String pluginId) {
        return h.createUpdate("DELETE FROM analysis_results WHERE experiment_id = :e AND plugin_id = :p")
                .bind("e", experimentId).bind("p", pluginId).execute() > 0;
    }

    private static void touch(Handle h, long experimentId, Instant now) {
        h.createUpdate("UPDATE experiments SET updated_at = :now WHERE id = :e").bind("now", now).bind("e", experimentId).execute();
    }

    private static DesignData mapDesign(ResultSet rs, StatementContext ctx) throws SQLException {
        return new DesignData(rs.getLong("id"), rs.getLong("experiment_id"), rs.getString("plugin_id"),
                Json.read(rs.getString("data")), rs.getString("schema_version"), Rows.instant(rs, "created_at", ctx),
                Rows.instant(rs, "updated_at", ctx));
    }

    private static AnalysisResult mapResult(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AnalysisResult(rs.getLong("id"), rs.getLong("experiment_id"), rs.getString("plugin_id"),
                Json.read(rs.getString("result")), Rows.instant(rs, "created_at", ctx), Rows.instant(rs, "updated_at", ctx));
    }
}
