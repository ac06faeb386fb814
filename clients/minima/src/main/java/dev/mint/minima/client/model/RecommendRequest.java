package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@code POST /v1/recommend}. Only the task is required; every other field left empty takes
 * the server's default: {@code cost_quality_tradeoff} 5 (0 = cheapest that clears a low bar, 10 = best),
 * no constraints, the default namespace, {@code max_candidates} 8, {@code explain} true,
 * {@code allow_llm_escalation} true.
 *
 * @param userId           scopes recall to one actor within the organisation; send the same value with
 *                         every call of that actor, or recall finds nothing
 * @param namespace        the memory lane {@code minima:<namespace>} (team, project, environment)
 * @param incumbentModelId the model holding the session's prompt cache, priced partly at its cache rate
 * @param baselineModelId  the model the caller would otherwise use, for the "vs declared" savings figure
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record RecommendRequest(TaskInput task, Optional<Double> costQualityTradeoff, Optional<Constraints> constraints,
                               Optional<String> userId, Optional<String> namespace, Optional<String> incumbentModelId,
                               Optional<Integer> maxCandidates, Optional<Boolean> allowLlmEscalation,
                               Optional<Boolean> explain, Optional<String> baselineModelId) {
    public RecommendRequest {
        Objects.requireNonNull(task, "task == null");
        costQualityTradeoff = Wire.opt(costQualityTradeoff);
        constraints = Wire.opt(constraints);
        userId = Wire.opt(userId);
        namespace = Wire.opt(namespace);
        incumbentModelId = Wire.opt(incumbentModelId);
        maxCandidates = Wire.opt(maxCandidates);
        allowLlmEscalation = Wire.opt(allowLlmEscalation);
        explain = Wire.opt(explain);
        baselineModelId = Wire.opt(baselineModelId);
    }

    /** A request for this task with the server's defaults. */
    public static RecommendRequest of(TaskInput task) {
        return builder(task).build();
    }

    public static Builder builder(TaskInput task) {
        return new Builder(task);
    }

    public Builder toBuilder() {
        Builder b = new Builder(task);
        b.costQualityTradeoff = costQualityTradeoff.orElse(null);
        b.constraints = constraints.orElse(null);
        b.userId = userId.orElse(null);
        b.namespace = namespace.orElse(null);
        b.incumbentModelId = incumbentModelId.orElse(null);
        b.maxCandidates = maxCandidates.orElse(null);
        b.allowLlmEscalation = allowLlmEscalation.orElse(null);
        b.explain = explain.orElse(null);
        b.baselineModelId = baselineModelId.orElse(null);
        return b;
    }

    /** Builds a {@link RecommendRequest}. Setters reject null and out-of-range values. */
    public static final class Builder {
        private TaskInput task;
        private Double costQualityTradeoff;
        private Constraints constraints;
        private String userId;
        private String namespace;
        private String incumbentModelId;
        private Integer maxCandidates;
        private Boolean allowLlmEscalation;
        private Boolean explain;
        private String baselineModelId;

        private Builder(TaskInput task) {
            this.task = Objects.requireNonNull(task, "task == null");
        }

        public Builder task(TaskInput task) {
            this.task = Objects.requireNonNull(task, "task == null");
            return this;
        }

        /** The 0..10 slider: 0 favours cost, 10 quality. */
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

        public Builder userId(String userId) {
            this.userId = Objects.requireNonNull(userId, "userId == null");
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace == null");
            return this;
        }

        public Builder incumbentModelId(String modelId) {
            this.incumbentModelId = Objects.requireNonNull(modelId, "modelId == null");
            return this;
        }

        /** How many catalog models are scored, 1..64 (server default 8, chosen by capability prior). */
        public Builder maxCandidates(int maxCandidates) {
            if (maxCandidates < 1 || maxCandidates > 64) {
                throw new IllegalArgumentException("maxCandidates must be within 1..64, got " + maxCandidates);
            }
            this.maxCandidates = maxCandidates;
            return this;
        }

        /** Current servers use it only to gate the {@code escalation_suggested:*} warnings. */
        public Builder allowLlmEscalation(boolean allow) {
            this.allowLlmEscalation = allow;
            return this;
        }

        /** False leaves every {@code evidence} list empty (smaller responses). */
        public Builder explain(boolean explain) {
            this.explain = explain;
            return this;
        }

        public Builder baselineModelId(String modelId) {
            this.baselineModelId = Objects.requireNonNull(modelId, "modelId == null");
            return this;
        }

        public RecommendRequest build() {
            return new RecommendRequest(task, Optional.ofNullable(costQualityTradeoff), Optional.ofNullable(constraints),
                    Optional.ofNullable(userId), Optional.ofNullable(namespace), Optional.ofNullable(incumbentModelId),
                    Optional.ofNullable(maxCandidates), Optional.ofNullable(allowLlmEscalation),
                    Optional.ofNullable(explain), Optional.ofNullable(baselineModelId));
        }
    }
}
