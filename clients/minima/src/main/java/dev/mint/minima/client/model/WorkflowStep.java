package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a {@link WorkflowRequest}. Its own constraints are merged over the workflow's (a step
 * field overrides only when it is set and not false); {@code dependsOn} is informational only.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record WorkflowStep(String stepId, TaskInput task, Optional<Constraints> constraints,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> dependsOn) {
    public WorkflowStep {
        Wire.required(stepId, "stepId");
        Objects.requireNonNull(task, "task == null");
        constraints = Wire.opt(constraints);
        dependsOn = dependsOn == null ? List.of() : Wire.strings(dependsOn, "dependsOn");
    }

    public static WorkflowStep of(String stepId, TaskInput task) {
        return builder(stepId, task).build();
    }

    public static Builder builder(String stepId, TaskInput task) {
        return new Builder(stepId, task);
    }

    /** Builds a {@link WorkflowStep}. */
    public static final class Builder {
        private final String stepId;
        private final TaskInput task;
        private Constraints constraints;
        private final List<String> dependsOn = new ArrayList<>();

        private Builder(String stepId, TaskInput task) {
            this.stepId = Wire.required(stepId, "stepId");
            this.task = Objects.requireNonNull(task, "task == null");
        }

        public Builder constraints(Constraints constraints) {
            this.constraints = Objects.requireNonNull(constraints, "constraints == null");
            return this;
        }

        public Builder dependsOn(String... stepIds) {
            dependsOn.addAll(Wire.strings(List.of(stepIds), "stepIds"));
            return this;
        }

        public WorkflowStep build() {
            return new WorkflowStep(stepId, task, Optional.ofNullable(constraints), dependsOn);
        }
    }
}
