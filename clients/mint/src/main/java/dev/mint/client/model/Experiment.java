package dev.mint.client.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An experiment (the reference's ExperimentSummary plus detail fields). {@code status} is one of
 * {@code planned}, {@code ongoing}, {@code completed}, {@code cancelled}; {@code project} and
 * {@code projectName} both carry the project's name.
 */
public record Experiment(long id, String experimentCode, String name, String status, String experimentType,
                         Optional<String> project, Optional<Long> projectId, Optional<String> projectName,
                         Optional<String> notes, Map<String, Object> tags, Map<String, Object> customMetadata,
                         Optional<Long> createdBy, Optional<Creator> createdByUser, Optional<Long> parentExperimentId,
                         Optional<String> startDate, Optional<String> endDate, boolean hasDesignData,
                         Instant createdAt, Instant updatedAt) {
    public Experiment {
        tags = Models.map(tags);
        customMetadata = Models.map(customMetadata);
    }

    /** The public fields of the user who created an experiment. */
    public record Creator(long id, String username, Optional<String> shortname, Optional<String> firstName,
                          Optional<String> lastName) {
    }
}
