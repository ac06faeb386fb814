package dev.mint.sdk.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Design data (one record per experiment) and analysis results (one per experiment and plugin), for
 * plugins that declare {@code requiresDatabase}. Saves are upserts. Thread-safe.
 */
public interface PluginDataRepository {

    /**
     * Saves the experiment's design data.
     *
     * @throws dev.mint.sdk.NotFoundException when the experiment does not exist
     * @throws dev.mint.sdk.ConflictException when another plugin owns the experiment's design data
     * @throws dev.mint.sdk.ValidationException when a plugin's before-save hook vetoes the write
     */
    DesignData saveExperimentData(long experimentId, String pluginId, Map<String, ?> data, String schemaVersion);

    Optional<DesignData> getExperimentData(long experimentId);

    boolean deleteExperimentData(long experimentId);

    PluginAnalysisResult saveAnalysisResult(long experimentId, String pluginId, Map<String, ?> result);

    Optional<PluginAnalysisResult> getAnalysisResult(long experimentId, String pluginId);

    /** Every plugin's result for the experiment, ordered by plugin id. */
    List<PluginAnalysisResult> getAnalysisResults(long experimentId);

    boolean deleteAnalysisResult(long experimentId, String pluginId);
}
