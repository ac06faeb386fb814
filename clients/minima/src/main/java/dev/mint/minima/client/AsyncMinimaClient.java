package dev.mint.minima.client;

import dev.mint.minima.client.model.FeedbackRequest;
import dev.mint.minima.client.model.FeedbackResponse;
import dev.mint.minima.client.model.ModelsResponse;
import dev.mint.minima.client.model.Outcome;
import dev.mint.minima.client.model.RecommendRequest;
import dev.mint.minima.client.model.RecommendResponse;
import dev.mint.minima.client.model.SavingsGroupBy;
import dev.mint.minima.client.model.SavingsResponse;
import dev.mint.minima.client.model.StrategiesResponse;
import dev.mint.minima.client.model.TaskInput;
import dev.mint.minima.client.model.WorkflowRequest;
import dev.mint.minima.client.model.WorkflowResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous twin of {@link MinimaClient}: the same methods, each returning a
 * {@link CompletableFuture} that completes with the value or completes exceptionally with the same
 * {@link MinimaException} the sync client throws (wrapped in {@link java.util.concurrent.CompletionException}
 * or {@link java.util.concurrent.ExecutionException} as futures do). No thread blocks on I/O; futures
 * complete on the HTTP client's executor, so do not block inside their callbacks.
 *
 * <pre>{@code
 * try (AsyncMinimaClient minima = AsyncMinimaClient.create("http://127.0.0.1:8001/api/minima", token)) {
 *     minima.recommend("Summarize this incident report into 3 bullets.")
 *           .thenApply(RecommendResponse::modelId)
 *           .exceptionally(failure -> "gpt-4o-mini")      // fail open to a default model
 *           .thenAccept(modelId -> ...);
 * }
 * }</pre>
 *
 * Configuration, retries and errors are those of {@link MinimaClient}. Thread-safe; share one client.
 */
public final class AsyncMinimaClient implements AutoCloseable {
    private final MinimaHttp http;

    private AsyncMinimaClient(MinimaHttp http) {
        this.http = http;
    }

    /** A client for this URL and API key. */
    public static AsyncMinimaClient create(String baseUrl, String apiKey) {
        return builder().baseUrl(baseUrl).apiKey(apiKey).build();
    }

    /** A client configured from {@code MINIMA_BASE_URL} / {@code MINIMA_API_KEY}, else {@code MINT_URL} / {@code MINT_TOKEN}. */
    public static AsyncMinimaClient fromEnvironment() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The base URL in use, without a trailing slash. */
    public String baseUrl() {
        return http.baseUrl();
    }

    MinimaHttp http() {
        return http;
    }

    /** Recommends a model for a plain prompt. */
    public CompletableFuture<RecommendResponse> recommend(String task) {
        return recommend(TaskInput.of(task), RecommendOptions.defaults());
    }

    public CompletableFuture<RecommendResponse> recommend(String task, RecommendOptions options) {
        return recommend(TaskInput.of(task), options);
    }

    public CompletableFuture<RecommendResponse> recommend(TaskInput task) {
        return recommend(task, RecommendOptions.defaults());
    }

    public CompletableFuture<RecommendResponse> recommend(TaskInput task, RecommendOptions options) {
        return recommend(Objects.requireNonNull(options, "options == null").toRequest(task));
    }

    /**
     * Recommends a model for a task given as a map of its wire fields, e.g.
     * {@code Map.of("task", "...", "task_type", "code")}.
     *
     * @throws IllegalArgumentException when the map is not a valid task
     */
    public CompletableFuture<RecommendResponse> recommend(Map<String, ?> task) {
        return recommend(MinimaCalls.taskFromMap(task), RecommendOptions.defaults());
    }

    public CompletableFuture<RecommendResponse> recommend(Map<String, ?> task, RecommendOptions options) {
        return recommend(MinimaCalls.taskFromMap(task), options);
    }

    /**
     * {@code POST /v1/recommend}. Sent once, never retried. The future fails with a {@link MinimaException} for any failure; fall back to a default model then.
     */
    public CompletableFuture<RecommendResponse> recommend(RecommendRequest request) {
        return http.sendAsync(MinimaCalls.recommend(request));
    }

    /** {@code POST /v1/recommend/workflow}: one recommendation per step. Never retried. */
    public CompletableFuture<WorkflowResponse> recommendWorkflow(WorkflowRequest request) {
        return http.sendAsync(MinimaCalls.recommendWorkflow(request));
    }

    /**
     * {@code POST /v1/feedback}. Retried on transport errors and 502/503/504. The server answers 200 even
     * when it cannot use the feedback: check {@link FeedbackResponse#accepted()}.
     */
    public CompletableFuture<FeedbackResponse> feedback(FeedbackRequest request) {
        return http.sendAsync(MinimaCalls.feedback(request));
    }

    /** Reports just the outcome of a call. */
    public CompletableFuture<FeedbackResponse> feedback(String recommendationId, String chosenModelId, Outcome outcome) {
        return feedback(FeedbackRequest.of(recommendationId, chosenModelId, outcome));
    }

    /** {@code GET /v1/models}: the whole catalog. Needs no API key. */
    public CompletableFuture<ModelsResponse> models() {
        return models(ModelsQuery.all());
    }

    /** {@code GET /v1/models} with filters. */
    public CompletableFuture<ModelsResponse> models(ModelsQuery query) {
        return http.sendAsync(MinimaCalls.models(query));
    }

    /** {@code GET /v1/strategies} for the default namespace. */
    public CompletableFuture<StrategiesResponse> strategies() {
        return strategies(StrategiesQuery.defaults());
    }

    public CompletableFuture<StrategiesResponse> strategies(String namespace, List<String> lessonTypes, int maxStrategies) {
        return strategies(StrategiesQuery.builder().namespace(namespace).lessonTypes(lessonTypes)
                .maxStrategies(maxStrategies).build());
    }

    /** {@code GET /v1/strategies}. */
    public CompletableFuture<StrategiesResponse> strategies(StrategiesQuery query) {
        return http.sendAsync(MinimaCalls.strategies(query));
    }

    /** {@code GET /v1/savings} for the default namespace over the server's default window. */
    public CompletableFuture<SavingsResponse> savings() {
        return savings(SavingsQuery.defaults());
    }

    public CompletableFuture<SavingsResponse> savings(String namespace, int days, SavingsGroupBy groupBy) {
        return savings(SavingsQuery.builder().namespace(namespace).days(days).groupBy(groupBy).build());
    }

    /** {@code GET /v1/savings}. */
    public CompletableFuture<SavingsResponse> savings(SavingsQuery query) {
        return http.sendAsync(MinimaCalls.savings(query));
    }

    /** {@code GET /v1/health}: free-form status (always 200 when the server is up). */
    public CompletableFuture<Map<String, Object>> health() {
        return http.sendAsync(MinimaCalls.health());
    }

    /** Releases the connection pool (unless it was given with {@link Builder#httpClient}). */
    @Override
    public void close() {
        http.close();
    }

    /** Options for {@link AsyncMinimaClient}; see {@link MinimaClient} for defaults and environment variables. */
    public static final class Builder extends ClientBuilder<Builder> {
        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Resolves the configuration and creates the client.
         *
         * @throws IllegalArgumentException when the base URL is not an http(s) URL with a host
         */
        public AsyncMinimaClient build() {
            return new AsyncMinimaClient(buildHttp("AsyncMinimaClient"));
        }
    }
}
