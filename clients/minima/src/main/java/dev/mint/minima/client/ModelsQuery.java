package dev.mint.minima.client;

import dev.mint.client.core.ApiRequest;
import dev.mint.minima.client.model.TaskType;
import java.util.Objects;
import java.util.Optional;

/**
 * Filters of {@code GET /v1/models}; only those set are sent.
 *
 * <ul>
 *   <li>{@code provider}: case-insensitive equality, e.g. {@code anthropic};</li>
 *   <li>{@code taskType}: models with a capability prior for that type;</li>
 *   <li>{@code maxCost}: models whose input and output prices are both at most this, USD per 1M tokens;</li>
 *   <li>{@code includeStale}: false keeps freshly priced models only (all, if none is fresh); server default true.</li>
 * </ul>
 */
public final class ModelsQuery {
    private static final ModelsQuery ALL = builder().build();

    private final String provider;
    private final TaskType taskType;
    private final Double maxCost;
    private final Boolean includeStale;

    private ModelsQuery(Builder b) {
        this.provider = b.provider;
        this.taskType = b.taskType;
        this.maxCost = b.maxCost;
        this.includeStale = b.includeStale;
    }

    /** No filters. */
    public static ModelsQuery all() {
        return ALL;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    public Optional<TaskType> taskType() {
        return Optional.ofNullable(taskType);
    }

    public Optional<Double> maxCost() {
        return Optional.ofNullable(maxCost);
    }

    public Optional<Boolean> includeStale() {
        return Optional.ofNullable(includeStale);
    }

    void apply(ApiRequest.Builder request) {
        request.query("provider", provider)
                .query("task_type", taskType == null ? null : taskType.wireName())
                .query("max_cost", maxCost)
                .query("include_stale", includeStale);
    }

    /** Builds a {@link ModelsQuery}. */
    public static final class Builder {
        private String provider;
        private TaskType taskType;
        private Double maxCost;
        private Boolean includeStale;

        private Builder() {
        }

        public Builder provider(String provider) {
            this.provider = Objects.requireNonNull(provider, "provider == null");
            return this;
        }

        public Builder taskType(TaskType taskType) {
            this.taskType = Objects.requireNonNull(taskType, "taskType == null");
            return this;
        }

        /** USD per 1M tokens. */
        public Builder maxCost(double usdPerMillionTokens) {
            if (!(usdPerMillionTokens >= 0)) {
                throw new IllegalArgumentException("maxCost must be >= 0, got " + usdPerMillionTokens);
            }
            this.maxCost = usdPerMillionTokens;
            return this;
        }

        public Builder includeStale(boolean includeStale) {
            this.includeStale = includeStale;
            return this;
        }

        public ModelsQuery build() {
            return new ModelsQuery(this);
        }
    }
}
