package dev.mint.sdk.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An experiment as plugins see it. {@code project} is the project's name; {@code experimentCode} the
 * platform-assigned code such as {@code EXP-007}.
 */
public record Experiment(long id, String experimentCode, String name, String experimentType, String status,
                         Optional<Long> createdBy, Optional<Long> parentExperimentId, Optional<Long> projectId,
                         Optional<String> project, Optional<String> notes, Map<String, Object> tags,
                         Map<String, Object> customMetadata, Optional<LocalDate> startDate,
                         Optional<LocalDate> endDate, Instant createdAt, Instant updatedAt) {
    public Experiment {
        Objects.requireNonNull(name, "name == null");
        createdBy = Objects.requireNonNullElse(createdBy, Optional.empty());
        parentExperimentId = Objects.requireNonNullElse(parentExperimentId, Optional.empty());
        projectId = Objects.requireNonNullElse(projectId, Optional.empty());
        project = Objects.requireNonNullElse(project, Optional.empty());
        notes = Objects.requireNonNullElse(notes, Optional.empty());
        tags = Json.copy(tags);
        customMetadata = Json.copy(customMetadata);
        startDate = Objects.requireNonNullElse(startDate, Optional.empty());
        endDate = Objects.requireNonNullElse(endDate, Optional.empty());
    }
}
