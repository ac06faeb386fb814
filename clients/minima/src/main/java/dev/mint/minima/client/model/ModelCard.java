package dev.mint.minima.client.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One model of the server's catalog, with its list prices in USD per million tokens.
 *
 * @param capabilityPriors     e.g. {@code {"intelligence_index": 0.5}}
 * @param capabilityByTaskType the prior probability of success per task type (wire names as keys)
 * @param costSource           {@code fallback-snapshot} or {@code litellm}
 */
public record ModelCard(String modelId, String provider, String displayName, double inputCostPerMtok,
                        double outputCostPerMtok, Optional<Double> cacheReadCostPerMtok, boolean supportsPromptCaching,
                        long contextWindow, Optional<Long> maxOutputTokens, Map<String, Double> capabilityPriors,
                        Map<String, Double> capabilityByTaskType, String costSource, Optional<Instant> costFetchedAt,
                        boolean costStale, String capabilitySource) {
    public ModelCard {
        Objects.requireNonNull(modelId, "model_id missing");
        provider = Wire.text(provider);
        displayName = Wire.text(displayName);
        cacheReadCostPerMtok = Wire.opt(cacheReadCostPerMtok);
        maxOutputTokens = Wire.opt(maxOutputTokens);
        capabilityPriors = Wire.map(capabilityPriors);
        capabilityByTaskType = Wire.map(capabilityByTaskType);
        costSource = Wire.text(costSource);
        costFetchedAt = Wire.opt(costFetchedAt);
        capabilitySource = Wire.text(capabilitySource);
    }

    /** The prior probability of success for a task type, when the catalog has one. */
    public Optional<Double> capability(TaskType taskType) {
        return Optional.ofNullable(capabilityByTaskType.get(taskType.wireName()));
    }

    /** What a call with these token counts costs at list prices (no caching), in USD. */
    public double listCostUsd(long inputTokens, long outputTokens) {
        return (inputTokens * inputCostPerMtok + outputTokens * outputCostPerMtok) / 1_000_000d;
    }
}
