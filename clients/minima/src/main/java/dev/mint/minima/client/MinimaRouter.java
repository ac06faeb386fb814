package dev.mint.minima.client;

import dev.mint.minima.client.model.ErrorCause;
import dev.mint.minima.client.model.EvidenceSource;
import dev.mint.minima.client.model.FeedbackRequest;
import dev.mint.minima.client.model.FeedbackResponse;
import dev.mint.minima.client.model.Outcome;
import dev.mint.minima.client.model.RecommendRequest;
import dev.mint.minima.client.model.RecommendResponse;
import dev.mint.minima.client.model.TaskInput;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole Minima loop around one model call: recommend, call the chosen model, report the outcome.
 *
 * <pre>{@code
 * MinimaRouter router = MinimaRouter.builder(minima).defaultModel("gpt-4o-mini").build();
 * RoutedResult<ChatResponse> result = router.route(TaskInput.of(prompt), options,
 *         modelId -> llm.chat(modelId, prompt),                                   // your call
 *         response -> Optional.of(Usage.of(response.inputTokens(), response.outputTokens())),
 *         response -> grader.score(prompt, response));                            // optional judge, in [0, 1]
 * String answer = result.value().text();
 * }</pre>
 *
 * <h2>What is reported</h2>
 * After the call the router sends feedback with the realized tokens, the cost (the provider's, else the
 * tokens at the model's list prices from {@code GET /v1/models}, cached), the latency it measured around
 * the call, and:
 * <ul>
 *   <li>with a {@link Judge}: its score, the outcome it implies ({@link Outcome#forQuality}: at least 0.8
 *       success, at least 0.4 partial, else failure with {@code error_cause: quality}) and
 *       {@code evidence_source: judge};</li>
 *   <li>without one: outcome success with {@code evidence_source: none}, telemetry only (it never teaches
 *       the model's success estimate). A score known later goes in with {@link RoutedResult#report};</li>
 *   <li>when the call throws: failure with {@code error_cause: infra} and {@code evidence_source: none},
 *       and then the exception is rethrown unchanged.</li>
 * </ul>
 *
 * <h2>Failing open</h2>
 * When recommend fails (any {@link MinimaException}: unreachable, 5xx, 401, 422 ...) and a
 * {@linkplain Builder#defaultModel default model} is set, the router calls the default model instead and
 * sends no feedback (there is no recommendation to attach it to); without a default model the exception
 * propagates and no call is made. Failures to send feedback or to price a call never reach the caller:
 * they are logged through SLF4J (logger {@code dev.mint.minima.client.MinimaRouter}).
 *
 * <h2>Threads</h2>
 * Thread-safe; share one router. {@code route} blocks for recommend, the call and the feedback (feedback
 * may be retried, see {@link MinimaClient}). {@code routeAsync} blocks nowhere; its judge and usage
 * functions run on the thread that completes the model call. A router works with either client.
 */
public final class MinimaRouter {
    private static final Logger LOG = LoggerFactory.getLogger(MinimaRouter.class);

    private final MinimaHttp http;
    private final String defaultModel;
    private final PriceBook prices;

    private MinimaRouter(Builder builder) {
        this.http = builder.http;
        this.defaultModel = builder.defaultModel;
        this.prices = new PriceBook(builder.http, builder.priceCacheTtl);
    }

    public static Builder builder(MinimaClient client) {
        return new Builder(Objects.requireNonNull(client, "client == null").http());
    }

    public static Builder builder(AsyncMinimaClient client) {
        return new Builder(Objects.requireNonNull(client, "client == null").http());
    }

    /** The model called when recommend fails. */
    public Optional<String> defaultModel() {
        return Optional.ofNullable(defaultModel);
    }

    /** Routes a plain prompt with default options; the call is reported without a score. */
    public <T, E extends Exception> RoutedResult<T> route(String task, ModelCall<T, E> call) throws E {
        return run(TaskInput.of(task), RecommendOptions.defaults(), call, UsageOf.none(), null);
    }

    /** Routes without usage or judge: the call is reported without a score (telemetry only). */
    public <T, E extends Exception> RoutedResult<T> route(TaskInput task, RecommendOptions options, ModelCall<T, E> call)
            throws E {
        return run(task, options, call, UsageOf.none(), null);
    }

    /** Routes with realized usage but without a judge: reported without a score (telemetry only). */
    public <T, E extends Exception> RoutedResult<T> route(TaskInput task, RecommendOptions options, ModelCall<T, E> call,
                                                          UsageOf<? super T> usageOf) throws E {
        return run(task, options, call, Objects.requireNonNull(usageOf, "usageOf == null"), null);
    }

    /**
     * Recommends a model for {@code task}, calls it through {@code call}, and reports the outcome the
     * {@code judge} scores, with the usage {@code usageOf} reads from the result.
     *
     * @throws E               whatever {@code call} threw, after reporting it as an infrastructure failure
     * @throws MinimaException when recommend failed and the router has no default model
     */
    public <T, E extends Exception> RoutedResult<T> route(TaskInput task, RecommendOptions options, ModelCall<T, E> call,
                                                          UsageOf<? super T> usageOf, Judge<? super T> judge) throws E {
        return run(task, options, call, Objects.requireNonNull(usageOf, "usageOf == null"),
                Objects.requireNonNull(judge, "judge == null"));
    }

    /** {@link #route(TaskInput, RecommendOptions, ModelCall)} without blocking. */
    public <T> CompletableFuture<RoutedResult<T>> routeAsync(TaskInput task, RecommendOptions options,
                                                             AsyncModelCall<T> call) {
        return runAsync(task, options, call, UsageOf.none(), null);
    }

    /** {@link #route(TaskInput, RecommendOptions, ModelCall, UsageOf)} without blocking. */
    public <T> CompletableFuture<RoutedResult<T>> routeAsync(TaskInput task, RecommendOptions options,
                                                             AsyncModelCall<T> call, UsageOf<? super T> usageOf) {
        return runAsync(task, options, call, Objects.requireNonNull(usageOf, "usageOf == null"), null);
    }

    /**
     * {@link #route(TaskInput, RecommendOptions, ModelCall, UsageOf, Judge)} without blocking. The future
     * completes after the feedback was sent (or failed to send); it fails with the call's own exception
     * when the call fails, and with the {@link MinimaException} when recommend fails and there is no
     * default model.
     */
    public <T> CompletableFuture<RoutedResult<T>> routeAsync(TaskInput task, RecommendOptions options,
                                                             AsyncModelCall<T> call, UsageOf<? super T> usageOf,
                                                             Judge<? super T> judge) {
        return runAsync(task, options, call, Objects.requireNonNull(usageOf, "usageOf == null"),
                Objects.requireNonNull(judge, "judge == null"));
    }

    private <T, E extends Exception> RoutedResult<T> run(TaskInput task, RecommendOptions options, ModelCall<T, E> call,
                                                         UsageOf<? super T> usageOf, Judge<? super T> judge) throws E {
        Objects.requireNonNull(call, "call == null");
        RecommendRequest request = Objects.requireNonNull(options, "options == null").toRequest(task);
        RecommendResponse recommendation;
        try {
            recommendation = http.send(MinimaCalls.recommend(request));
        } catch (MinimaException e) {
            recommendation = fallBack(e);
        }
        String modelId = recommendation != null ? recommendation.modelId() : defaultModel;
        long started = System.nanoTime();
        T value;
        try {
            value = call.call(modelId);
        } catch (Exception e) {
            if (recommendation != null) {
                sendQuietly(infraFailure(recommendation, modelId, since(started)));
            }
            throw e;
        }
        Duration latency = since(started);
        Usage usage = usage(usageOf, value, modelId);
        Double quality = judge == null ? null : score(judge, value, modelId);
        Double cost = cost(usage, recommendation, modelId);
        FeedbackResponse feedback = recommendation == null ? null
                : sendQuietly(measured(recommendation, modelId, latency, usage, cost, quality));
        return new RoutedResult<>(value, modelId, recommendation, latency, usage, cost, quality, feedback, this);
    }

    private <T> CompletableFuture<RoutedResult<T>> runAsync(TaskInput task, RecommendOptions options,
                                                            AsyncModelCall<T> call, UsageOf<? super T> usageOf,
                                                            Judge<? super T> judge) {
        Objects.requireNonNull(call, "call == null");
        RecommendRequest request = Objects.requireNonNull(options, "options == null").toRequest(task);
        return http.sendAsync(MinimaCalls.recommend(request))
                .handle((recommendation, failure) -> {
                    if (failure == null) {
                        return Optional.of(recommendation);
                    }
                    if (Futures.unwrap(failure) instanceof MinimaException e) {
                        return Optional.ofNullable(fallBack(e));
                    }
                    throw Futures.rethrow(failure);
                })
                .thenCompose(recommendation -> callAsync(recommendation.orElse(null), call, usageOf, judge));
    }

    private <T> CompletableFuture<RoutedResult<T>> callAsync(RecommendResponse recommendation, AsyncModelCall<T> call,
                                                             UsageOf<? super T> usageOf, Judge<? super T> judge) {
        String modelId = recommendation != null ? recommendation.modelId() : defaultModel;
        long started = System.nanoTime();
        CompletableFuture<T> done = new CompletableFuture<>();
        try {
            CompletionStage<T> stage = Objects.requireNonNull(call.call(modelId), "the model call returned no stage");
            stage.whenComplete((value, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(Futures.unwrap(failure));
                } else {
                    done.complete(value);
                }
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done.handle((value, failure) -> {
            Duration latency = since(started);
            if (failure != null) {
                Throwable cause = Futures.unwrap(failure);
                CompletableFuture<Object> reported = recommendation == null ? CompletableFuture.completedFuture(null)
                        : sendQuietlyAsync(infraFailure(recommendation, modelId, latency)).thenApply(r -> null);
                return reported.<RoutedResult<T>>thenCompose(ignored -> CompletableFuture.failedFuture(cause));
            }
            Usage usage = usage(usageOf, value, modelId);
            Double quality = judge == null ? null : score(judge, value, modelId);
            CompletableFuture<Double> cost = costAsync(usage, recommendation, modelId);
            return cost.thenCompose(price -> {
                CompletableFuture<FeedbackResponse> feedback = recommendation == null
                        ? CompletableFuture.completedFuture(null)
                        : sendQuietlyAsync(measured(recommendation, modelId, latency, usage, price, quality));
                return feedback.thenApply(answer -> new RoutedResult<>(value, modelId, recommendation, latency, usage,
                        price, quality, answer, this));
            });
        }).thenCompose(result -> result);
    }

    /** After a failed recommend: nothing to follow, so the default model or the failure itself. */
    private RecommendResponse fallBack(MinimaException e) {
        if (defaultModel == null) {
            throw e;
        }
        LOG.warn("Minima recommend failed, calling the default model {}: {}", defaultModel, e.getMessage());
        return null;
    }

    private static <T> Usage usage(UsageOf<? super T> usageOf, T value, String modelId) {
        try {
            Optional<Usage> usage = usageOf.usage(value);
            return usage == null ? null : usage.orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the usage of the {} call; reporting it without tokens: {}", modelId, e.toString());
            return null;
        }
    }

    private static <T> Double score(Judge<? super T> judge, T value, String modelId) {
        double score;
        try {
            score = judge.score(value);
        } catch (Exception e) {
            LOG.warn("The judge failed on the {} result; reporting it without a score: {}", modelId, e.toString());
            return null;
        }
        if (!(score >= 0 && score <= 1)) {
            LOG.warn("The judge scored the {} result {}, outside [0, 1]; reporting it without a score", modelId, score);
            return null;
        }
        return score;
    }

    /** The provider's cost, else list prices; none is looked up for a call that will not be reported. */
    private Double cost(Usage usage, RecommendResponse recommendation, String modelId) {
        if (usage == null) {
            return null;
        }
        if (usage.costUsd().isPresent()) {
            return usage.costUsd().getAsDouble();
        }
        return recommendation == null ? null : boxed(prices.cost(modelId, usage));
    }

    private CompletableFuture<Double> costAsync(Usage usage, RecommendResponse recommendation, String modelId) {
        if (usage == null || usage.costUsd().isPresent() || recommendation == null) {
            return CompletableFuture.completedFuture(cost(usage, null, modelId));
        }
        return prices.costAsync(modelId, usage).thenApply(MinimaRouter::boxed);
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static FeedbackRequest infraFailure(RecommendResponse recommendation, String modelId, Duration latency) {
        return FeedbackRequest.builder(recommendation.recommendationId(), modelId, Outcome.FAILURE)
                .errorCause(ErrorCause.INFRA).evidenceSource(EvidenceSource.NONE).latencyMs(latency.toMillis()).build();
    }

    private static FeedbackRequest measured(RecommendResponse recommendation, String modelId, Duration latency,
                                            Usage usage, Double cost, Double quality) {
        Outcome outcome = quality == null ? Outcome.SUCCESS : Outcome.forQuality(quality);
        FeedbackRequest.Builder feedback = FeedbackRequest.builder(recommendation.recommendationId(), modelId, outcome)
                .evidenceSource(quality == null ? EvidenceSource.NONE : EvidenceSource.JUDGE);
        return telemetry(feedback, latency, usage, cost, quality, outcome).build();
    }

    FeedbackRequest labelled(RoutedResult<?> result, double quality, EvidenceSource source) {
        Outcome outcome = Outcome.forQuality(quality);
        FeedbackRequest.Builder feedback = FeedbackRequest.builder(result.recommendationOrNull().recommendationId(),
                result.modelId(), outcome).evidenceSource(source);
        return telemetry(feedback, result.latency(), result.usageOrNull(), result.costOrNull(), quality, outcome).build();
    }

    private static FeedbackRequest.Builder telemetry(FeedbackRequest.Builder feedback, Duration latency, Usage usage,
                                                     Double cost, Double quality, Outcome outcome) {
        feedback.latencyMs(latency.toMillis());
        if (usage != null) {
            feedback.inputTokens(usage.inputTokens()).outputTokens(usage.outputTokens());
        }
        if (cost != null) {
            feedback.actualCostUsd(cost);
        }
        if (quality != null) {
            feedback.qualityScore(quality);
        }
        if (outcome == Outcome.FAILURE) {
            feedback.errorCause(ErrorCause.QUALITY);
        }
        return feedback;
    }

    FeedbackResponse sendQuietly(FeedbackRequest feedback) {
        try {
            return accepted(feedback, http.send(MinimaCalls.feedback(feedback)));
        } catch (RuntimeException e) {
            LOG.warn("Could not send feedback for recommendation {}: {}", feedback.recommendationId(), e.getMessage());
            return null;
        }
    }

    CompletableFuture<FeedbackResponse> sendQuietlyAsync(FeedbackRequest feedback) {
        return http.sendAsync(MinimaCalls.feedback(feedback)).handle((answer, failure) -> {
            if (failure != null) {
                LOG.warn("Could not send feedback for recommendation {}: {}", feedback.recommendationId(),
                        Futures.unwrap(failure).getMessage());
                return null;
            }
            return accepted(feedback, answer);
        });
    }

    private static FeedbackResponse accepted(FeedbackRequest feedback, FeedbackResponse answer) {
        if (!answer.accepted()) {
            LOG.info("Minima did not accept the feedback for recommendation {}: {}", feedback.recommendationId(),
                    answer.warnings());
        }
        return answer;
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Options for {@link MinimaRouter}. */
    public static final class Builder {
        private final MinimaHttp http;
        private String defaultModel;
        private Duration priceCacheTtl = Duration.ofHours(1);

        private Builder(MinimaHttp http) {
            this.http = http;
        }

        /** The model to call when recommend fails; without one, a failed recommend propagates. */
        public Builder defaultModel(String modelId) {
            Objects.requireNonNull(modelId, "modelId == null");
            if (modelId.isBlank()) {
                throw new IllegalArgumentException("modelId must not be blank");
            }
            this.defaultModel = modelId;
            return this;
        }

        /** How long list prices from {@code GET /v1/models} are reused, default 1 hour. */
        public Builder priceCacheTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl == null");
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("ttl must not be negative");
            }
            this.priceCacheTtl = ttl;
            return this;
        }

        public MinimaRouter build() {
            return new MinimaRouter(this);
        }
    }
}
