package dev.mint.minima.engine;

import java.util.List;
import java.util.Map;

/** What the engine decided for one task, with everything a response and the decision log need. */
public record Recommendation(TaskClassifier.Classification classification, float[] vector, List<Candidate> ranked,
                             Candidate recommended, Candidate fallback, double confidence, String decisionBasis,
                             double threshold, double estCostPremium, String selectionPolicy, List<String> warnings,
                             String explanation, Map<String, Long> stageNanos) {

    /** One candidate model, scored. {@code decisionBasis} is {@code memory} or {@code prior}. */
    public record Candidate(ModelCard card, double predictedSuccess, double confidence, double intervalWidth,
                            CostEstimate cost, double score, String rationale, String decisionBasis,
                            List<OutcomeIndex.Neighbor> evidence, Double estLatencyMs, Map<String, Double> details) {
    }
}
