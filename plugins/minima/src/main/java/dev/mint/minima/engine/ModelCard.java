package dev.mint.minima.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model of the catalog: list prices in USD per million tokens, context size, provider, and how good
 * it is believed to be per task type before any evidence (a prior in [0, 1]).
 */
public record ModelCard(String modelId, String provider, String displayName, double inputCostPerMtok,
                        double outputCostPerMtok, Double cacheReadCostPerMtok, boolean supportsPromptCaching,
                        long contextWindow, Long maxOutputTokens, Map<String, Double> capabilityPriors,
                        Map<String, Double> capabilityByTaskType, String costSource, String capabilitySource) {
    /** The prior of a model the catalog knows nothing about: evidence alone will tell. */
    public static final double NEUTRAL_PRIOR = 0.5;

    public ModelCard {
        displayName = displayName == null ? "" : displayName;
        capabilityPriors = capabilityPriors == null ? Map.of() : Map.copyOf(capabilityPriors);
        capabilityByTaskType = capabilityByTaskType == null ? Map.of() : new LinkedHashMap<>(capabilityByTaskType);
        costSource = costSource == null ? "catalog" : costSource;
        capabilitySource = capabilitySource == null ? "catalog" : capabilitySource;
    }

    /** The quality believed before evidence for {@code type}: its own prior, else the overall one, else neutral. */
    public double prior(TaskType type) {
        Double own = capabilityByTaskType.get(type.wireName());
        if (own == null) {
            own = capabilityPriors.get("intelligence_index");
        }
        return own == null ? NEUTRAL_PRIOR : Math.max(0, Math.min(1, own));
    }

    /** List price of a call with these token counts; {@code cachedInput} prices the input at the cache-read rate. */
    public double cost(double inputTokens, double outputTokens, boolean cachedInput) {
        double inputPrice = cachedInput && supportsPromptCaching && cacheReadCostPerMtok != null
                ? cacheReadCostPerMtok : inputCostPerMtok;
        return (inputTokens * inputPrice + outputTokens * outputCostPerMtok) / 1_000_000.0;
    }
}
