package dev.mint.server.plugins;

import dev.mint.sdk.ConflictException;
import dev.mint.sdk.NotFoundException;
import dev.mint.sdk.data.DesignData;
import dev.mint.sdk.data.PluginAnalysisResult;
import dev.mint.sdk.data.PluginDataRepository;
import dev.mint.server.experiments.ExperimentDataStore;
import dev.mint.server.experiments.ExperimentHooks;
import dev.mint.server.experiments.ExperimentStore;
import dev.mint.server.http.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Design data and analysis results for plugins, stored as the REST routes store them; design-data saves
 * go through the same plugin hooks as the route's. Thread-safe.
 */
final class PlatformExperimentData implements PluginDataRepository {
    private final Jdbi jdbi;
    private final ExperimentStore experiments;
    private final ExperimentDataStore data;
    private final ExperimentHooks hooks;

    PlatformExperimentData(Jdbi jdbi, ExperimentStore experiments, ExperimentDataStore data, ExperimentHooks hooks) {
        this.jdbi = jdbi;
        this.experiments = experiments;
        this.data = data;
        this.hooks = hooks;
    }

    @Override
    public DesignData saveExperimentData(long experimentId, String pluginId, Map<String, ?> content, String schemaVersion) {
        Map<String, Object> asMap = Collections.unmodifiableMap(new LinkedHashMap<>(content));
        jdbi.useHandle(h -> requireExperiment(h, experimentId));
        hooks.beforeDesignSave(experimentId, asMap);
        DesignData saved = jdbi.inTransaction(h -> {
            requireExperiment(h, experimentId);
            return data.saveDesign(h, experimentId, pluginId, Json.MAPPER.valueToTree(content), schemaVersion)
                    .map(PlatformExperimentData::design)
                    .orElseThrow(() -> new ConflictException("Design data of experiment " + experimentId
                            + " belongs to another plugin", "design_data", String.valueOf(experimentId)));
        });
        hooks.afterDesignSave(experimentId, asMap);
        return saved;
    }

    @Override
    public Optional<DesignData> getExperimentData(long experimentId) {
        return jdbi.withHandle(h -> data.design(h, experimentId)).map(PlatformExperimentData::design);
    }

    @Override
    public boolean deleteExperimentData(long experimentId) {
        return jdbi.inTransaction(h -> data.deleteDesign(h, experimentId));
    }

    @Override
    public PluginAnalysisResult saveAnalysisResult(long experimentId, String pluginId, Map<String, ?> result) {
        return jdbi.inTransaction(h -> {
            requireExperiment(h, experimentId);
            return analysis(data.saveResult(h, experimentId, pluginId, Json.MAPPER.valueToTree(result)));
        });
    }

    @Override
    public Optional<PluginAnalysisResult> getAnalysisResult(long experimentId, String pluginId) {
        return jdbi.withHandle(h -> data.result(h, experimentId, pluginId)).map(PlatformExperimentData::analysis);
    }

    @Override
    public List<PluginAnalysisResult> getAnalysisResults(long experimentId) {
        return jdbi.withHandle(h -> data.results(h, experimentId)).stream().map(PlatformExperimentData::analysis).toList();
    }

    @Override
    public boolean deleteAnalysisResult(long experimentId, String pluginId) {
        return jdbi.inTransaction(h -> data.deleteResult(h, experimentId, pluginId));
    }

    private void requireExperiment(Handle h, long experimentId) {
        if (experiments.find(h, experimentId).isEmpty()) {
            throw new NotFoundException("Experiment " + experimentId + " not found", "experiment", experimentId);
        }
    }

    private static DesignData design(ExperimentDataStore.DesignData d) {
        return new DesignData(d.id(), d.experimentId(), d.pluginId(), Json.toMap(d.data()), d.schemaVersion(), d.createdAt(),
                d.updatedAt());
    }

    private static PluginAnalysisResult analysis(ExperimentDataStore.AnalysisResult r) {
        return new PluginAnalysisResult(r.id(), r.experimentId(), r.pluginId(), Json.toMap(r.result()), r.createdAt(), r.updatedAt());
    }
}
