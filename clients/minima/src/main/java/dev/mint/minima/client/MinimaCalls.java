package dev.mint.minima.client;

import com.fasterxml.jackson.databind.JavaType;
import dev.mint.client.core.ApiRequest;
import dev.mint.client.core.JsonCodec;
import dev.mint.minima.client.MinimaHttp.Call;
import dev.mint.minima.client.model.Difficulty;
import dev.mint.minima.client.model.FeedbackRequest;
import dev.mint.minima.client.model.FeedbackResponse;
import dev.mint.minima.client.model.ModelsResponse;
import dev.mint.minima.client.model.RecommendRequest;
import dev.mint.minima.client.model.RecommendResponse;
import dev.mint.minima.client.model.SavingsResponse;
import dev.mint.minima.client.model.StrategiesResponse;
import dev.mint.minima.client.model.TaskInput;
import dev.mint.minima.client.model.TaskType;
import dev.mint.minima.client.model.WorkflowRequest;
import dev.mint.minima.client.model.WorkflowResponse;
import java.util.Map;
import java.util.Objects;

/**
 * The request of each endpoint, built once for both clients: paths, bodies, query parameters, the answer
 * type, and which calls may be retried (feedback only, as upstream).
 */
final class MinimaCalls {
    private static final JsonCodec JSON = JsonCodec.snakeCase();
    private static final JavaType HEALTH = JSON.mapper().getTypeFactory()
            .constructMapType(Map.class, String.class, Object.class);

    private MinimaCalls() {
    }

    static Call<RecommendResponse> recommend(RecommendRequest request) {
        return new Call<>(post("/v1/recommend", request), type(RecommendResponse.class), false);
    }

    static Call<WorkflowResponse> recommendWorkflow(WorkflowRequest request) {
        return new Call<>(post("/v1/recommend/workflow", request), type(WorkflowResponse.class), false);
    }

    /** Marked idempotent: the server deduplicates a repeated recommendation id, so a resend is safe. */
    static Call<FeedbackResponse> feedback(FeedbackRequest request) {
        ApiRequest http = post("/v1/feedback", request).toBuilder().idempotent(true).build();
        return new Call<>(http, type(FeedbackResponse.class), true);
    }

    static Call<ModelsResponse> models(ModelsQuery query) {
        ApiRequest.Builder request = ApiRequest.builder("GET", "/v1/models");
        Objects.requireNonNull(query, "query == null").apply(request);
        return new Call<>(request.build(), type(ModelsResponse.class), false);
    }

    static Call<StrategiesResponse> strategies(StrategiesQuery query) {
        ApiRequest.Builder request = ApiRequest.builder("GET", "/v1/strategies");
        Objects.requireNonNull(query, "query == null").apply(request);
        return new Call<>(request.build(), type(StrategiesResponse.class), false);
    }

    static Call<SavingsResponse> savings(SavingsQuery query) {
        ApiRequest.Builder request = ApiRequest.builder("GET", "/v1/savings");
        Objects.requireNonNull(query, "query == null").apply(request);
        return new Call<>(request.build(), type(SavingsResponse.class), false);
    }

    static Call<Map<String, Object>> health() {
        return new Call<>(ApiRequest.get("/v1/health"), HEALTH, false);
    }

    /**
     * A task given as a map, as the Python client accepts a dict: read as a {@link TaskInput} (unknown keys
     * ignored, a missing or empty {@code task} rejected, and a task type or difficulty this client does not know
     * rejected too: reading leniently is for what a server answers, not for what a caller sends).
     */
    static TaskInput taskFromMap(Map<String, ?> task) {
        Objects.requireNonNull(task, "task == null");
        try {
            if (task.get("task_type") != null) {
                TaskType.fromWire(String.valueOf(task.get("task_type")));
            }
            if (task.get("difficulty") != null) {
                Difficulty.fromWire(String.valueOf(task.get("difficulty")));
            }
            return JSON.mapper().convertValue(task, TaskInput.class);
        } catch (IllegalArgumentException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            throw new IllegalArgumentException("not a task: " + task.keySet() + " (" + cause.getMessage() + ")", e);
        }
    }

    private static ApiRequest post(String path, Object body) {
        return ApiRequest.builder("POST", path).body(JSON.write(Objects.requireNonNull(body, "request == null")),
                "application/json").build();
    }

    private static JavaType type(Class<?> type) {
        return JSON.mapper().constructType(type);
    }
}
