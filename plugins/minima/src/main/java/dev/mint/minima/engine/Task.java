package dev.mint.minima.engine;

import java.util.List;

/**
 * One recommendation request as the engine sees it: the task text and what the caller said about it,
 * the slider, the constraints, and the scope filters ({@code userLabel}, {@code tags}) of recall.
 */
public record Task(String text, TaskType callerType, Difficulty callerDifficulty, Integer expectedInputTokens,
                   Integer expectedOutputTokens, List<String> tags, double slider, Constraints constraints,
                   String userLabel, int maxCandidates, String incumbentModelId) {
    public Task {
        tags = tags == null ? List.of() : List.copyOf(tags);
        constraints = constraints == null ? Constraints.NONE : constraints;
    }
}
