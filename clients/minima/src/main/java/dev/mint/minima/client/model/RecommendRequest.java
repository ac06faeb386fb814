package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@code POST /v1/recommend}, made by {@code RecommendOptions.toRequest(task)}. Only the task is required; every other field left empty takes
 * the server's default: {@code cost_quality_tradeoff} 5 (0 = cheapest that clears a low bar, 10 = best),
 * no constraints, the default namespace, {@code max_candidates} 8, {@code explain} true,
 * {@code allow_llm_escalation} true.
 *
 * @param userId           scopes recall to one actor within the organisation; send the same value with
 *                         every call of that actor, or recall finds nothing
 * @param namespace        the memory lane {@code minima:<namespace>} (team, project, environment)
 * @param incumbentModelId the model holding the session's prompt cache, priced partly at its cache rate
 * @param baselineModelId  the model the caller would otherwise use, for the "vs declared" savings figure
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record RecommendRequest(TaskInput task, Optional<Double> costQualityTradeoff, Optional<Constraints> constraints,
                               Optional<String> userId, Optional<String> namespace, Optional<String> incumbentModelId,
                               Optional<Integer> maxCandidates, Optional<Boolean> allowLlmEscalation,
                               Optional<Boolean> explain, Optional<String> baselineModelId) {
    public RecommendRequest {
        Objects.requireNonNull(task, "task == null");
        costQualityTradeoff = Wire.opt(costQualityTradeoff);
        constraints = Wire.opt(constraints);
        userId = Wire.opt(userId);
        namespace = Wire.opt(namespace);
        incumbentModelId = Wire.opt(incumbentModelId);
        maxCandidates = Wire.opt(maxCandidates);
        allowLlmEscalation = Wire.opt(allowLlmEscalation);
        explain = Wire.opt(explain);
        baselineModelId = Wire.opt(baselineModelId);
    }

    /** A request for this task with the server's defaults; {@code RecommendOptions.toRequest} sets the rest. */
    public static RecommendRequest of(TaskInput task) {
        return new RecommendRequest(task, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
