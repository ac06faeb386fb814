package dev.mint.minima.client.model;

import java.util.List;

/**
 * A cluster of promoted lessons the memory layer surfaced: the "why" behind past routing decisions.
 *
 * @param supportingLessonCount how many lessons share this theme
 * @param dominantLessonType    e.g. {@code observation}
 * @param dominantScope         e.g. {@code run}
 */
public record Strategy(String strategyId, String description, int supportingLessonCount, double avgConfidence,
                       double avgReinforcement, String dominantLessonType, String dominantScope,
                       List<String> lessonIds) {
    public Strategy {
        strategyId = Wire.text(strategyId);
        description = Wire.text(description);
        dominantLessonType = Wire.text(dominantLessonType);
        dominantScope = Wire.text(dominantScope);
        lessonIds = Wire.list(lessonIds);
    }
}
