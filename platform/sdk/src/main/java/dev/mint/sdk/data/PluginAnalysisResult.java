package dev.mint.sdk.data;

import java.time.Instant;
import java.util.Map;

/** One plugin's analysis output for one experiment: one per (experiment, plugin). */
public record PluginAnalysisResult(long id, long experimentId, String pluginId, Map<String, Object> result,
                                   Instant createdAt, Instant updatedAt) {
    public PluginAnalysisResult {
        result = Json.copy(result);
    }
}
