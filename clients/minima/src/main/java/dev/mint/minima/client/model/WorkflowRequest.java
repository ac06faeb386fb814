package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@code POST /v1/recommend/workflow}: several steps routed one after another, each
 * independently and each with its own recommendation id for feedback. There is no shared budget across
 * steps, and one failing step fails the whole call.
 *
 * <pre>{@code
 * WorkflowRequest.builder()
 *     .step(WorkflowStep.of("extract", TaskInput.builder("Extract entities from ...").taskType(TaskType.EXTRACTION).build()))
 *     .step(WorkflowStep.of("reason", TaskInput.builder("Decide the next action ...").difficulty(Difficulty.HARD).build()))
 *     .costQualityTradeoff(4)
 *     .build();
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record WorkflowRequest(List<WorkflowStep> steps, Optional<Double> costQualityTradeoff,
                              Optional<Constraints> constraints, Optional<String> userId, Optional<String> namespace,
                              Optional<Boolean> allowLlmEscalation) {
    public WorkflowRequest {
        Objects.requireNonNull(steps, "steps == null");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a workflow needs at least one step");
        }
        steps = List.copyOf(steps);
        costQualityTradeoff = Wire.opt(costQualityTradeoff);
        constraints = Wire.opt(constraints);
        userId = Wire.opt(userId);
        namespace = Wire.opt(namespace);
        allowLlmEscalation = Wire.opt(allowLlmEscalation);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link WorkflowRequest}; {@link #build} needs at least one step. */
    public static final class Builder {
        private final List<WorkflowStep> steps = new ArrayList<>();
        private Double costQualityTradeoff;
        private Constraints constraints;
        private String userId;
        private String namespace;
        private Boolean allowLlmEscalation;

        private Builder() {
        }

        public Builder step(WorkflowStep step) {
            steps.add(Objects.requireNonNull(step, "step == null"));
            return this;
        }

        public Builder steps(List<WorkflowStep> steps) {
            Objects.requireNonNull(steps, "steps == null").forEach(this::step);
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

        /** Applies to every step; a step's own constraints override field by field. */
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

        public Builder allowLlmEscalation(boolean allow) {
            this.allowLlmEscalation = allow;
            return this;
        }

        public WorkflowRequest build() {
            if (steps.isEmpty()) {
                throw new IllegalStateException("a workflow needs at least one step");
            }
            return new WorkflowRequest(steps, Optional.ofNullable(costQualityTradeoff), Optional.ofNullable(constraints),
                    Optional.ofNullable(userId), Optional.ofNullable(namespace), Optional.ofNullable(allowLlmEscalation));
        }
    }
}
