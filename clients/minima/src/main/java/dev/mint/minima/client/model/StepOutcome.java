package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.Optional;

/**
 * How one step of an agent's run went, reported inside a {@link FeedbackRequest} (at most 32 per call
 * are recorded).
 *
 * @param signal a reward in [-1, 1]; derived from the outcome when empty
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record StepOutcome(String stepId, Optional<String> stepName, Outcome outcome, Optional<Double> signal,
                          Optional<String> rationale, Optional<String> directiveHint) {
    public StepOutcome {
        Wire.required(stepId, "stepId");
        stepName = Wire.opt(stepName);
        Objects.requireNonNull(outcome, "outcome == null");
        signal = Wire.opt(signal);
        rationale = Wire.opt(rationale);
        directiveHint = Wire.opt(directiveHint);
    }

    public static StepOutcome of(String stepId, Outcome outcome) {
        return builder(stepId, outcome).build();
    }

    public static Builder builder(String stepId, Outcome outcome) {
        return new Builder(stepId, outcome);
    }

    /** Builds a {@link StepOutcome}. */
    public static final class Builder {
        private final String stepId;
        private final Outcome outcome;
        private String stepName;
        private Double signal;
        private String rationale;
        private String directiveHint;

        private Builder(String stepId, Outcome outcome) {
            this.stepId = Wire.required(stepId, "stepId");
            this.outcome = Objects.requireNonNull(outcome, "outcome == null");
        }

        public Builder stepName(String stepName) {
            this.stepName = Objects.requireNonNull(stepName, "stepName == null");
            return this;
        }

        /** A reward in [-1, 1]. */
        public Builder signal(double signal) {
            if (!(signal >= -1 && signal <= 1)) {
                throw new IllegalArgumentException("signal must be within [-1, 1], got " + signal);
            }
            this.signal = signal;
            return this;
        }

        public Builder rationale(String rationale) {
            this.rationale = Objects.requireNonNull(rationale, "rationale == null");
            return this;
        }

        public Builder directiveHint(String directiveHint) {
            this.directiveHint = Objects.requireNonNull(directiveHint, "directiveHint == null");
            return this;
        }

        public StepOutcome build() {
            return new StepOutcome(stepId, Optional.ofNullable(stepName), outcome, Optional.ofNullable(signal),
                    Optional.ofNullable(rationale), Optional.ofNullable(directiveHint));
        }
    }
}
