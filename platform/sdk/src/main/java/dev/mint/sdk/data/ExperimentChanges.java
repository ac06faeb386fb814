package dev.mint.sdk.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of an experiment to create or change, by wire name ({@code name}, {@code experiment_type},
 * {@code status}, {@code project} (a project name), {@code project_id}, {@code notes}, {@code tags},
 * {@code custom_metadata}, {@code parent_experiment_id}, {@code start_date}, {@code end_date},
 * {@code created_by}). Fields not set are left alone; a field set to null is cleared.
 */
public final class ExperimentChanges {
    private final Map<String, Object> fields;

    private ExperimentChanges(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** For creating: the two fields every experiment needs. */
    public static Builder create(String name, String experimentType) {
        return builder().name(name).experimentType(experimentType);
    }

    public Map<String, Object> fields() {
        return fields;
    }

    /** Builds {@link ExperimentChanges}. */
    public static final class Builder {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder name(String name) {
            return set("name", Objects.requireNonNull(name, "name == null"));
        }

        public Builder experimentType(String experimentType) {
            return set("experiment_type", Objects.requireNonNull(experimentType, "experimentType == null"));
        }

        public Builder status(String status) {
            return set("status", Objects.requireNonNull(status, "status == null"));
        }

        public Builder project(String projectName) {
            return set("project", projectName);
        }

        public Builder notes(String notes) {
            return set("notes", notes);
        }

        public Builder tags(Map<String, ?> tags) {
            return set("tags", tags);
        }

        public Builder parentExperimentId(Long parentExperimentId) {
            return set("parent_experiment_id", parentExperimentId);
        }

        public Builder createdBy(long userId) {
            return set("created_by", userId);
        }

        /** Any field by wire name; null clears it. */
        public Builder set(String field, Object value) {
            fields.put(Objects.requireNonNull(field, "field == null"), value);
            return this;
        }

        public ExperimentChanges build() {
            return new ExperimentChanges(fields);
        }
    }
}
