package dev.mint.minima;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.minima.engine.OutcomeIndex;
import dev.mint.sdk.WireJson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /v1/feedback}: what happened when the caller ran a model. A labelled outcome is stored and joins
 * the scope's recall index at once; every report reconciles the decision log. Idempotent twice over: an
 * {@code idempotency_key} seen before answers the first answer again, and a second report of the same
 * recommendation and model is ignored with {@code duplicate_feedback_ignored}.
 */
final class Feedbacks {
    static final int MAX_STEP_OUTCOMES = 32;
    static final double HUMAN_WEIGHT = 0.6;
    private static final Pattern SIGNAL = Pattern.compile("[a-z_]{1,32}");
    private static final List<String> OUTCOMES = List.of("success", "partial", "failure");

    private final MinimaStore store;
    private final DecisionLog decisions;
    private final Scopes scopes;
    private final CatalogHolder catalog;
    private final Clock clock;

    Feedbacks(MinimaStore store, DecisionLog decisions, Scopes scopes, CatalogHolder catalog, Clock clock) {
        this.store = store;
        this.decisions = decisions;
        this.scopes = scopes;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A validated feedback request. */
    private record Report(String recommendationId, String modelId, String outcome, Double quality, Integer inputTokens,
                          Integer outputTokens, Double costUsd, Integer latencyMs, String evidenceSource, String errorCause,
                          String idempotencyKey, int stepOutcomes) {
    }

    Map<String, Object> feedback(long account, JsonNode root) {
        Report report = parse(root);
        if (report.idempotencyKey() != null) {
            Optional<String> earlier = store.storedResponse(account, report.idempotencyKey());
            if (earlier.isPresent()) {
                return read(earlier.get());
            }
        }
        List<String> warnings = new ArrayList<>();
        Optional<MinimaStore.Decision> found = decisions.find(account, report.recommendationId());
        if (found.isEmpty()) {
            warnings.add("unknown_recommendation");
            return answer(false, null, warnings, 0);
        }
        MinimaStore.Decision decision = found.get();
        if (catalog.current().catalog().find(report.modelId()).isEmpty()) {
            throw Problem.of(422, "Unknown model", "chosen_model_id '" + report.modelId() + "' is not in the catalog;"
                    + " GET /v1/models lists the models (an admin adds more with PUT /v1/catalog)");
        }
        if (report.stepOutcomes() > MAX_STEP_OUTCOMES) {
            warnings.add("step_outcomes_capped:" + MAX_STEP_OUTCOMES);
        }
        int steps = Math.min(report.stepOutcomes(), MAX_STEP_OUTCOMES);
        if (store.outcomeExists(decision.id(), report.modelId())) {
            warnings.add("duplicate_feedback_ignored");
            return answer(true, null, warnings, 0);
        }
        Double quality = clamp(report, warnings);
        long now = clock.instant().getEpochSecond();
        boolean telemetryOnly = "none".equals(report.evidenceSource()) || "infra".equals(report.errorCause());
        if (telemetryOnly) {
            warnings.add("infra".equals(report.errorCause()) ? "infra_failure_telemetry_only" : "unlabeled_telemetry_only");
            Map<String, Object> response = answer(true, null, warnings, steps);
            store.db().jdbi().useTransaction(h -> {
                store.reconcile(h, decision.id(), report.modelId(), report.outcome(), quality, report.costUsd(), now);
                remember(h, account, report, response, now);
            });
            return response;
        }
        double label = quality != null ? quality : switch (report.outcome()) {
            case "success" -> 1.0;
            case "partial" -> 0.5;
            default -> 0.0;
        };
        double weight = "human".equals(report.evidenceSource()) ? HUMAN_WEIGHT : 1.0;
        MinimaStore.NewOutcome outcome = new MinimaStore.NewOutcome(account, decision.namespace(), decision.userLabel(),
                decision.id(), report.modelId(), decision.taskType(), decision.difficulty(), decision.vector(), label, weight,
                report.outcome(), report.evidenceSource(), report.inputTokens(), report.outputTokens(), report.costUsd(),
                report.latencyMs(), decision.tags(), now);
        record Stored(long id, Map<String, Object> response) {
        }
        Stored stored;
        try {
            stored = store.db().jdbi().inTransaction(h -> {
                long outcomeId = store.insertOutcome(h, outcome);
                store.reconcile(h, decision.id(), report.modelId(), report.outcome(), quality, report.costUsd(), now);
                Map<String, Object> response = answer(true, String.valueOf(outcomeId), warnings, steps);
                remember(h, account, report, response, now);
                return new Stored(outcomeId, response);
            });
        } catch (RuntimeException e) {
            if (store.outcomeExists(decision.id(), report.modelId())) { // a concurrent twin won the race
                warnings.add("duplicate_feedback_ignored");
                return answer(true, null, warnings, 0);
            }
            throw e;
        }
        long id = stored.id();
        scopes.of(account, decision.namespace()).outcomes().add(new OutcomeIndex.Outcome(id, report.modelId(),
                decision.taskType(), decision.difficulty(), decision.vector(), label, weight, report.inputTokens(),
                report.outputTokens(), report.costUsd(), report.latencyMs(), now, decision.userLabel(), decision.tags()));
        return stored.response();
    }

    private void remember(org.jdbi.v3.core.Handle h, long account, Report report, Map<String, Object> response, long now) {
        if (report.idempotencyKey() != null) {
            store.storeResponse(h, account, report.idempotencyKey(), MinimaStore.json(response), now);
        }
    }

    /** A quality that contradicts the outcome is pulled toward it: a failure is at most 0.6, a success at least 0.4. */
    private static Double clamp(Report report, List<String> warnings) {
        Double q = report.quality();
        if (q == null) {
            return null;
        }
        if (report.outcome().equals("failure") && q > 0.6 || report.outcome().equals("success") && q < 0.4) {
            warnings.add("quality_outcome_mismatch");
            return report.outcome().equals("failure") ? 0.6 : 0.4;
        }
        return q;
    }

    private static Map<String, Object> answer(boolean accepted, String recordId, List<String> warnings, int steps) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", accepted);
        body.put("record_id", recordId);
        body.put("reinforced_entry_ids", List.of());
        body.put("updated_confidence", null);
        body.put("reflection_triggered", false);
        body.put("lesson_promoted", false);
        body.put("step_outcomes_recorded", steps);
        body.put("warnings", List.copyOf(warnings));
        return body;
    }

    private static Map<String, Object> read(String json) {
        try {
            return WireJson.MAPPER.readValue(json, WireJson.MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class,
                    String.class, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored feedback answer is corrupt", e);
        }
    }

    private static Report parse(JsonNode root) {
        Body body = new Body("body");
        JsonNode json = body.object(root, List.of(), true);
        body.check();
        String recommendationId = body.string(json.get("recommendation_id"), List.of("recommendation_id"), true, 1);
        String modelId = body.string(json.get("chosen_model_id"), List.of("chosen_model_id"), true, 1);
        String outcome = body.choice(json.get("outcome"), List.of("outcome"), OUTCOMES);
        if (Body.absent(json.get("outcome"))) {
            body.error(List.of("outcome"), "missing", "Field required", null, null);
        }
        Double quality = body.number(json.get("quality_score"), List.of("quality_score"), 0.0, 1.0, false);
        Integer input = body.integer(json.get("input_tokens"), List.of("input_tokens"), 0L, null);
        Integer output = body.integer(json.get("output_tokens"), List.of("output_tokens"), 0L, null);
        Double cost = body.number(json.get("actual_cost_usd"), List.of("actual_cost_usd"), 0.0, null, false);
        Integer latency = body.integer(json.get("latency_ms"), List.of("latency_ms"), 0L, null);
        body.integer(json.get("iterations"), List.of("iterations"), 0L, null);
        String source = body.choice(json.get("evidence_source"), List.of("evidence_source"), List.of("gate", "judge", "human", "none"));
        String cause = body.choice(json.get("error_cause"), List.of("error_cause"), List.of("infra", "quality"));
        Boolean verified = body.bool(json.get("verified_in_production"), List.of("verified_in_production"));
        Boolean judged = body.bool(json.get("judged"), List.of("judged"));
        body.string(json.get("chosen_effort"), List.of("chosen_effort"), false, 0);
        body.string(json.get("parent_rec_id"), List.of("parent_rec_id"), false, 0);
        body.choice(json.get("escalation_reason"), List.of("escalation_reason"),
                List.of("gate_failed", "judge_failed", "transient", "hard_error"));
        body.string(json.get("provider_model_snapshot"), List.of("provider_model_snapshot"), false, 0);
        body.number(json.get("label_propensity"), List.of("label_propensity"), 0.0, 1.0, true);
        body.string(json.get("notes"), List.of("notes"), false, 0);
        String key = body.string(json.get("idempotency_key"), List.of("idempotency_key"), false, 1);
        signals(body, json.get("signals"));
        int steps = stepOutcomes(body, json.get("step_outcomes"));
        body.check();
        String resolved = source != null ? source : Boolean.TRUE.equals(verified) ? "gate" : Boolean.TRUE.equals(judged) ? "judge"
                : Boolean.FALSE.equals(judged) ? "none" : "human";
        return new Report(recommendationId, modelId, outcome, quality, input, output, cost, latency, resolved, cause, key, steps);
    }

    private static void signals(Body body, JsonNode node) {
        if (Body.absent(node)) {
            return;
        }
        if (!node.isObject()) {
            body.error(List.of("signals"), "dict_type", "Input should be a valid dictionary", node, null);
            return;
        }
        if (node.size() > 16) {
            body.error(List.of("signals"), "too_long", "At most 16 signals", node, Map.of("max_length", 16));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SIGNAL.matcher(name).matches()) {
                body.error(List.of("signals", name), "string_pattern_mismatch", "Signal names must match ^[a-z_]{1,32}$",
                        node.get(name), Map.of("pattern", "^[a-z_]{1,32}$"));
            } else {
                body.bool(node.get(name), List.of("signals", name));
            }
        }
    }

    private static int stepOutcomes(Body body, JsonNode node) {
        if (Body.absent(node)) {
            return 0;
        }
        if (!node.isArray()) {
            body.error(List.of("step_outcomes"), "list_type", "Input should be a valid list", node, null);
            return 0;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode step = body.object(node.get(i), List.of("step_outcomes", i), true);
            if (step != null) {
                body.string(step.get("step_id"), List.of("step_outcomes", i, "step_id"), true, 1);
                if (Body.absent(step.get("outcome"))) {
                    body.error(List.of("step_outcomes", i, "outcome"), "missing", "Field required", null, null);
                }
                body.choice(step.get("outcome"), List.of("step_outcomes", i, "outcome"), OUTCOMES);
                body.number(step.get("signal"), List.of("step_outcomes", i, "signal"), -1.0, 1.0, false);
            }
        }
        return node.size();
    }
}
