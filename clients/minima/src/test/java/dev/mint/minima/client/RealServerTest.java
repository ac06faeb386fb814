package dev.mint.minima.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.minima.client.model.Constraints;
import dev.mint.minima.client.model.FeedbackRequest;
import dev.mint.minima.client.model.FeedbackResponse;
import dev.mint.minima.client.model.Outcome;
import dev.mint.minima.client.model.RecommendResponse;
import dev.mint.minima.client.model.TaskInput;
import dev.mint.minima.client.model.TaskType;
import dev.mint.server.test.TestPlatform;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Java clients against the real platform hosting the real Minima plugin, with a real mbt_ key. */
class RealServerTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static String key;
    static MinimaClient client;
    static AsyncMinimaClient async;

    @BeforeAll
    static void connect() {
        platform.createUser("router", "member");
        key = platform.http().post("/api/users/me/tokens", platform.login("router", "router-password"),
                Map.of("name", "java", "kind", "minima")).json().get("token").asText();
        client = MinimaClient.create(platform.baseUrl() + "/api/minima", key);
        async = AsyncMinimaClient.create(platform.baseUrl() + "/api/minima/", key);
    }

    @AfterAll
    static void close() {
        client.close();
        async.close();
    }

    @Test
    void recommendThenFeedbackWithEveryFigure() {
        RecommendResponse r = client.recommend(TaskInput.builder("Classify this ticket: my invoice total is wrong.")
                .taskType(TaskType.CLASSIFICATION).expectedInputTokens(30).build(), RecommendOptions.builder()
                .costQualityTradeoff(4).namespace("java").constraints(Constraints.builder()
                        .candidateModels("gpt-4o-mini", "claude-haiku-4-5").build()).build());

        assertThat(r.recommendationId()).hasSize(32);
        assertThat(r.recommendedModel().modelId()).isIn("gpt-4o-mini", "claude-haiku-4-5");
        assertThat(r.ranked()).hasSize(2);

        FeedbackResponse f = client.feedback(FeedbackRequest.builder(r.recommendationId(), r.recommendedModel().modelId(),
                Outcome.SUCCESS).qualityScore(0.92).inputTokens(30).outputTokens(12).actualCostUsd(0.00002).latencyMs(640)
                .idempotencyKey("java-1").build());
        assertThat(f.accepted()).isTrue();
        assertThat(f.recordId()).isPresent();
        assertThat(client.feedback(FeedbackRequest.builder(r.recommendationId(), r.recommendedModel().modelId(),
                Outcome.SUCCESS).qualityScore(0.92).idempotencyKey("java-1").build())).isEqualTo(f);
        assertThat(client.savings().toString()).contains("n_reconciled");
        assertThat(client.models().models()).hasSizeGreaterThan(10);
        assertThat(client.health()).containsEntry("status", "ok");
    }

    @Test
    void problemsBecomeTypedExceptions() {
        assertThatThrownBy(() -> client.recommend("")).as("checked before sending").isInstanceOf(IllegalArgumentException.class);
        String id = client.recommend("Who painted the Mona Lisa?").recommendationId();
        assertThatThrownBy(() -> client.feedback(id, "no-such-model", Outcome.SUCCESS))
                .isInstanceOfSatisfying(MinimaException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.title()).contains("Unknown model");
                    assertThat(e.detail()).contains("no-such-model");
                });
        assertThatThrownBy(() -> client.recommend(TaskInput.of("hi"), RecommendOptions.builder()
                .constraints(Constraints.builder().candidateModels("no-such-model").build()).build()))
                .isInstanceOfSatisfying(MinimaException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.title()).contains("No candidate models");
                });
        try (MinimaClient stranger = MinimaClient.create(platform.baseUrl() + "/api/minima", "mbt_" + "z".repeat(40))) {
            assertThatThrownBy(() -> stranger.recommend("hi")).isInstanceOf(MinimaAuthenticationException.class);
        }
    }

    @Test
    void theAsyncClientCompletesWithTheSameAnswersAndFailures() {
        RecommendResponse r = async.recommend("Translate 'thank you' into Italian.").join();
        assertThat(r.recommendedModel().modelId()).isNotBlank();
        assertThat(async.feedback(r.recommendationId(), r.recommendedModel().modelId(), Outcome.SUCCESS).join().accepted())
                .isTrue();
        assertThatThrownBy(() -> async.feedback(r.recommendationId(), "no-such-model", Outcome.FAILURE).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(MinimaException.class);
    }

    @Test
    void theRouterRunsTheLoopInOneCall() {
        MinimaRouter router = MinimaRouter.builder(client).defaultModel("gpt-4o-mini").build();
        RoutedResult<String> result = router.route(TaskInput.of("Summarize: the meeting moved to Friday."),
                RecommendOptions.builder().namespace("router").build(),
                model -> "Meeting on Friday (answered by " + model + ")",
                answer -> java.util.Optional.of(Usage.of(12, 8)),
                answer -> answer.contains("Friday") ? 0.9 : 0.1);

        assertThat(result.value()).contains(result.modelId());
        assertThat(result.fellBack()).isFalse();
        assertThat(result.quality()).hasValue(0.9);
        assertThat(result.feedback()).hasValueSatisfying(f -> assertThat(f.accepted()).isTrue());
        assertThat(client.strategies("router", List.of(), 5).strategies()).isNotEmpty();
    }
}
