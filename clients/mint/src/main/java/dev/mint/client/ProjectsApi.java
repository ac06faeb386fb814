package dev.mint.client;

import dev.mint.client.core.ApiRequest;
import dev.mint.client.core.AutoPager;
import dev.mint.client.core.Page;
import dev.mint.client.model.Experiment;
import dev.mint.client.model.Project;
import dev.mint.client.model.ProjectMember;
import java.util.List;
import java.util.Map;

/** Projects, their experiments and members. Obtain through {@link MintClient#projects()}. */
public final class ProjectsApi {
    private static final String BASE = "/api/projects";

    private final MintHttp http;
    private final ExperimentsApi experiments;

    ProjectsApi(MintHttp http, ExperimentsApi experiments) {
        this.http = http;
        this.experiments = experiments;
    }

    /** One page of visible projects matching {@code params}, with the total. */
    public Page<Project> list(ProjectListParams params) {
        return listAt(params, params.skip(), params.limit());
    }

    public Page<Project> list() {
        return list(ProjectListParams.defaults());
    }

    /** Every project matching {@code params}, fetched lazily in pages of {@code params.limit()}. */
    public AutoPager<Project> iterateAll(ProjectListParams params) {
        return new AutoPager<>(params.skip(), params.limit(), (skip, limit) -> listAt(params, skip, limit));
    }

    private Page<Project> listAt(ProjectListParams params, int skip, int limit) {
        ApiRequest.Builder request = ApiRequest.builder("GET", BASE);
        params.applyFilters(request);
        request.query("skip", skip).query("limit", limit);
        return http.page(request.build(), "projects", Project.class, skip);
    }

    public Project get(long id) {
        return http.call(ApiRequest.get(BASE + "/" + id), Project.class);
    }

    /** {@code POST /api/projects}; the caller becomes its owner. */
    public Project create(ProjectFields fields) {
        return http.call(http.jsonRequest("POST", BASE, fields.asMap()), Project.class);
    }

    public Project create(String name, String description) {
        ProjectFields.Builder fields = ProjectFields.builder().name(name);
        if (description != null) {
            fields.description(description);
        }
        return create(fields.build());
    }

    public Project update(long id, ProjectFields fields) {
        return http.call(http.jsonRequest("PATCH", BASE + "/" + id, fields.asMap()), Project.class);
    }

    /** Sets the status to {@code archived}; reversible with {@link #update}. */
    public Project archive(long id) {
        return http.call(http.jsonRequest("POST", BASE + "/" + id + "/archive", Map.of()), Project.class);
    }

    /** Deletes the project <b>and its experiments</b>. */
    public void delete(long id) {
        http.callNoContent(ApiRequest.delete(BASE + "/" + id));
    }

    /** One page of the project's experiments; filters as for {@link ExperimentsApi#list}. */
    public Page<Experiment> experiments(long id, ExperimentListParams params) {
        return experiments.listAt(BASE + "/" + id + "/experiments", params, params.skip(), params.limit());
    }

    public Page<Experiment> experiments(long id) {
        return experiments(id, ExperimentListParams.defaults());
    }

    /** Every experiment of the project, fetched lazily in pages of {@code params.limit()}. */
    public AutoPager<Experiment> iterateExperiments(long id, ExperimentListParams params) {
        return new AutoPager<>(params.skip(), params.limit(),
                (skip, limit) -> experiments.listAt(BASE + "/" + id + "/experiments", params, skip, limit));
    }

    public List<ProjectMember> members(long id) {
        return http.list(ApiRequest.get(BASE + "/" + id + "/members"), "members", ProjectMember.class);
    }

    /** Adds a member or changes their role: {@code owner}, {@code editor} or {@code viewer}. */
    public ProjectMember setMember(long id, long userId, String role) {
        return http.call(http.jsonRequest("PUT", BASE + "/" + id + "/members/" + userId,
                Map.of("role", Fields.required(role, "role"))), ProjectMember.class);
    }

    public void removeMember(long id, long userId) {
        http.callNoContent(ApiRequest.delete(BASE + "/" + id + "/members/" + userId));
    }
}
