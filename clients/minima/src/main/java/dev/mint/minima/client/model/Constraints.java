package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * Hard limits on the candidate models of a recommendation. Every field is optional and only the fields
 * set are sent; {@link #none()} means no limits.
 *
 * <ul>
 *   <li>{@code allowedProviders}: provider whitelist (case-insensitive).</li>
 *   <li>{@code candidateModels}: only these model ids; still capped by {@code max_candidates} (default 8),
 *       so extra ids are dropped by prior.</li>
 *   <li>{@code excludedModels}: model blacklist.</li>
 *   <li>{@code maxCostPerCall}: USD per call; when no model fits the server answers 422.</li>
 *   <li>{@code minQuality}: raises the quality bar to at least this success probability.</li>
 *   <li>{@code requirePromptCaching}: only caching-capable models, priced at the cache-read rate.</li>
 *   <li>{@code maxLatencyMs}: excludes models whose observed p75 latency exceeds it.</li>
 *   <li>{@code requireContextWindow}: minimum context window in tokens.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Constraints(Optional<List<String>> allowedProviders, Optional<List<String>> candidateModels,
                          Optional<List<String>> excludedModels, Optional<Double> maxCostPerCall,
                          Optional<Double> minQuality, Optional<Boolean> requirePromptCaching,
                          Optional<Integer> maxLatencyMs, Optional<Integer> requireContextWindow) {
    private static final Constraints NONE = builder().build();

    public Constraints {
        allowedProviders = Wire.opt(allowedProviders).map(List::copyOf);
        candidateModels = Wire.opt(candidateModels).map(List::copyOf);
        excludedModels = Wire.opt(excludedModels).map(List::copyOf);
        maxCostPerCall = Wire.opt(maxCostPerCall);
        minQuality = Wire.opt(minQuality);
        requirePromptCaching = Wire.opt(requirePromptCaching);
        maxLatencyMs = Wire.opt(maxLatencyMs);
        requireContextWindow = Wire.opt(requireContextWindow);
    }

    /** No limits ({@code {}}). */
    public static Constraints none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.allowedProviders = allowedProviders.orElse(null);
        builder.candidateModels = candidateModels.orElse(null);
        builder.excludedModels = excludedModels.orElse(null);
        builder.maxCostPerCall = maxCostPerCall.orElse(null);
        builder.minQuality = minQuality.orElse(null);
        builder.requirePromptCaching = requirePromptCaching.orElse(null);
        builder.maxLatencyMs = maxLatencyMs.orElse(null);
        builder.requireContextWindow = requireContextWindow.orElse(null);
        return builder;
    }

    /** Builds {@link Constraints}. Setters reject null and out-of-range values. */
    public static final class Builder {
        private List<String> allowedProviders;
        private List<String> candidateModels;
        private List<String> excludedModels;
        private Double maxCostPerCall;
        private Double minQuality;
        private Boolean requirePromptCaching;
        private Integer maxLatencyMs;
        private Integer requireContextWindow;

        private Builder() {
        }

        public Builder allowedProviders(List<String> providers) {
            this.allowedProviders = Wire.strings(providers, "providers");
            return this;
        }

        public Builder allowedProviders(String... providers) {
            return allowedProviders(List.of(providers));
        }

        public Builder candidateModels(List<String> modelIds) {
            this.candidateModels = Wire.strings(modelIds, "modelIds");
            return this;
        }

        public Builder candidateModels(String... modelIds) {
            return candidateModels(List.of(modelIds));
        }

        public Builder excludedModels(List<String> modelIds) {
            this.excludedModels = Wire.strings(modelIds, "modelIds");
            return this;
        }

        public Builder excludedModels(String... modelIds) {
            return excludedModels(List.of(modelIds));
        }

        /** In USD. */
        public Builder maxCostPerCall(double usd) {
            this.maxCostPerCall = Wire.nonNegative(usd, "maxCostPerCall");
            return this;
        }

        /** A success probability in [0, 1]. */
        public Builder minQuality(double quality) {
            this.minQuality = Wire.unit(quality, "minQuality");
            return this;
        }

        public Builder requirePromptCaching(boolean require) {
            this.requirePromptCaching = require;
            return this;
        }

        public Builder maxLatencyMs(int millis) {
            this.maxLatencyMs = Wire.positive(millis, "maxLatencyMs");
            return this;
        }

        public Builder requireContextWindow(int tokens) {
            this.requireContextWindow = Wire.positive(tokens, "requireContextWindow");
            return this;
        }

        public Constraints build() {
            return new Constraints(Optional.ofNullable(allowedProviders), Optional.ofNullable(candidateModels),
                    Optional.ofNullable(excludedModels), Optional.ofNullable(maxCostPerCall),
                    Optional.ofNullable(minQuality), Optional.ofNullable(requirePromptCaching),
                    Optional.ofNullable(maxLatencyMs), Optional.ofNullable(requireContextWindow));
        }
    }
}
