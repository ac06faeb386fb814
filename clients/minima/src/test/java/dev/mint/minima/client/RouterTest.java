package dev.mint.minima.client;

import static dev.mint.minima.client.Fixtures.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.client.core.StubServer;
import dev.mint.minima.client.model.EvidenceSource;
import dev.mint.minima.client.model.FeedbackResponse;
import dev.mint.minima.client.model.TaskInput;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recommend → call → feedback loop, against a stand-in Minima that records what it was told. */
class RouterTest {
    private static final String RECOMMENDED = "claude-haiku-4-5";
    private static final String REC_ID = "5b1f0c7e9d2a4e6f8a0b1c2d3e4f5a6b";
    private static final TaskInput TASK = TaskInput.of("Write a Python function that merges k sorted linked lists.");
    private static final RecommendOptions OPTIONS = RecommendOptions.builder().namespace("agents").phase("implement").build();

    /** What the caller's model returns: text plus the provider's usage block. */
    record Reply(String text, long promptTokens, long completionTokens, Double costUsd) {
    }

    private static final UsageOf<Reply> USAGE = reply -> Optional.of(reply.costUsd() == null
            ? Usage.of(reply.promptTokens(), reply.completionTokens())
            : Usage.of(reply.promptTokens(), reply.completionTokens(), reply.costUsd()));

    private final StubServer server = new StubServer();
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final MinimaClient client = Fixtures.client(server).sleeper(waits::add).build();
    private final MinimaRouter router = MinimaRouter.builder(client).defaultModel("gpt-4o-mini").build();

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static Reply slowReply(String modelId, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Reply("def merge(lists): ... by " + modelId, 180, 640, null);
    }

    private List<String> paths() {
        return server.received().stream().map(StubServer.Received::path).toList();
    }

    private JsonNode feedbackSent(int index) {
        List<StubServer.Received> feedback = server.received().stream()
                .filter(r -> r.path().endsWith("/v1/feedback")).toList();
        return body(feedback.get(index));
    }

    @Test
    void judgedCallReportsQualityOutcomeTokensCostAndLatency() {
        server.enqueue(200, Fixtures.resource("recommend-memory.json"))
                .enqueue(200, Fixtures.resource("models-response.json"))
                .enqueue(200, Fixtures.feedbackAccepted());
        AtomicReference<String> called = new AtomicReference<>();
        RoutedResult<Reply> result = router.route(TASK, OPTIONS, modelId -> {
            called.set(modelId);
            return slowReply(modelId, 30);
        }, reply -> Optional.of(Usage.of(reply.promptTokens(), reply.completionTokens())),
                reply -> reply.text().startsWith("def ") ? 0.9 : 0.0);

        assertThat(called.get()).isEqualTo(RECOMMENDED);
        assertThat(paths()).containsExactly("/api/minima/v1/recommend", "/api/minima/v1/models", "/api/minima/v1/feedback");
        assertThat(body(server.received().get(0)).at("/task/tags").toString()).isEqualTo("[\"phase:implement\"]");

        JsonNode feedback = feedbackSent(0);
        assertThat(feedback.get("recommendation_id").asText()).isEqualTo(REC_ID);
        assertThat(feedback.get("chosen_model_id").asText()).isEqualTo(RECOMMENDED);
        assertThat(feedback.get("outcome").asText()).isEqualTo("success");
        assertThat(feedback.get("quality_score").asDouble()).isEqualTo(0.9);
        assertThat(feedback.get("evidence_source").asText()).isEqualTo("judge");
        assertThat(feedback.get("input_tokens").asLong()).isEqualTo(180);
        assertThat(feedback.get("output_tokens").asLong()).isEqualTo(640);
        // haiku lists at $1 in / $5 out per million tokens
        assertThat(feedback.get("actual_cost_usd").asDouble()).isCloseTo(0.00338, within(1e-12));
        assertThat(feedback.get("latency_ms").asLong()).isBetween(30L, 5_000L);
        assertThat(feedback.has("error_cause")).isFalse();

        assertThat(result.value().text()).contains(RECOMMENDED);
        assertThat(result.modelId()).isEqualTo(RECOMMENDED);
        assertThat(result.fellBack()).isFalse();
        assertThat(result.recommendation().orElseThrow().recommendationId()).isEqualTo(REC_ID);
        assertThat(result.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(30));
        assertThat(result.quality()).hasValue(0.9);
        assertThat(result.costUsd().getAsDouble()).isCloseTo(0.00338, within(1e-12));
        assertThat(result.feedback().map(FeedbackResponse::accepted)).contains(true);
    }

    @Test
    void lowScoresAreQualityFailuresAndMiddleScoresPartial() {
        server.enqueue(200, Fixtures.resource("recommend-memory.json")).enqueue(200, Fixtures.feedbackAccepted())
                .enqueue(200, Fixtures.resource("recommend-memory.json")).enqueue(200, Fixtures.feedbackAccepted());
        UsageOf<Reply> providerCost = reply -> Optional.of(Usage.of(10, 20, 0.001));
        router.route(TASK, OPTIONS, modelId -> slowReply(modelId, 1), providerCost, reply -> 0.2);
        router.route(TASK, OPTIONS, modelId -> slowReply(modelId, 1), providerCost, reply -> 0.5);

        assertThat(paths()).as("a provider cost needs no catalog").doesNotContain("/api/minima/v1/models");
        JsonNode failure = feedbackSent(0);
        assertThat(failure.get("outcome").asText()).isEqualTo("failure");
        assertThat(failure.get("error_cause").asText()).isEqualTo("quality");
        assertThat(failure.get("quality_score").asDouble()).isEqualTo(0.2);
        assertThat(failure.get("actual_cost_usd").asDouble()).isEqualTo(0.001);
        JsonNode partial = feedbackSent(1);
        assertThat(partial.get("outcome").asText()).isEqualTo("partial");
        assertThat(partial.has("error_cause")).isFalse();
    }

    @Test
    void listPricesAreFetchedOnceAndReused() {
        for (int i = 0; i < 2; i++) {
            server.enqueue(200, Fixtures.resource("recommend-memory.json"));
            if (i == 0) {
                server.enqueue(200, Fixtures.resource("models-response.json"));
            }
            server.enqueue(200, Fixtures.feedbackAccepted());
            router.route(TASK, OPTIONS, modelId -> slowReply(modelId, 1), USAGE);
        }
        assertThat(paths()).filteredOn(p -> p.endsWith("/v1/models")).hasSize(1);
        assertThat(feedbackSent(1).get("actual_cost_usd").asDouble()).isCloseTo(0.00338, within(1e-12));
    }

    @Test
    void unjudgedCallIsTelemetryOnlyAndALaterReportIsAHumanLabel() {
        server.enqueue(200, Fixtures.resource("recommend-memory.json"))
                .enqueue(200, Fixtures.feedbackTelemetryOnly())
                .enqueue(200, Fixtures.feedbackAccepted());
        // no judge and a call that throws nothing checked: no throws clause needed here
        RoutedResult<String> result = router.route(TASK, OPTIONS, modelId -> "answer from " + modelId);

        JsonNode telemetry = feedbackSent(0);
        assertThat(telemetry.get("outcome").asText()).isEqualTo("success");
        assertThat(telemetry.get("evidence_source").asText()).isEqualTo("none");
        assertThat(telemetry.has("quality_score")).isFalse();
        assertThat(telemetry.has("input_tokens")).isFalse();
        assertThat(telemetry.has("latency_ms")).isTrue();
        assertThat(result.quality()).isEmpty();
        assertThat(result.feedback().orElseThrow().warnings()).containsExactly("unlabeled_telemetry_only");

        Optional<FeedbackResponse> answer = result.report(0.3);
        JsonNode label = feedbackSent(1);
        assertThat(label.get("recommendation_id").asText()).isEqualTo(REC_ID);
        assertThat(label.get("outcome").asText()).isEqualTo("failure");
        assertThat(label.get("error_cause").asText()).isEqualTo("quality");
        assertThat(label.get("quality_score").asDouble()).isEqualTo(0.3);
        assertThat(label.get("evidence_source").asText()).isEqualTo("human");
        assertThat(label.get("latency_ms").asLong()).isEqualTo(telemetry.get("latency_ms").asLong());
        assertThat(answer.map(FeedbackResponse::accepted)).contains(true);
    }

    @Test
    void throwingCallReportsAnInfraFailureAndRethrowsTheSameException() {
        server.enqueue(200, Fixtures.resource("recommend-memory.json")).enqueue(200, Fixtures.feedbackTelemetryOnly());
        IOException providerDown = new IOException("provider returned 529 overloaded");
        AtomicInteger judged = new AtomicInteger();
        ModelCall<Reply, IOException> call = modelId -> {
            slowReply(modelId, 15);
            throw providerDown;
        };
        assertThatThrownBy(() -> router.route(TASK, OPTIONS, call, USAGE, reply -> judged.incrementAndGet()))
                .isSameAs(providerDown);

        assertThat(judged).hasValue(0);
        assertThat(paths()).containsExactly("/api/minima/v1/recommend", "/api/minima/v1/feedback");
        JsonNode feedback = feedbackSent(0);
        assertThat(feedback.get("chosen_model_id").asText()).isEqualTo(RECOMMENDED);
        assertThat(feedback.get("outcome").asText()).isEqualTo("failure");
        assertThat(feedback.get("error_cause").asText()).isEqualTo("infra");
        assertThat(feedback.get("evidence_source").asText()).isEqualTo("none");
        assertThat(feedback.get("latency_ms").asLong()).isGreaterThanOrEqualTo(15);
        assertThat(feedback.has("quality_score")).isFalse();
    }

    @Test
    void failedRecommendFallsBackToTheDefaultModelWithoutFeedback() {
        server.enqueue(503, "{\"detail\": \"memory warming up\"}");
        AtomicReference<String> called = new AtomicReference<>();
        RoutedResult<Reply> result = router.route(TASK, OPTIONS, modelId -> {
            called.set(modelId);
            return slowReply(modelId, 1);
        }, USAGE, reply -> 1.0);

        assertThat(called.get()).isEqualTo("gpt-4o-mini");
        assertThat(result.modelId()).isEqualTo("gpt-4o-mini");
        assertThat(result.fellBack()).isTrue();
        assertThat(result.recommendation()).isEmpty();
        assertThat(result.feedback()).isEmpty();
        assertThat(result.quality()).hasValue(1.0);
        assertThat(result.costUsd()).as("nothing is priced for an unreported call").isEmpty();
        assertThat(result.report(0.9)).isEmpty();
        assertThat(paths()).containsExactly("/api/minima/v1/recommend");
    }

    @Test
    void rejectedRecommendFallsBackToo() {
        Fixtures.problem(server, 422, "No candidate models", "no models match the supplied constraints");
        RoutedResult<String> result = router.route("anything", modelId -> modelId);
        assertThat(result.value()).isEqualTo("gpt-4o-mini");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void withoutDefaultModelAFailedRecommendPropagatesAndNothingIsCalled() {
        MinimaRouter strict = MinimaRouter.builder(client).build();
        server.enqueue(401, "{\"detail\": \"configure MUBIT_API_KEY\"}");
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> strict.route(TASK, OPTIONS, modelId -> calls.incrementAndGet()))
                .isInstanceOf(MinimaAuthenticationException.class);
        assertThat(calls).hasValue(0);
        assertThat(strict.defaultModel()).isEmpty();
    }

    @Test
    void feedbackFailureNeverReachesTheCaller() {
        server.enqueue(200, Fixtures.resource("recommend-memory.json"))
                .enqueue(503, "{}").enqueue(503, "{}").enqueue(503, "{}");
        RoutedResult<String> result = router.route(TASK, OPTIONS, modelId -> "fine");
        assertThat(result.value()).isEqualTo("fine");
        assertThat(result.feedback()).isEmpty();
        assertThat(paths()).filteredOn(p -> p.endsWith("/v1/feedback")).hasSize(3);
    }

    @Test
    void brokenJudgeReportsTheCallWithoutAScore() {
        server.enqueue(200, Fixtures.resource("recommend-memory.json")).enqueue(200, Fixtures.feedbackTelemetryOnly())
                .enqueue(200, Fixtures.resource("recommend-memory.json")).enqueue(200, Fixtures.feedbackTelemetryOnly());
        router.route(TASK, OPTIONS, modelId -> "x", UsageOf.none(), reply -> {
            throw new IllegalStateException("grader offline");
        });
        router.route(TASK, OPTIONS, modelId -> "x", UsageOf.none(), reply -> 7);
        for (int i = 0; i < 2; i++) {
            JsonNode feedback = feedbackSent(i);
            assertThat(feedback.get("evidence_source").asText()).isEqualTo("none");
            assertThat(feedback.get("outcome").asText()).isEqualTo("success");
            assertThat(feedback.has("quality_score")).isFalse();
        }
    }

    @Test
    void asyncRouteReportsTheSameFeedback() throws Exception {
        server.enqueue(200, Fixtures.resource("recommend-memory.json"))
                .enqueue(200, Fixtures.resource("models-response.json"))
                .enqueue(200, Fixtures.feedbackAccepted());
        try (AsyncMinimaClient async = Fixtures.asyncClient(server).build()) {
            MinimaRouter asyncRouter = MinimaRouter.builder(async).build();
            RoutedResult<Reply> result = asyncRouter.routeAsync(TASK, OPTIONS,
                    modelId -> CompletableFuture.supplyAsync(() -> slowReply(modelId, 20)), USAGE, reply -> 0.85)
                    .get(10, TimeUnit.SECONDS);
            assertThat(result.modelId()).isEqualTo(RECOMMENDED);
            assertThat(result.feedback()).isPresent();
        }
        JsonNode feedback = feedbackSent(0);
        assertThat(feedback.get("outcome").asText()).isEqualTo("success");
        assertThat(feedback.get("quality_score").asDouble()).isEqualTo(0.85);
        assertThat(feedback.get("evidence_source").asText()).isEqualTo("judge");
        assertThat(feedback.get("output_tokens").asLong()).isEqualTo(640);
        assertThat(feedback.get("actual_cost_usd").asDouble()).isCloseTo(0.00338, within(1e-12));
        assertThat(feedback.get("latency_ms").asLong()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void asyncFailedCallReportsInfraAndFailsWithTheSameException() {
        server.enqueue(200, Fixtures.resource("recommend-memory.json")).enqueue(200, Fixtures.feedbackTelemetryOnly());
        IllegalStateException rateLimited = new IllegalStateException("provider 429");
        CompletableFuture<RoutedResult<String>> future = router.routeAsync(TASK, OPTIONS,
                modelId -> CompletableFuture.failedFuture(rateLimited));
        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isSameAs(rateLimited);
        JsonNode feedback = feedbackSent(0);
        assertThat(feedback.get("outcome").asText()).isEqualTo("failure");
        assertThat(feedback.get("error_cause").asText()).isEqualTo("infra");
        assertThat(feedback.get("evidence_source").asText()).isEqualTo("none");
    }

    @Test
    void asyncFallbackCallsTheDefaultModelWithoutFeedback() throws Exception {
        server.enqueue(502, "<html>bad gateway</html>");
        RoutedResult<String> result = router.routeAsync(TASK, OPTIONS, CompletableFuture::completedFuture)
                .get(10, TimeUnit.SECONDS);
        assertThat(result.value()).isEqualTo("gpt-4o-mini");
        assertThat(result.fellBack()).isTrue();
        assertThat(result.reportAsync(0.9, EvidenceSource.GATE).get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(server.received()).hasSize(1);
    }
}
