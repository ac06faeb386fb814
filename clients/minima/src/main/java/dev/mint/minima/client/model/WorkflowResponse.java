package dev.mint.minima.client.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@code POST /v1/recommend/workflow}: one recommendation per step, in request order.
 *
 * @param workflowRecommendationId an id for the whole workflow (not stored by the server; feedback goes per step)
 * @param totalEstCostUsd          the sum of the steps' recommended costs
 * @param totalEstCostIfAllPremium the sum of each step's most expensive candidate
 * @param confidence               the mean of the steps' confidences
 */
public record WorkflowResponse(String workflowRecommendationId, List<StepRecommendation> steps, double totalEstCostUsd,
                               double totalEstCostIfAllPremium, double confidence) {
    public WorkflowResponse {
        workflowRecommendationId = Wire.text(workflowRecommendationId);
        steps = Wire.list(steps);
    }

    /** The recommendation for one step, by its id. */
    public Optional<RecommendResponse> step(String stepId) {
        Objects.requireNonNull(stepId, "stepId == null");
        return steps.stream().filter(s -> s.stepId().equals(stepId)).map(StepRecommendation::recommendation).findFirst();
    }

    /** One step's id, echoed back, and its recommendation. */
    public record StepRecommendation(String stepId, RecommendResponse recommendation) {
        public StepRecommendation {
            Objects.requireNonNull(stepId, "step_id missing");
            Objects.requireNonNull(recommendation, "recommendation missing");
        }
    }
}
