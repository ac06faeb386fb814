package dev.mint.minima.client.model;

import java.util.List;
import java.util.Optional;

/**
 * The answer of {@code POST /v1/feedback}. The server answers 200 even when it could not use the
 * feedback; then {@code accepted} is false and {@code warnings} says why (e.g.
 * {@code unknown_recommendation}).
 *
 * @param recordId           the durable outcome record written; empty for telemetry-only feedback
 * @param reinforcedEntryIds recalled past outcomes of the chosen model that this feedback credited
 * @param updatedConfidence  the memory's new confidence in the primary entry
 * @param warnings           e.g. {@code unlabeled_telemetry_only}, {@code duplicate_feedback_ignored}
 */
public record FeedbackResponse(boolean accepted, Optional<String> recordId, List<String> reinforcedEntryIds,
                               Optional<Double> updatedConfidence, boolean reflectionTriggered, boolean lessonPromoted,
                               int stepOutcomesRecorded, List<String> warnings) {
    public FeedbackResponse {
        recordId = Wire.opt(recordId);
        reinforcedEntryIds = Wire.list(reinforcedEntryIds);
        updatedConfidence = Wire.opt(updatedConfidence);
        warnings = Wire.list(warnings);
    }
}
