package dev.mint.minima.client.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One candidate model as the engine scored it. Costs are USD per call for the task's expected tokens.
 *
 * @param predictedSuccess     the calibrated probability that this model succeeds on the task, in [0, 1]
 * @param estCostUsd           the estimated cost of one call, on the basis that {@code estCostBreakdown}'s keys
 *                             name: {@code input}/{@code output} (list prices), {@code observed_avg} (past calls)
 *                             or {@code rescaled}/{@code obs_output_tokens}
 * @param score                the ranking score (higher is better; may be negative)
 * @param rationale            one human-readable line on why
 * @param evidence             at most 5 recalled outcomes; empty when the request had {@code explain=false}
 * @param estLatencyMs         the observed p75 latency, from at least 3 samples
 * @param latencyBasis         {@code observed_p75}, or empty
 * @param estCostLow           p25 of the observed or rescaled cost band
 * @param estCostHigh          p75 of the observed or rescaled cost band
 * @param costBandBasis        {@code observed_p25_p75}, {@code rescaled_p25_p75}, or empty
 * @param successIntervalWidth width of the 95% interval around {@code predictedSuccess}
 */
public record RankedModel(String modelId, String provider, double predictedSuccess, double estCostUsd,
                          Map<String, Double> estCostBreakdown, double score, String rationale,
                          Optional<DecisionBasis> decisionBasis, List<EvidenceRef> evidence,
                          boolean supportsPromptCaching, long contextWindow, Optional<Double> estLatencyMs,
                          String latencyBasis, Optional<Double> estCostLow, Optional<Double> estCostHigh,
                          String costBandBasis, Optional<Double> successIntervalWidth) {
    public RankedModel {
        Objects.requireNonNull(modelId, "model_id missing");
        provider = Wire.text(provider);
        estCostBreakdown = Wire.map(estCostBreakdown);
        rationale = Wire.text(rationale);
        decisionBasis = Wire.opt(decisionBasis);
        evidence = Wire.list(evidence);
        estLatencyMs = Wire.opt(estLatencyMs);
        latencyBasis = Wire.text(latencyBasis);
        estCostLow = Wire.opt(estCostLow);
        estCostHigh = Wire.opt(estCostHigh);
        costBandBasis = Wire.text(costBandBasis);
        successIntervalWidth = Wire.opt(successIntervalWidth);
    }
}
