package dev.mint.client;

import dev.mint.client.core.ApiRequest;
import dev.mint.client.core.AutoPager;
import dev.mint.client.core.Page;
import dev.mint.client.model.AnalysisResult;
import dev.mint.client.model.DesignData;
import dev.mint.client.model.Experiment;
import dev.mint.client.model.ExperimentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Experiments, their types, design data and analysis results. Obtain through
 * {@link MintClient#experiments()}. Every method throws a {@link MintApiException} subclass on failure.
 */
public final class ExperimentsApi {
    private static final String BASE = "/api/experiments";

    private final MintHttp http;

    ExperimentsApi(MintHttp http) {
        this.http = http;
    }

    /** One page of experiments matching {@code params}, with the total number of matches. */
    public Page<Experiment> list(ExperimentListParams params) {
        return listAt(BASE, params, params.skip(), params.limit());
    }

    /** The first page (100) of all visible experiments. */
    public Page<Experiment> list() {
        return list(ExperimentListParams.defaults());
    }

    /**
     * Every experiment matching {@code params}, fetched lazily in pages of {@code params.limit()}
     * starting at {@code params.skip()}.
     */
    public AutoPager<Experiment> iterateAll(ExperimentListParams params) {
        return new AutoPager<>(params.skip(), params.limit(), (skip, limit) -> listAt(BASE, params, skip, limit));
    }

    Page<Experiment> listAt(String path, ExperimentListParams params, int skip, int limit) {
        ApiRequest.Builder request = ApiRequest.builder("GET", path);
        params.applyFilters(request);
        request.query("skip", skip).query("limit", limit);
        return http.page(request.build(), "experiments", Experiment.class, skip);
    }

    /** {@code GET /api/experiments/{id}}. */
    public Experiment get(long id) {
        return http.call(ApiRequest.get(BASE + "/" + id), Experiment.class);
    }

    /** {@code POST /api/experiments}; {@code name} is required, the platform assigns the experiment code. */
    public Experiment create(ExperimentFields fields) {
        return http.call(http.jsonRequest("POST", BASE, fields.asMap()), Experiment.class);
    }

    /** Creates an experiment of a type with just a name. */
    public Experiment create(String name, String experimentType) {
        return create(ExperimentFields.builder().name(name).experimentType(experimentType).build());
    }

    /** {@code PATCH /api/experiments/{id}} with the fields set. */
    public Experiment update(long id, ExperimentFields fields) {
        return http.call(http.jsonRequest("PATCH", BASE + "/" + id, fields.asMap()), Experiment.class);
    }

    /** {@code DELETE /api/experiments/{id}}; its design data and results go with it. */
    public void delete(long id) {
        http.callNoContent(ApiRequest.delete(BASE + "/" + id));
    }

    /** The active experiment types. */
    public List<ExperimentType> types() {
        return types(false);
    }

    /** Experiment types, inactive ones too when asked. */
    public List<ExperimentType> types(boolean includeInactive) {
        ApiRequest request = ApiRequest.builder("GET", BASE + "/experiment-types")
                .query("include_inactive", includeInactive ? "true" : null).build();
        return http.list(request, "experiment_types", ExperimentType.class);
    }

    /**
     * {@code GET /api/experiments/{id}/data}.
     *
     * @throws MintNotFoundException when the experiment has no design data (or does not exist)
     */
    public DesignData getData(long id) {
        return http.call(ApiRequest.get(BASE + "/" + id + "/data"), DesignData.class);
    }

    /** Saves design data with schema version {@code 1.0}. */
    public DesignData saveData(long id, String pluginId, Map<String, ?> data) {
        return saveData(id, pluginId, data, "1.0");
    }

    /**
     * {@code PUT /api/experiments/{id}/data}: one record per experiment.
     *
     * @throws MintConflictException when another plugin owns the experiment's design data
     */
    public DesignData saveData(long id, String pluginId, Map<String, ?> data, String schemaVersion) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("plugin_id", Fields.required(pluginId, "pluginId"));
        body.put("data", Fields.required(data, "data"));
        body.put("schema_version", Fields.required(schemaVersion, "schemaVersion"));
        return http.call(http.jsonRequest("PUT", BASE + "/" + id + "/data", body), DesignData.class);
    }

    /** {@code DELETE /api/experiments/{id}/data}. */
    public void deleteData(long id) {
        http.callNoContent(ApiRequest.delete(BASE + "/" + id + "/data"));
    }

    /** Every plugin's analysis result for the experiment, ordered by plugin id. */
    public List<AnalysisResult> listResults(long id) {
        return http.list(ApiRequest.get(BASE + "/" + id + "/results"), "results", AnalysisResult.class);
    }

    /** {@code GET /api/experiments/{id}/results/{pluginId}}. */
    public AnalysisResult getResult(long id, String pluginId) {
        return http.call(ApiRequest.get(resultPath(id, pluginId)), AnalysisResult.class);
    }

    /** {@code PUT /api/experiments/{id}/results/{pluginId}}: one result per (experiment, plugin). */
    public AnalysisResult saveResult(long id, String pluginId, Map<String, ?> result) {
        return http.call(http.jsonRequest("PUT", resultPath(id, pluginId),
                Map.of("result", Fields.required(result, "result"))), AnalysisResult.class);
    }

    /** {@code DELETE /api/experiments/{id}/results/{pluginId}}. */
    public void deleteResult(long id, String pluginId) {
        http.callNoContent(ApiRequest.delete(resultPath(id, pluginId)));
    }

    private static String resultPath(long id, String pluginId) {
        return BASE + "/" + id + "/results/" + MintHttp.segment(pluginId);
    }
}
