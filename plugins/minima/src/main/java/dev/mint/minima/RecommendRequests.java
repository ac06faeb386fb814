package dev.mint.minima;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.minima.engine.Constraints;
import dev.mint.minima.engine.Difficulty;
import dev.mint.minima.engine.Task;
import dev.mint.minima.engine.TaskType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads {@code RecommendRequest}, {@code TaskInput} and {@code Constraints} bodies into the engine's terms. */
final class RecommendRequests {
    static final double DEFAULT_SLIDER = 5.0;
    static final int DEFAULT_MAX_CANDIDATES = 8;
    static final List<String> TASK_TYPES = Arrays.stream(TaskType.values()).map(TaskType::wireName).toList();
    static final List<String> DIFFICULTIES = Arrays.stream(Difficulty.values()).map(Difficulty::wireName).toList();

    /** A parsed recommend request: the engine's task and what only the API needs. */
    record Parsed(Task task, String namespace, boolean explain, String baselineModelId) {
    }

    private RecommendRequests() {
    }

    static Parsed recommend(JsonNode root) {
        Body body = new Body("body");
        JsonNode json = body.object(root, List.of(), true);
        if (json == null) {
            body.check();
        }
        Parsed parsed = parse(body, json, List.of(), null);
        body.check();
        return parsed;
    }

    /**
     * Reads the fields of a recommend request found at {@code loc}; {@code base} constraints (a workflow's)
     * lie under the request's own.
     */
    static Parsed parse(Body body, JsonNode json, List<Object> loc, Constraints base) {
        JsonNode taskNode = json.get("task");
        String text = null;
        TaskType type = null;
        Difficulty difficulty = null;
        Integer inputTokens = null;
        Integer outputTokens = null;
        List<String> tags = List.of();
        if (taskNode != null && taskNode.isTextual()) {
            text = body.string(taskNode, path(loc, "task"), true, 1); // a bare prompt, for convenience
        } else if (body.object(taskNode, path(loc, "task"), true) != null) {
            text = body.string(taskNode.get("task"), path(loc, "task", "task"), true, 1);
            type = TaskType.fromWire(body.choice(taskNode.get("task_type"), path(loc, "task", "task_type"), TASK_TYPES));
            difficulty = Difficulty.fromWire(body.choice(taskNode.get("difficulty"), path(loc, "task", "difficulty"), DIFFICULTIES));
            body.number(taskNode.get("task_type_confidence"), path(loc, "task", "task_type_confidence"), 0.0, 1.0, false);
            inputTokens = body.integer(taskNode.get("expected_input_tokens"), path(loc, "task", "expected_input_tokens"), 0L, null);
            outputTokens = body.integer(taskNode.get("expected_output_tokens"), path(loc, "task", "expected_output_tokens"), 0L, null);
            List<String> given = body.strings(taskNode.get("tags"), path(loc, "task", "tags"));
            tags = given == null ? List.of() : given;
        }
        Double slider = body.number(json.get("cost_quality_tradeoff"), path(loc, "cost_quality_tradeoff"), 0.0, 10.0, false);
        Constraints constraints = constraints(body, json.get("constraints"), path(loc, "constraints"), base);
        String userId = body.string(json.get("user_id"), path(loc, "user_id"), false, 0);
        String namespace = body.string(json.get("namespace"), path(loc, "namespace"), false, 0);
        String incumbent = body.string(json.get("incumbent_model_id"), path(loc, "incumbent_model_id"), false, 0);
        Integer maxCandidates = body.integer(json.get("max_candidates"), path(loc, "max_candidates"), 1L, 64L);
        body.bool(json.get("allow_llm_escalation"), path(loc, "allow_llm_escalation"));
        Boolean explain = body.bool(json.get("explain"), path(loc, "explain"));
        String baseline = body.string(json.get("baseline_model_id"), path(loc, "baseline_model_id"), false, 0);
        if (text == null) {
            return null;
        }
        Task task = new Task(text, type, difficulty, inputTokens, outputTokens, tags, slider == null ? DEFAULT_SLIDER : slider,
                constraints, userId, maxCandidates == null ? DEFAULT_MAX_CANDIDATES : maxCandidates, incumbent);
        return new Parsed(task, namespace, explain == null || explain, baseline);
    }

    /** Constraints at {@code loc}, over {@code base}: a field given here (not null, not false) wins. */
    static Constraints constraints(Body body, JsonNode node, List<Object> loc, Constraints base) {
        Constraints under = base == null ? Constraints.NONE : base;
        JsonNode json = body.object(node, loc, false);
        if (json == null) {
            return under;
        }
        List<String> providers = body.strings(json.get("allowed_providers"), path(loc, "allowed_providers"));
        List<String> candidates = body.strings(json.get("candidate_models"), path(loc, "candidate_models"));
        List<String> excluded = body.strings(json.get("excluded_models"), path(loc, "excluded_models"));
        Double maxCost = body.number(json.get("max_cost_per_call"), path(loc, "max_cost_per_call"), 0.0, null, false);
        Double minQuality = body.number(json.get("min_quality"), path(loc, "min_quality"), 0.0, 1.0, false);
        Boolean caching = body.bool(json.get("require_prompt_caching"), path(loc, "require_prompt_caching"));
        Integer maxLatency = body.integer(json.get("max_latency_ms"), path(loc, "max_latency_ms"), 1L, null);
        Integer context = body.integer(json.get("require_context_window"), path(loc, "require_context_window"), 1L, null);
        return new Constraints(providers != null ? providers : under.allowedProviders(),
                candidates != null ? candidates : under.candidateModels(),
                excluded != null ? excluded : under.excludedModels(),
                maxCost != null ? maxCost : under.maxCostPerCall(),
                minQuality != null ? minQuality : under.minQuality(),
                Boolean.TRUE.equals(caching) || under.requirePromptCaching(),
                maxLatency != null ? maxLatency : under.maxLatencyMs(),
                context != null ? Long.valueOf(context) : under.requireContextWindow());
    }

    static List<Object> path(List<Object> loc, Object... more) {
        List<Object> out = new ArrayList<>(loc);
        out.addAll(Arrays.asList(more));
        return out;
    }
}
