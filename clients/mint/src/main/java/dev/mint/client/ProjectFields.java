package dev.mint.client;

import java.util.Map;

/**
 * The fields of a project to create or update. Only the fields set are sent; passing {@code null} to
 * {@link Builder#set} sends an explicit JSON null.
 */
public final class ProjectFields {
    private final Map<String, Object> fields;

    private ProjectFields(Fields fields) {
        this.fields = fields.asMap();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, Object> asMap() {
        return fields;
    }

    /** Builds {@link ProjectFields}. */
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

        public Builder description(String description) {
            return set("description", Fields.required(description, "description"));
        }

        /** {@code active}, {@code archived} or {@code completed}. */
        public Builder status(String status) {
            return set("status", Fields.required(status, "status"));
        }

        /** {@code open} (default) or {@code restricted} (only members see it). */
        public Builder visibility(String visibility) {
            return set("visibility", Fields.required(visibility, "visibility"));
        }


        public ProjectFields build() {
            return new ProjectFields(fields);
        }
    }
}
