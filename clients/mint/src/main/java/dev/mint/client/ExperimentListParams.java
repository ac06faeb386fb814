package dev.mint.client;

import dev.mint.client.core.ApiRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Filters, sort and paging for {@code GET /api/experiments} (and a project's experiments). Every filter is
 * optional; {@code limit} defaults to 100 (the server allows 1..500), {@code skip} to 0.
 */
public final class ExperimentListParams {
    private final Builder b;

    private ExperimentListParams(Builder builder) {
        this.b = builder.copy();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No filters, first page of 100. */
    public static ExperimentListParams defaults() {
        return builder().build();
    }

    public int skip() {
        return b.skip;
    }

    public int limit() {
        return b.limit;
    }

    public Optional<String> status() {
        return Optional.ofNullable(b.status);
    }

    public Builder toBuilder() {
        return b.copy();
    }

    /** Adds the filters and sort (not the paging) as query parameters. */
    void applyFilters(ApiRequest.Builder request) {
        request.query("status", b.status)
                .query("experiment_type", b.experimentType)
                .query("project", b.project)
                .query("project_id", b.projectId)
                .query("search", b.search)
                .query("mine", b.mine ? "true" : null)
                .query("created_after", b.createdAfter)
                .query("created_before", b.createdBefore)
                .query("sort_by", b.sortBy)
                .query("sort_order", b.sortOrder);
    }

    /** Builds {@link ExperimentListParams}. */
    public static final class Builder {
        private String status;
        private String experimentType;
        private String project;
        private Long projectId;
        private String search;
        private boolean mine;
        private String createdAfter;
        private String createdBefore;
        private String sortBy;
        private String sortOrder;
        private int skip;
        private int limit = 100;

        private Builder() {
        }

        /** {@code planned}, {@code ongoing}, {@code completed} or {@code cancelled}. */
        public Builder status(String status) {
            this.status = Fields.required(status, "status");
            return this;
        }

        public Builder experimentType(String experimentType) {
            this.experimentType = Fields.required(experimentType, "experimentType");
            return this;
        }

        /** Project by name. */
        public Builder project(String projectName) {
            this.project = Fields.required(projectName, "projectName");
            return this;
        }

        public Builder projectId(long projectId) {
            this.projectId = projectId;
            return this;
        }

        /** Case-insensitive match on name, notes and experiment code. */
        public Builder search(String search) {
            this.search = Fields.required(search, "search");
            return this;
        }

        /** Only experiments the caller created. */
        public Builder mine(boolean mine) {
            this.mine = mine;
            return this;
        }

        public Builder createdAfter(Instant instant) {
            this.createdAfter = Fields.required(instant, "instant").toString();
            return this;
        }

        public Builder createdAfter(LocalDate date) {
            this.createdAfter = Fields.required(date, "date").toString();
            return this;
        }

        public Builder createdBefore(Instant instant) {
            this.createdBefore = Fields.required(instant, "instant").toString();
            return this;
        }

        public Builder createdBefore(LocalDate date) {
            this.createdBefore = Fields.required(date, "date").toString();
            return this;
        }

        /** {@code created_at} (default), {@code updated_at}, {@code name}, {@code status} or {@code experiment_code}. */
        public Builder sortBy(String sortBy) {
            this.sortBy = Fields.required(sortBy, "sortBy");
            return this;
        }

        /** {@code desc} (default) or {@code asc}. */
        public Builder sortOrder(String sortOrder) {
            this.sortOrder = Fields.required(sortOrder, "sortOrder");
            return this;
        }

        public Builder skip(int skip) {
            this.skip = Paging.skip(skip);
            return this;
        }

        /** Page size; for {@code iterateAll} the size of each page fetched. */
        public Builder limit(int limit) {
            this.limit = Paging.limit(limit);
            return this;
        }

        public ExperimentListParams build() {
            return new ExperimentListParams(this);
        }

        private Builder copy() {
            Builder c = new Builder();
            c.status = status;
            c.experimentType = experimentType;
            c.project = project;
            c.projectId = projectId;
            c.search = search;
            c.mine = mine;
            c.createdAfter = createdAfter;
            c.createdBefore = createdBefore;
            c.sortBy = sortBy;
            c.sortOrder = sortOrder;
            c.skip = skip;
            c.limit = limit;
            return c;
        }
    }
}
