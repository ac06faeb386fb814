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

/**
 * The Java client of the Minima model-recommendation API: ask which model to run ({@link #recommend}),
 * run it yourself, then report how it went ({@link #feedback}). Minima never calls a model.
 *
 * <pre>{@code
 * try (MinimaClient minima = MinimaClient.create("http://127.0.0.1:8001/api/minima", token)) {
 *     RecommendResponse rec = minima.recommend("Summarize this incident report into 3 bullets.",
 *             RecommendOptions.builder().costQualityTradeoff(3).build());
 *     String answer = callModel(rec.modelId(), prompt);
 *     minima.feedback(FeedbackRequest.builder(rec.recommendationId(), rec.modelId(), Outcome.SUCCESS)
 *             .qualityScore(0.9).outputTokens(640).build());
 * }
 * }</pre>
 *
 * <h2>Configuration</h2>
 * Builder setting, then environment, then default:
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Setting</th><th>Environment</th><th>Default</th></tr>
 *   <tr><td>{@link Builder#baseUrl}</td><td>{@code MINIMA_BASE_URL}, else {@code MINT_URL} + {@code /api/minima}</td>
 *       <td>{@code http://127.0.0.1:8001/api/minima} (a local MINT platform)</td></tr>
 *   <tr><td>{@link Builder#apiKey}</td><td>{@code MINIMA_API_KEY}, else {@code MINT_TOKEN} (only when the URL is
 *       the platform's: from {@code MINT_URL} or the default)</td><td>none (no {@code Authorization} header)</td></tr>
 *   <tr><td>{@link Builder#timeout}</td><td></td><td>10 s</td></tr>
 *   <tr><td>{@link Builder#connectTimeout}</td><td></td><td>10 s</td></tr>
 *   <tr><td>{@link Builder#maxRetries}</td><td></td><td>2, feedback only</td></tr>
 * </table>
 *
 * <h2>Errors and retries</h2>
 * Every failure is a {@link MinimaException}; see there for the subclasses. Feedback is resent up to twice
 * after a transport error or a 502/503/504, with exponential backoff (0.5 s doubling, at most 4 s);
 * nothing else is retried, and a 429 surfaces at once as {@link MinimaRateLimitedException}. Treat a
 * failed {@code recommend} as "use your default model": {@link MinimaRouter} does that for you.
 *
 * <h2>Thread-safety</h2>
 * Immutable and thread-safe; share one client, which shares its connection pool. Close it when done.
 * {@link AsyncMinimaClient} has the same methods returning futures.
 */
public final class MinimaClient implements AutoCloseable {
    private final MinimaHttp http;

    private MinimaClient(MinimaHttp http) {
        this.http = http;
    }

    /** A client for this URL and API key. */
    public static MinimaClient create(String baseUrl, String apiKey) {
        return builder().baseUrl(baseUrl).apiKey(apiKey).build();
    }

    /** A client configured from {@code MINIMA_BASE_URL} / {@code MINIMA_API_KEY}, else {@code MINT_URL} / {@code MINT_TOKEN}. */
    public static MinimaClient fromEnvironment() {
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
    public RecommendResponse recommend(String task) {
        return recommend(TaskInput.of(task), RecommendOptions.defaults());
    }

    public RecommendResponse recommend(String task, RecommendOptions options) {
        return recommend(TaskInput.of(task), options);
    }

    public RecommendResponse recommend(TaskInput task) {
        return recommend(task, RecommendOptions.defaults());
    }

    public RecommendResponse recommend(TaskInput task, RecommendOptions options) {
        return recommend(Objects.requireNonNull(options, "options == null").toRequest(task));
    }

    /**
     * Recommends a model for a task given as a map of its wire fields, e.g.
     * {@code Map.of("task", "...", "task_type", "code")}.
     *
     * @throws IllegalArgumentException when the map is not a valid task
     */
    public RecommendResponse recommend(Map<String, ?> task) {
        return recommend(MinimaCalls.taskFromMap(task), RecommendOptions.defaults());
    }

    public RecommendResponse recommend(Map<String, ?> task, RecommendOptions options) {
        return recommend(MinimaCalls.taskFromMap(task), options);
    }

    /**
     * {@code POST /v1/recommend}. Sent once, never retried.
     *
     * @throws MinimaException for any failure; fall back to a default model then
     */
    public RecommendResponse recommend(RecommendRequest request) {
        return http.send(MinimaCalls.recommend(request));
    }

    /** {@code POST /v1/recommend/workflow}: one recommendation per step. Never retried. */
    public WorkflowResponse recommendWorkflow(WorkflowRequest request) {
        return http.send(MinimaCalls.recommendWorkflow(request));
    }

    /**
     * {@code POST /v1/feedback}. Retried on transport errors and 502/503/504. The server answers 200 even
     * when it cannot use the feedback: check {@link FeedbackResponse#accepted()}.
     */
    public FeedbackResponse feedback(FeedbackRequest request) {
        return http.send(MinimaCalls.feedback(request));
    }

    /** Reports just the outcome of a call. */
    public FeedbackResponse feedback(String recommendationId, String chosenModelId, Outcome outcome) {
        return feedback(FeedbackRequest.of(recommendationId, chosenModelId, outcome));
    }

    /** {@code GET /v1/models}: the whole catalog. Needs no API key. */
    public ModelsResponse models() {
        return models(ModelsQuery.all());
    }

    /** {@code GET /v1/models} with filters. */
    public ModelsResponse models(ModelsQuery query) {
        return http.send(MinimaCalls.models(query));
    }

    /** {@code GET /v1/strategies} for the default namespace. */
    public StrategiesResponse strategies() {
        return strategies(StrategiesQuery.defaults());
    }

    public StrategiesResponse strategies(String namespace, List<String> lessonTypes, int maxStrategies) {
        return strategies(StrategiesQuery.builder().namespace(namespace).lessonTypes(lessonTypes)
                .maxStrategies(maxStrategies).build());
    }

    /** {@code GET /v1/strategies}. */
    public StrategiesResponse strategies(StrategiesQuery query) {
        return http.send(MinimaCalls.strategies(query));
    }

    /** {@code GET /v1/savings} for the default namespace over the server's default window. */
    public SavingsResponse savings() {
        return savings(SavingsQuery.defaults());
    }

    public SavingsResponse savings(String namespace, int days, SavingsGroupBy groupBy) {
        return savings(SavingsQuery.builder().namespace(namespace).days(days).groupBy(groupBy).build());
    }

    /** {@code GET /v1/savings}. */
    public SavingsResponse savings(SavingsQuery query) {
        return http.send(MinimaCalls.savings(query));
    }

    /** {@code GET /v1/health}: free-form status (always 200 when the server is up). */
    public Map<String, Object> health() {
        return http.send(MinimaCalls.health());
    }

    /** Releases the connection pool (unless it was given with {@link Builder#httpClient}). */
    @Override
    public void close() {
        http.close();
    }

    /** Options for {@link MinimaClient}; see the class description for defaults and environment variables. */
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
        public MinimaClient build() {
            return new MinimaClient(buildHttp("MinimaClient"));
        }
    }
}
