package dev.mint.minima;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mint.minima.engine.NoCandidateException;
import dev.mint.minima.engine.Recommendation;
import dev.mint.minima.engine.Recommender;
import dev.mint.sdk.WireJson;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * {@code /v1/recommend} and {@code /v1/recommend/workflow}: run the engine in the caller's scope, log the
 * decision (so feedback and savings can find it), answer the wire's response.
 */
final class Recommendations {
    static final String DEFAULT_NAMESPACE = "default";

    private final Recommender recommender;
    private final CatalogHolder catalog;
    private final Scopes scopes;
    private final DecisionLog decisions;
    private final Clock clock;
    private final Random random = new SecureRandom();
    /**
     * The engine is CPU work (an embedding, a recall): running more of it at once than there are cores
     * makes every request in a burst share them and finish late together. Beyond that many, requests wait
     * their turn, first come first served, and the first of a burst answer at their normal speed.
     */
    private final Semaphore cores = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    Recommendations(Recommender recommender, CatalogHolder catalog, Scopes scopes, DecisionLog decisions, Clock clock) {
        this.recommender = recommender;
        this.catalog = catalog;
        this.scopes = scopes;
        this.decisions = decisions;
        this.clock = clock;
    }

    Map<String, Object> recommend(long account, JsonNode body) {
        return recommend(account, RecommendRequests.recommend(body));
    }

    Map<String, Object> recommend(long account, RecommendRequests.Parsed request) {
        long started = System.nanoTime();
        String namespace = request.namespace() == null || request.namespace().isBlank() ? DEFAULT_NAMESPACE : request.namespace();
        CatalogHolder.Current current = catalog.current();
        Recommendation r;
        cores.acquireUninterruptibly();
        long admitted = System.nanoTime();
        try {
            r = recommender.recommend(request.task(), current.catalog(), scopes.of(account, namespace), random);
        } catch (NoCandidateException e) {
            throw Problem.noCandidate(e.getMessage());
        } finally {
            cores.release();
        }
        long engineDone = System.nanoTime();
        String id = UUID.randomUUID().toString().replace("-", "");
        Double baselineCost = request.baselineModelId() == null ? null : r.ranked().stream()
                .filter(c -> c.card().modelId().equals(request.baselineModelId())).map(c -> c.cost().usd()).findFirst()
                .orElse(null);
        Map<String, Object> candidates = new LinkedHashMap<>();
        r.ranked().forEach(c -> candidates.put(c.card().modelId(), Map.of("p", c.predictedSuccess(), "cost", c.cost().usd())));
        decisions.append(new MinimaStore.Decision(id, account, namespace, request.task().userLabel(),
                r.classification().taskType(), r.classification().difficulty(), r.vector(), request.task().tags(),
                r.recommended().card().modelId(), MinimaStore.json(candidates), r.threshold(), r.selectionPolicy(),
                r.recommended().cost().usd(), r.estCostPremium(), request.baselineModelId(), baselineCost,
                clock.instant().getEpochSecond()));
        long logged = System.nanoTime();
        Map<String, Double> stages = new LinkedHashMap<>();
        stages.put("queue", millis(admitted - started));
        r.stageNanos().forEach((stage, nanos) -> stages.put(stage, millis(nanos)));
        stages.put("engine", millis(engineDone - admitted));
        stages.put("decision_log", millis(logged - engineDone));
        stages.put("total", millis(logged - started));
        return RecommendResponses.of(id, r, current.catalog().version(), request.explain(), Math.round(millis(logged - started)),
                stages);
    }

    /** Each step recommended on its own (feedback goes per step), with totals against the most expensive candidates. */
    Map<String, Object> workflow(long account, JsonNode root) {
        Body body = new Body("body");
        JsonNode json = body.object(root, List.of(), true);
        body.check();
        JsonNode steps = json.get("steps");
        if (Body.absent(steps) || !steps.isArray() || steps.isEmpty()) {
            body.error(List.of("steps"), Body.absent(steps) ? "missing" : "too_short",
                    Body.absent(steps) ? "Field required" : "List should have at least 1 item after validation", steps, null);
            body.check();
        }
        body.number(json.get("cost_quality_tradeoff"), List.of("cost_quality_tradeoff"), 0.0, 10.0, false);
        body.string(json.get("user_id"), List.of("user_id"), false, 0);
        body.string(json.get("namespace"), List.of("namespace"), false, 0);
        var shared = RecommendRequests.constraints(body, json.get("constraints"), List.of("constraints"), null);
        body.check();
        List<String> ids = new ArrayList<>();
        List<RecommendRequests.Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = body.object(steps.get(i), List.of("steps", i), true);
            if (step == null) {
                continue;
            }
            ids.add(body.string(step.get("step_id"), List.of("steps", i, "step_id"), true, 1));
            body.strings(step.get("depends_on"), List.of("steps", i, "depends_on"));
            var stepConstraints = RecommendRequests.constraints(body, step.get("constraints"), List.of("steps", i, "constraints"), shared);
            parsed.add(RecommendRequests.parse(body, stepRequest(json, step), List.of("steps", i), stepConstraints));
        }
        body.check();
        List<Map<String, Object>> results = new ArrayList<>();
        double total = 0;
        double premium = 0;
        double confidence = 0;
        for (int i = 0; i < parsed.size(); i++) {
            Map<String, Object> recommendation = recommend(account, parsed.get(i));
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("step_id", ids.get(i));
            step.put("recommendation", recommendation);
            results.add(step);
            @SuppressWarnings("unchecked")
            Map<String, Object> chosen = (Map<String, Object>) recommendation.get("recommended_model");
            total += (Double) chosen.get("est_cost_usd");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> ranked = (List<Map<String, Object>>) recommendation.get("ranked");
            premium += ranked.stream().mapToDouble(m -> (Double) m.get("est_cost_usd")).max().orElse(0);
            confidence += (Double) recommendation.get("confidence");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workflow_recommendation_id", UUID.randomUUID().toString().replace("-", ""));
        out.put("steps", results);
        out.put("total_est_cost_usd", RecommendResponses.round(total, 8));
        out.put("total_est_cost_if_all_premium", RecommendResponses.round(premium, 8));
        out.put("confidence", RecommendResponses.round(confidence / Math.max(1, parsed.size()), 4));
        return out;
    }

    /** A step as a recommend request: its task; the workflow's slider and scope (its constraints come merged). */
    private static ObjectNode stepRequest(JsonNode workflow, JsonNode step) {
        ObjectNode request = WireJson.MAPPER.createObjectNode();
        request.set("task", step.get("task"));
        for (String field : List.of("cost_quality_tradeoff", "user_id", "namespace", "allow_llm_escalation")) {
            if (workflow.has(field)) {
                request.set(field, workflow.get(field));
            }
        }
        return request;
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
