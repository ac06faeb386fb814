package dev.mint.minima.engine;

import java.util.List;

/** What the caller allows; null fields allow anything. */
public record Constraints(List<String> allowedProviders, List<String> candidateModels, List<String> excludedModels,
                          Double maxCostPerCall, Double minQuality, boolean requirePromptCaching, Integer maxLatencyMs,
                          Long requireContextWindow) {
    public static final Constraints NONE = new Constraints(null, null, null, null, null, false, null, null);
}
