package dev.mint.client;

import java.time.LocalDate;
import java.util.Map;

/**
 * The fields of an experiment to create or update. Only the fields set are sent; passing {@code null} to
 * {@link Builder#set} sends an explicit JSON null, which clears that field on update.
 *
 * <pre>{@code
 * client.experiments().create(ExperimentFields.builder().name("Dose response").experimentType("dose_response").build());
 * client.experiments().update(id, ExperimentFields.builder().status("completed").build());
 * }</pre>
 */
public final class ExperimentFields {
    private final Map<String, Object> fields;

    private ExperimentFields(Fields fields) {
        this.fields = fields.asMap();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The JSON body sent. */
    public Map<String, Object> asMap() {
        return fields;
    }

    /** Builds {@link ExperimentFields}. */
    public static final class Builder extends Fields.Builder<Builder> {
        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        public Builder name(String name) {
            return set("name", Fields.required(name, "name"));
        }

        /** A type value from {@code experiments().types()}; the platform's default is {@code custom}. */
        public Builder experimentType(String experimentType) {
            return set("experiment_type", Fields.required(experimentType, "experimentType"));
        }

        /** {@code planned}, {@code ongoing}, {@code completed} or {@code cancelled}. */
        public Builder status(String status) {
            return set("status", Fields.required(status, "status"));
        }

        public Builder projectId(long projectId) {
            return set("project_id", projectId);
        }

        public Builder notes(String notes) {
            return set("notes", Fields.required(notes, "notes"));
        }

        public Builder tags(Map<String, ?> tags) {
            return set("tags", Fields.required(tags, "tags"));
        }

        public Builder customMetadata(Map<String, ?> customMetadata) {
            return set("custom_metadata", Fields.required(customMetadata, "customMetadata"));
        }

        public Builder parentExperimentId(long parentExperimentId) {
            return set("parent_experiment_id", parentExperimentId);
        }

        public Builder startDate(LocalDate startDate) {
            return set("start_date", Fields.required(startDate, "startDate").toString());
        }

        public Builder endDate(LocalDate endDate) {
            return set("end_date", Fields.required(endDate, "endDate").toString());
        }


        public ExperimentFields build() {
            return new ExperimentFields(fields);
        }
    }
}
