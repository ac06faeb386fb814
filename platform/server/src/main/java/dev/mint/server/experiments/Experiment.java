package dev.mint.server.experiments;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;

/**
 * An experiment as served (the reference's ExperimentSummary plus detail fields). {@code project} and
 * {@code project_name} both carry the project's name, as upstream sends both. {@code tags} and
 * {@code custom_metadata} are the stored JSON text, written out as is (the server wrote and checked it).
 */
public record Experiment(long id, String experimentCode, String name, String status, String experimentType,
                         String project, Long projectId, String projectName, String notes, @JsonRawValue String tags,
                         @JsonRawValue String customMetadata, Long createdBy, CreatedByUser createdByUser, Long parentExperimentId,
                         String startDate, String endDate, boolean hasDesignData, Instant createdAt, Instant updatedAt,
                         @JsonIgnore String projectVisibility) {

    public static final List<String> STATUSES = List.of("planned", "ongoing", "completed", "cancelled");

    /** The creator's public fields. */
    public record CreatedByUser(long id, String username, String shortname, String firstName, String lastName) {
    }
}
