package dev.mint.sdk.data;

import java.util.Optional;

/**
 * Filters and paging for {@link ExperimentRepository#listAll}. {@code search} matches name and notes,
 * case-insensitively; {@code project} is a project name.
 */
public record ExperimentQuery(int skip, int limit, Optional<String> status, Optional<String> experimentType,
                              Optional<String> project, Optional<Long> createdBy, Optional<Long> parentExperimentId,
                              Optional<String> search) {
    public ExperimentQuery {
        if (skip < 0) {
            throw new IllegalArgumentException("skip must be >= 0");
        }
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be 1..500");
        }
    }

    /** First 100, no filters. */
    public static ExperimentQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link ExperimentQuery}. */
    public static final class Builder {
        private int skip;
        private int limit = 100;
        private String status;
        private String experimentType;
        private String project;
        private Long createdBy;
        private Long parentExperimentId;
        private String search;

        private Builder() {
        }

        public Builder skip(int skip) {
            this.skip = skip;
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder experimentType(String experimentType) {
            this.experimentType = experimentType;
            return this;
        }

        public Builder project(String projectName) {
            this.project = projectName;
            return this;
        }

        public Builder createdBy(long userId) {
            this.createdBy = userId;
            return this;
        }

        public Builder parentExperimentId(long parentExperimentId) {
            this.parentExperimentId = parentExperimentId;
            return this;
        }

        public Builder search(String search) {
            this.search = search;
            return this;
        }

        public ExperimentQuery build() {
            return new ExperimentQuery(skip, limit, Optional.ofNullable(status), Optional.ofNullable(experimentType),
                    Optional.ofNullable(project), Optional.ofNullable(createdBy), Optional.ofNullable(parentExperimentId),
                    Optional.ofNullable(search));
        }
    }
}
