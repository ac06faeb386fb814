package dev.mint.tinker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.tinker.client.ScriptedServer.Request;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upstream's retry semantics against a scripted loopback server: what is retried (408, 409, 429, 5xx, connection
 * failures, an empty 400), what is not (other 4xx), Retry-After, and the deadline bounding it all.
 */
class RetryTest {
    private static final String PATH = "tinker://r/weights/w";

    private final ScriptedServer server = new ScriptedServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private ServiceClient client(Duration deadline) {
        return Fixtures.builder(server.url()).retryDeadline(deadline).build();
    }

    @Test
    void rateLimitWithRetryAfterWaitsThenSucceeds() {
        server.then(429, Map.of("Retry-After", "1", "Content-Type", "application/json"), "{\"detail\": \"slow\"}".getBytes())
                .thenJson(200, "{\"sessions\": [\"a\"]}")
                .then(429, Map.of("Retry-After", "1", "Content-Type", "application/json"), "{\"detail\": \"slow\"}".getBytes())
                .thenJson(200, "{\"sessions\": [\"b\"]}");
        try (ServiceClient client = client(Duration.ofSeconds(10))) {
            long started = System.nanoTime();
            assertThat(client.createRestClient().listSessions().result().sessions()).containsExactly("a");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
            started = System.nanoTime();
            assertThat(client.createRestClient().listSessionsAsync(20, 0, dev.mint.tinker.client.model.AccessScope.OWNED)
                    .join().sessions()).containsExactly("b");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
        assertThat(server.received()).hasSize(4);
    }

    @Test
    void serverErrorsConflictsAndTimeoutsAreRetriedWithTheSameIdempotencyKey() {
        server.thenJson(500, "{\"detail\": \"boom\"}").thenJson(502, "{}").thenJson(503, "{}").thenJson(504, "{}")
                .thenJson(599, "{}").thenJson(408, "{}").thenJson(409, "{\"detail\": \"busy\"}").thenJson(200, "{}");
        try (ServiceClient client = client(Duration.ofSeconds(10))) {
            client.createRestClient().publishCheckpointFromTinkerPath(PATH).result();
        }
        assertThat(server.received()).hasSize(8);
        assertThat(server.received()).extracting(r -> r.header("X-Idempotency-Key")).containsOnly(
                server.received().get(0).header("X-Idempotency-Key")).doesNotContainNull();
    }

    @Test
    void anEmptyBadRequestIsRetriedAsAProxyGlitch() {
        server.then(400, Map.of(), new byte[0]).thenJson(200, "{\"sessions\": []}");
        try (ServiceClient client = client(Duration.ofSeconds(10))) {
            client.createRestClient().listSessions().result();
        }
        assertThat(server.received()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 422, 402, 410})
    void otherClientErrorsAreRaisedAtOnce(int status) {
        server.thenJson(status, "{\"detail\": \"no\"}").thenJson(200, "{\"sessions\": []}");
        try (ServiceClient client = client(Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> client.createRestClient().listSessions().result())
                    .isInstanceOfSatisfying(ApiStatusException.class, e -> assertThat(e.status()).isEqualTo(status));
        }
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aServerSayingShouldNotRetryIsBelieved() {
        server.then(409, Map.of("x-should-retry", "false", "Content-Type", "application/json"),
                "{\"detail\": \"Checkpoint is already public\"}".getBytes());
        try (ServiceClient client = client(Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> client.createRestClient().publishCheckpointFromTinkerPath(PATH).result())
                    .isInstanceOf(ConflictException.class).hasMessageContaining("already public");
        }
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aServerSayingShouldRetryIsBelievedToo() {
        server.then(404, Map.of("x-should-retry", "true", "Content-Type", "application/json"), "{\"detail\": \"not yet\"}".getBytes())
                .thenJson(200, "{\"sessions\": []}");
        try (ServiceClient client = client(Duration.ofSeconds(10))) {
            client.createRestClient().listSessions().result();
        }
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void theDeadlineEndsRetriesWithTheLastError() {
        for (int i = 0; i < 500; i++) {
            server.thenJson(503, "{\"detail\": \"still down " + i + "\"}");
        }
        try (ServiceClient client = Fixtures.builder(server.url()).retryDeadline(Duration.ofMillis(600))
                .retryBackoff(Duration.ofMillis(50), Duration.ofMillis(100)).build()) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.createRestClient().listSessions().result())
                    .isInstanceOf(InternalServerException.class).hasMessageContaining("still down");
            Duration blocking = Duration.ofNanos(System.nanoTime() - started);
            int afterBlocking = server.received().size();

            started = System.nanoTime();
            assertThatThrownBy(() -> client.createRestClient().listSessionsAsync(1, 0,
                    dev.mint.tinker.client.model.AccessScope.OWNED).join())
                    .isInstanceOf(CompletionException.class).hasCauseInstanceOf(InternalServerException.class);
            Duration async = Duration.ofNanos(System.nanoTime() - started);

            assertThat(blocking).isBetween(Duration.ofMillis(450), Duration.ofMillis(3000));
            assertThat(async).isBetween(Duration.ofMillis(450), Duration.ofMillis(3000));
            assertThat(afterBlocking).isGreaterThan(3);
            assertThat(server.received().size() - afterBlocking).isGreaterThan(3);
        }
    }

    @Test
    void aRetryAfterBeyondTheDeadlineIsNotWaitedFor() {
        server.then(429, Map.of("Retry-After", "30", "Content-Type", "application/json"), "{\"detail\": \"later\"}".getBytes());
        try (ServiceClient client = client(Duration.ofSeconds(5))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.createRestClient().listSessions().result()).isInstanceOf(RateLimitException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void maxRetriesBoundsTheAttempts() {
        for (int i = 0; i < 10; i++) {
            server.thenJson(500, "{}");
        }
        try (ServiceClient client = Fixtures.builder(server.url()).maxRetries(2).build()) {
            assertThatThrownBy(() -> client.createRestClient().listSessions().result()).isInstanceOf(InternalServerException.class);
        }
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void refusedConnectionsAreRetriedUntilTheDeadline() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ServiceClient client = Fixtures.builder("http://127.0.0.1:" + closedPort).retryDeadline(Duration.ofMillis(500))
                .retryBackoff(Duration.ofMillis(20), Duration.ofMillis(50)).build()) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.createRestClient().deleteCheckpointFromTinkerPath(PATH).result())
                    .isInstanceOf(ApiConnectionException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(400), Duration.ofSeconds(5));
        }
    }

    @Test
    void aBrokenConnectionIsRetried() {
        server.then(exchange -> exchange.close()).thenJson(200, "{\"sessions\": [\"ok\"]}");
        try (ServiceClient client = client(Duration.ofSeconds(10))) {
            assertThat(client.createRestClient().listSessions().result().sessions()).containsExactly("ok");
        }
        assertThat(server.received()).extracting(Request::method).containsExactly("GET", "GET");
    }
}
