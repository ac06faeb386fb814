package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The task to route: the prompt itself (embedded by the server to recall similar past tasks) and what the
 * caller already knows about it. Values left empty are inferred by the server: the task type by its
 * classifier, the difficulty by a heuristic, the token counts from defaults (1500 in, 500 out scaled by
 * difficulty; a count of 0 counts as unknown). {@code tags} are a recall filter, e.g. {@code lang:python}.
 *
 * <pre>{@code
 * TaskInput.builder("Extract the invoice fields as JSON").taskType(TaskType.EXTRACTION).difficulty(Difficulty.EASY).build();
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record TaskInput(String task, Optional<TaskType> taskType, Optional<Difficulty> difficulty,
                        Optional<Double> taskTypeConfidence, Optional<Integer> expectedInputTokens,
                        Optional<Integer> expectedOutputTokens,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> tags) {
    public TaskInput {
        Wire.required(task, "task");
        taskType = Wire.opt(taskType);
        difficulty = Wire.opt(difficulty);
        taskTypeConfidence = Wire.opt(taskTypeConfidence);
        expectedInputTokens = Wire.opt(expectedInputTokens);
        expectedOutputTokens = Wire.opt(expectedOutputTokens);
        tags = tags == null ? List.of() : Wire.strings(tags, "tags");
    }

    /** Just the prompt; everything else is inferred. */
    public static TaskInput of(String task) {
        return builder(task).build();
    }

    public static Builder builder(String task) {
        return new Builder(task);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(task);
        builder.taskType = taskType.orElse(null);
        builder.difficulty = difficulty.orElse(null);
        builder.taskTypeConfidence = taskTypeConfidence.orElse(null);
        builder.expectedInputTokens = expectedInputTokens.orElse(null);
        builder.expectedOutputTokens = expectedOutputTokens.orElse(null);
        builder.tags.addAll(tags);
        return builder;
    }

    /** This task with one more tag, unless it already has it. */
    public TaskInput withTag(String tag) {
        Objects.requireNonNull(tag, "tag == null");
        return tags.contains(tag) ? this : toBuilder().tag(tag).build();
    }

    /** Builds a {@link TaskInput}. Setters reject null and out-of-range values. */
    public static final class Builder {
        private final String task;
        private TaskType taskType;
        private Difficulty difficulty;
        private Double taskTypeConfidence;
        private Integer expectedInputTokens;
        private Integer expectedOutputTokens;
        private final List<String> tags = new ArrayList<>();

        private Builder(String task) {
            this.task = Wire.required(task, "task");
        }

        /** Overrides the server's classifier. */
        public Builder taskType(TaskType taskType) {
            this.taskType = Objects.requireNonNull(taskType, "taskType == null");
            return this;
        }

        /** Overrides the server's difficulty heuristic. */
        public Builder difficulty(Difficulty difficulty) {
            this.difficulty = Objects.requireNonNull(difficulty, "difficulty == null");
            return this;
        }

        /** How sure the caller is of {@link #taskType}, in [0, 1]; diagnostic only. */
        public Builder taskTypeConfidence(double confidence) {
            this.taskTypeConfidence = Wire.unit(confidence, "taskTypeConfidence");
            return this;
        }

        public Builder expectedInputTokens(int tokens) {
            this.expectedInputTokens = Wire.nonNegative(tokens, "expectedInputTokens");
            return this;
        }

        public Builder expectedOutputTokens(int tokens) {
            this.expectedOutputTokens = Wire.nonNegative(tokens, "expectedOutputTokens");
            return this;
        }

        /** Adds a tag (a recall filter stored with the outcome), e.g. {@code lang:python}. */
        public Builder tag(String tag) {
            tags.add(Objects.requireNonNull(tag, "tag == null"));
            return this;
        }

        /** Replaces the tags. */
        public Builder tags(List<String> tags) {
            List<String> copy = Wire.strings(tags, "tags");
            this.tags.clear();
            this.tags.addAll(copy);
            return this;
        }

        public TaskInput build() {
            return new TaskInput(task, Optional.ofNullable(taskType), Optional.ofNullable(difficulty),
                    Optional.ofNullable(taskTypeConfidence), Optional.ofNullable(expectedInputTokens),
                    Optional.ofNullable(expectedOutputTokens), tags);
        }
    }
}
