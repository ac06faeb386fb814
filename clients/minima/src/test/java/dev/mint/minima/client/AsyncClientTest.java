package dev.mint.minima.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.client.core.StubServer;
import dev.mint.minima.client.model.FeedbackResponse;
import dev.mint.minima.client.model.ModelsResponse;
import dev.mint.minima.client.model.Outcome;
import dev.mint.minima.client.model.RecommendResponse;
import dev.mint.minima.client.model.TaskType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The async client: the same requests, answers as futures, the same exceptions inside them. */
class AsyncClientTest {
    private final StubServer server = new StubServer();
    private final AsyncMinimaClient client = Fixtures.asyncClient(server).build();

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void recommendReturnsAFutureOfTheSameRequest() throws Exception {
        server.enqueue(200, Fixtures.resource("recommend-response.json"));
        CompletableFuture<RecommendResponse> future = client.recommend("Plan it", RecommendOptions.builder().phase("plan").build());
        RecommendResponse rec = future.get(5, TimeUnit.SECONDS);
        assertThat(rec.modelId()).isEqualTo("gemini-2.5-pro");
        StubServer.Received received = server.received().get(0);
        assertThat(received.path()).isEqualTo("/api/minima/v1/recommend");
        assertThat(received.header("User-Agent")).contains("AsyncMinimaClient");
        assertThat(Fixtures.body(received)).isEqualTo(Fixtures.json("{\"task\": {\"task\": \"Plan it\", \"tags\": [\"phase:plan\"]}}"));
    }

    @Test
    void modelsQueryIsTheSame() throws Exception {
        server.enqueue(200, Fixtures.resource("models-response.json"));
        ModelsResponse models = client.models(ModelsQuery.builder().taskType(TaskType.CODE).includeStale(false).build())
                .get(5, TimeUnit.SECONDS);
        assertThat(models.models()).hasSize(3);
        assertThat(server.received().get(0).path()).isEqualTo("/api/minima/v1/models?task_type=code&include_stale=false");
    }

    @Test
    void errorResponsesFailTheFutureWithTheSameExceptions() {
        Fixtures.problem(server, 422, "No candidate models", "no model within max_cost_per_call budget");
        assertThatThrownBy(() -> client.recommend("x").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isExactlyInstanceOf(MinimaException.class)
                .hasMessage("HTTP 422: no model within max_cost_per_call budget");

        Fixtures.problem(server, 401, "Unauthorized", "configure MUBIT_API_KEY");
        CompletableFuture<Map<String, Object>> health = client.health();
        assertThatThrownBy(health::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(MinimaAuthenticationException.class);
        assertThat(health).isCompletedExceptionally();

        server.enqueue(429, Map.of("Retry-After", "3"), "{\"detail\": \"slow down\"}");
        assertThatThrownBy(() -> client.feedback("r", "m", Outcome.SUCCESS).join())
                .cause().isInstanceOfSatisfying(MinimaRateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(java.time.Duration.ofSeconds(3)));
    }

    @Test
    void unreachableServerFailsTheFutureAsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (AsyncMinimaClient offline = AsyncMinimaClient.builder().environment(Map.of())
                .baseUrl("http://127.0.0.1:" + closedPort).build()) {
            assertThatThrownBy(() -> offline.recommend("x").get(5, TimeUnit.SECONDS))
                    .cause().isInstanceOfSatisfying(MinimaUnavailableException.class, e -> assertThat(e.status()).isZero())
                    .hasMessageStartingWith("Cannot reach http://127.0.0.1:" + closedPort + "/v1/recommend");
        }
    }

    @Test
    void feedbackIsRetriedAsyncToo() throws Exception {
        server.enqueue(503, "{}").enqueue(200, Fixtures.feedbackAccepted());
        FeedbackResponse answer = client.feedback("rec-1", "m", Outcome.SUCCESS).get(10, TimeUnit.SECONDS);
        assertThat(answer.accepted()).isTrue();
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void recommendIsNotRetriedAsync() {
        server.enqueue(502, "<html>bad gateway</html>").enqueue(200, Fixtures.resource("recommend-response.json"));
        assertThatThrownBy(() -> client.recommend("x").get(5, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(MinimaUnavailableException.class,
                        e -> assertThat(e.detail()).isEqualTo("<html>bad gateway</html>"));
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void asyncSurfaceMirrorsTheSyncOne() {
        Set<String> sync = surface(MinimaClient.class, false);
        Set<String> async = surface(AsyncMinimaClient.class, true);
        assertThat(sync).hasSizeGreaterThan(15);
        assertThat(async).isEqualTo(sync);
    }

    /** Public instance methods as name(params) -> return type; async return types must be futures of it. */
    private static Set<String> surface(Class<?> type, boolean unwrapFutures) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !Set.of("close", "baseUrl").contains(m.getName()))
                .map(m -> m.getName() + Arrays.toString(m.getGenericParameterTypes()) + " -> " + result(m, unwrapFutures))
                .collect(Collectors.toSet());
    }

    private static String result(Method method, boolean unwrapFuture) {
        if (!unwrapFuture) {
            return method.getGenericReturnType().getTypeName();
        }
        ParameterizedType future = (ParameterizedType) method.getGenericReturnType();
        assertThat(future.getRawType()).isEqualTo(CompletableFuture.class);
        return future.getActualTypeArguments()[0].getTypeName();
    }
}
