package dev.mint.client.model;

import java.time.Instant;
import java.util.Map;

/** One plugin's analysis result for an experiment. */
public record AnalysisResult(long id, long experimentId, String pluginId, Map<String, Object> result,
                             Instant createdAt, Instant updatedAt) {
    public AnalysisResult {
        result = Models.map(result);
    }
}
