package dev.mint.minima.client.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@code POST /v1/recommend}: the model to run and the id to quote back to
 * {@code POST /v1/feedback}. Fields a newer server adds are ignored; fields an older one leaves out are
 * empty.
 *
 * @param recommendationId      quote it in the feedback for this call
 * @param ranked                every candidate that survived the constraints, best score first
 * @param fallbackModel         a more reliable model to retry on when the recommended one fails
 * @param confidence            how sure the engine is of the pick, in [0, 1]; 0 at cold start
 * @param thresholdUsed         the quality bar τ that the slider and {@code min_quality} set
 * @param catalogStale          whether prices come from a snapshot rather than a live refresh
 * @param latencyMs             the server's own time for the request
 * @param classificationProfile the classifier's diagnostics, kept as loose JSON (its shape changes between
 *                              server versions); empty when the server sent none
 * @param warnings              e.g. {@code cold_start}, {@code prices_stale}, {@code escalation_suggested:tie}
 * @param selectionPolicy       {@code thompson} or {@code argmin}
 * @param recommendedActions    e.g. {@code enable_prompt_cache}
 * @param stageLatencyMs        the server's time per stage, in milliseconds
 */
public record RecommendResponse(String recommendationId, RankedModel recommendedModel, List<RankedModel> ranked,
                                Optional<RankedModel> fallbackModel, double confidence, DecisionBasis decisionBasis,
                                double thresholdUsed, TaskType classifiedTaskType, Difficulty classifiedDifficulty,
                                String catalogVersion, boolean catalogStale, long latencyMs,
                                Map<String, Object> classificationProfile, List<String> warnings,
                                Optional<String> selectionPolicy, List<String> recommendedActions,
                                Map<String, Double> stageLatencyMs, Optional<String> clusterKeyVersion) {
    public RecommendResponse {
        Objects.requireNonNull(recommendationId, "recommendation_id missing");
        Objects.requireNonNull(recommendedModel, "recommended_model missing");
        ranked = Wire.list(ranked);
        fallbackModel = Wire.opt(fallbackModel);
        catalogVersion = Wire.text(catalogVersion);
        classificationProfile = Wire.map(classificationProfile);
        warnings = Wire.list(warnings);
        selectionPolicy = Wire.opt(selectionPolicy);
        recommendedActions = Wire.list(recommendedActions);
        stageLatencyMs = Wire.map(stageLatencyMs);
        clusterKeyVersion = Wire.opt(clusterKeyVersion);
    }

    /** The id of the recommended model, the one to run. */
    public String modelId() {
        return recommendedModel.modelId();
    }
}
