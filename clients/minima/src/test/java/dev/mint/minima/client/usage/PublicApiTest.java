package dev.mint.minima.client.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.client.core.StubServer;
import dev.mint.minima.client.MinimaClient;
import dev.mint.minima.client.MinimaException;
import dev.mint.minima.client.MinimaRouter;
import dev.mint.minima.client.RecommendOptions;
import dev.mint.minima.client.RoutedResult;
import dev.mint.minima.client.Usage;
import dev.mint.minima.client.model.Constraints;
import dev.mint.minima.client.model.FeedbackRequest;
import dev.mint.minima.client.model.Outcome;
import dev.mint.minima.client.model.RecommendResponse;
import dev.mint.minima.client.model.TaskInput;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Written from outside the client's package, as a user's code is: everything used here must be public,
 * including the builder settings the two clients share.
 */
class PublicApiTest {
    @Test
    void theLoopAsAUserWritesIt() {
        try (StubServer server = new StubServer();
             MinimaClient minima = MinimaClient.builder().environment(Map.of()).baseUrl(server.baseUrl() + "/api/minima")
                     .apiKey("token").timeout(Duration.ofSeconds(5)).connectTimeout(Duration.ofSeconds(2)).maxRetries(1)
                     .build()) {
            server.enqueue(200, "{\"recommendation_id\": \"r1\", \"recommended_model\": {\"model_id\": \"gemini-2.5-flash\"}}")
                    .enqueue(200, "{\"accepted\": true}")
                    .enqueue(503, "")
                    .enqueue(422, "{\"detail\": [{\"loc\": [\"body\", \"task\"], \"msg\": \"Field required\", \"type\": \"missing\"}]}");

            RecommendResponse rec = minima.recommend(TaskInput.of("Classify this ticket"), RecommendOptions.builder()
                    .constraints(Constraints.builder().maxCostPerCall(0.01).build()).build());
            boolean accepted = minima.feedback(FeedbackRequest.builder(rec.recommendationId(), rec.modelId(), Outcome.SUCCESS)
                    .qualityScore(0.9).outputTokens(640).build()).accepted();
            assertThat(rec.modelId()).isEqualTo("gemini-2.5-flash");
            assertThat(accepted).isTrue();

            RoutedResult<String> routed = MinimaRouter.builder(minima).defaultModel("fallback-model").build()
                    .route(TaskInput.of("Classify this ticket"), RecommendOptions.defaults(), modelId -> "label from " + modelId,
                            text -> Optional.of(Usage.of(12, 3, 0.0001)), text -> 1.0);
            assertThat(routed.value()).isEqualTo("label from fallback-model");
            assertThat(routed.fellBack()).isTrue();
            assertThatThrownBy(() -> minima.recommend("x")).isInstanceOfSatisfying(MinimaException.class,
                    e -> assertThat(e.validationErrors()).extracting(v -> v.location()).containsExactly("body.task"));
        }
    }
}
