package dev.mint.client;

import dev.mint.client.core.ApiRequest;

/** Filters and paging for {@code GET /api/projects}; {@code limit} defaults to 100, {@code skip} to 0. */
public final class ProjectListParams {
    private final String status;
    private final String search;
    private final boolean myProjects;
    private final int skip;
    private final int limit;

    private ProjectListParams(Builder b) {
        this.status = b.status;
        this.search = b.search;
        this.myProjects = b.myProjects;
        this.skip = b.skip;
        this.limit = b.limit;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ProjectListParams defaults() {
        return builder().build();
    }

    public int skip() {
        return skip;
    }

    public int limit() {
        return limit;
    }

    /** Adds the filters and sort (not the paging) as query parameters. */
    void applyFilters(ApiRequest.Builder request) {
        request.query("status", status).query("search", search).query("my_projects", myProjects ? "true" : null);
    }

    /** Builds {@link ProjectListParams}. */
    public static final class Builder {
        private String status;
        private String search;
        private boolean myProjects;
        private int skip;
        private int limit = 100;

        private Builder() {
        }

        /** {@code active}, {@code archived} or {@code completed}. */
        public Builder status(String status) {
            this.status = Fields.required(status, "status");
            return this;
        }

        public Builder search(String search) {
            this.search = Fields.required(search, "search");
            return this;
        }

        /** Only projects the caller is a member of. */
        public Builder myProjects(boolean myProjects) {
            this.myProjects = myProjects;
            return this;
        }

        public Builder skip(int skip) {
            this.skip = Paging.skip(skip);
            return this;
        }

        public Builder limit(int limit) {
            this.limit = Paging.limit(limit);
            return this;
        }

        public ProjectListParams build() {
            return new ProjectListParams(this);
        }
    }
}
