package dev.mint.minima;

import dev.mint.minima.engine.CostEstimate;
import dev.mint.minima.engine.OutcomeIndex;
import dev.mint.minima.engine.Recommendation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code RecommendResponse} as the wire has it: every field present, nulls included, probabilities rounded
 * to 4 places and dollars to 8. {@code explanation} (why this model, in words and numbers) is ours and
 * is absent when {@code explain} is false, as are the evidence lists.
 */
final class RecommendResponses {
    static final int EVIDENCE_SHOWN = 5;

    private RecommendResponses() {
    }

    static Map<String, Object> of(String id, Recommendation r, String catalogVersion, boolean explain, long latencyMs,
                                  Map<String, Double> stageMillis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recommendation_id", id);
        body.put("recommended_model", ranked(r.recommended(), explain));
        body.put("ranked", r.ranked().stream().map(c -> ranked(c, explain)).toList());
        body.put("fallback_model", r.fallback() == null ? null : ranked(r.fallback(), explain));
        body.put("confidence", round(r.confidence(), 4));
        body.put("decision_basis", r.decisionBasis());
        body.put("threshold_used", round(r.threshold(), 4));
        body.put("classified_task_type", r.classification().taskType().wireName());
        body.put("classified_difficulty", r.classification().difficulty().wireName());
        body.put("catalog_version", catalogVersion);
        body.put("catalog_stale", false);
        body.put("latency_ms", latencyMs);
        body.put("classification_profile", null);
        body.put("warnings", r.warnings());
        body.put("selection_policy", r.selectionPolicy());
        body.put("recommended_actions", r.recommended().card().supportsPromptCaching() ? List.of("enable_prompt_cache") : List.of());
        body.put("stage_latency_ms", stageMillis);
        body.put("cluster_key_version", "v1");
        body.put("explanation", explain ? r.explanation() : null);
        return body;
    }

    static Map<String, Object> ranked(Recommendation.Candidate c, boolean explain) {
        CostEstimate cost = c.cost();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_id", c.card().modelId());
        m.put("provider", c.card().provider());
        m.put("predicted_success", round(c.predictedSuccess(), 4));
        m.put("est_cost_usd", round(cost.usd(), 8));
        Map<String, Double> breakdown = new LinkedHashMap<>();
        cost.breakdown().forEach((k, v) -> breakdown.put(k, k.equals("obs_output_tokens") ? round(v, 1) : round(v, 8)));
        m.put("est_cost_breakdown", breakdown);
        m.put("score", round(c.score(), 4));
        m.put("rationale", c.rationale());
        m.put("decision_basis", c.decisionBasis());
        List<Map<String, Object>> evidence = new ArrayList<>();
        if (explain) {
            for (OutcomeIndex.Neighbor n : c.evidence().subList(0, Math.min(EVIDENCE_SHOWN, c.evidence().size()))) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("entry_id", String.valueOf(n.outcome().id()));
                e.put("reference_id", null);
                e.put("model_id", n.outcome().modelId());
                e.put("score", round(n.similarity(), 4));
                e.put("knowledge_confidence", round(Math.min(1, n.outcome().weight()), 4));
                e.put("observed_success", round(n.outcome().label(), 4));
                e.put("is_stale", false);
                evidence.add(e);
            }
        }
        m.put("evidence", evidence);
        m.put("supports_prompt_caching", c.card().supportsPromptCaching());
        m.put("context_window", c.card().contextWindow());
        m.put("est_latency_ms", c.estLatencyMs() == null ? null : round(c.estLatencyMs(), 1));
        m.put("latency_basis", c.estLatencyMs() == null ? "" : "observed_p75");
        m.put("est_cost_low", cost.low() == null ? null : round(cost.low(), 8));
        m.put("est_cost_high", cost.high() == null ? null : round(cost.high(), 8));
        m.put("cost_band_basis", cost.low() == null ? "" : "rescaled_p25_p75");
        m.put("success_interval_width", round(c.intervalWidth(), 4));
        return m;
    }

    static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
