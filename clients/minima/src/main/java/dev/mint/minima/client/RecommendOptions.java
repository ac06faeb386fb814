package dev.mint.minima.client;

import dev.mint.minima.client.model.Constraints;
import dev.mint.minima.client.model.RecommendRequest;
import dev.mint.minima.client.model.TaskInput;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a recommendation takes besides the task, for the {@code recommend(task, options)}
 * overloads. Options left unset are not sent, so the server's defaults apply. {@link Builder#phase} is the
 * upstream client's convention for agent loops: phase {@code plan} adds the tag {@code phase:plan} to the
 * task, so recall separates outcomes per phase.
 *
 * <pre>{@code
 * RecommendOptions options = RecommendOptions.builder().costQualityTradeoff(3).namespace("team-payments")
 *     .constraints(Constraints.builder().maxCostPerCall(0.02).build()).phase("plan").build();
 * }</pre>
 */
public final class RecommendOptions {
    private static final RecommendOptions DEFAULTS = builder().build();

    private final Builder b;

    private RecommendOptions(Builder builder) {
        this.b = builder.copy();
    }

    /** No options: the server's defaults. */
    public static RecommendOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return b.copy();
    }

    public Optional<String> phase() {
        return Optional.ofNullable(b.phase);
    }

    public Optional<String> namespace() {
        return Optional.ofNullable(b.namespace);
    }

    public Optional<String> userId() {
        return Optional.ofNullable(b.userId);
    }

    /** The request these options make for a task (the phase, if any, added as a tag). */
    public RecommendRequest toRequest(TaskInput task) {
        Objects.requireNonNull(task, "task == null");
        return new RecommendRequest(b.phase == null ? task : task.withTag("phase:" + b.phase),
                Optional.ofNullable(b.costQualityTradeoff), Optional.ofNullable(b.constraints), Optional.ofNullable(b.userId),
                Optional.ofNullable(b.namespace), Optional.ofNullable(b.incumbentModelId), Optional.ofNullable(b.maxCandidates),
                Optional.ofNullable(b.allowLlmEscalation), Optional.ofNullable(b.explain), Optional.ofNullable(b.baselineModelId));
    }

    /** Builds {@link RecommendOptions}. Setters reject null and out-of-range values. */
    public static final class Builder {
        private Double costQualityTradeoff;
        private Constraints constraints;
        private String userId;
        private String namespace;
        private String incumbentModelId;
        private Integer maxCandidates;
        private Boolean allowLlmEscalation;
        private Boolean explain;
        private String baselineModelId;
        private String phase;

        private Builder() {
        }

        /** The 0..10 slider: 0 favours cost, 10 quality (server default 5). */
        public Builder costQualityTradeoff(double tradeoff) {
            if (!(tradeoff >= 0 && tradeoff <= 10)) {
                throw new IllegalArgumentException("costQualityTradeoff must be within [0, 10], got " + tradeoff);
            }
            this.costQualityTradeoff = tradeoff;
            return this;
        }

        public Builder constraints(Constraints constraints) {
            this.constraints = Objects.requireNonNull(constraints, "constraints == null");
            return this;
        }

        /** Scopes recall to one actor; send the same value on every call of that actor. */
        public Builder userId(String userId) {
            this.userId = Objects.requireNonNull(userId, "userId == null");
            return this;
        }

        /** The memory lane {@code minima:<namespace>}. */
        public Builder namespace(String namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace == null");
            return this;
        }

        /** The model holding the session's prompt cache. */
        public Builder incumbentModelId(String modelId) {
            this.incumbentModelId = Objects.requireNonNull(modelId, "modelId == null");
            return this;
        }

        /** 1..64 (server default 8). */
        public Builder maxCandidates(int maxCandidates) {
            if (maxCandidates < 1 || maxCandidates > 64) {
                throw new IllegalArgumentException("maxCandidates must be within 1..64, got " + maxCandidates);
            }
            this.maxCandidates = maxCandidates;
            return this;
        }

        public Builder allowLlmEscalation(boolean allow) {
            this.allowLlmEscalation = allow;
            return this;
        }

        /** False leaves the evidence lists empty. */
        public Builder explain(boolean explain) {
            this.explain = explain;
            return this;
        }

        /** The model the caller would otherwise use, for the savings report. */
        public Builder baselineModelId(String modelId) {
            this.baselineModelId = Objects.requireNonNull(modelId, "modelId == null");
            return this;
        }

        /** Adds the tag {@code phase:<phase>} to the task. */
        public Builder phase(String phase) {
            Objects.requireNonNull(phase, "phase == null");
            if (phase.isBlank()) {
                throw new IllegalArgumentException("phase must not be blank");
            }
            this.phase = phase;
            return this;
        }

        public RecommendOptions build() {
            return new RecommendOptions(this);
        }

        private Builder copy() {
            Builder c = new Builder();
            c.costQualityTradeoff = costQualityTradeoff;
            c.constraints = constraints;
            c.userId = userId;
            c.namespace = namespace;
            c.incumbentModelId = incumbentModelId;
            c.maxCandidates = maxCandidates;
            c.allowLlmEscalation = allowLlmEscalation;
            c.explain = explain;
            c.baselineModelId = baselineModelId;
            c.phase = phase;
            return c;
        }
    }
}
