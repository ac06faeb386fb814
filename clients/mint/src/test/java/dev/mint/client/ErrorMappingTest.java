package dev.mint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.client.core.StubServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each status family maps to its exception, whichever of the reference's body shapes the server uses
 * (our platform only sends the envelope, so the other shapes come from a stand-in server).
 */
class ErrorMappingTest {
    private final StubServer server = new StubServer();
    private final MintClient client = Clients.isolated().baseUrl(server.baseUrl()).token("t").maxRetries(0).build();

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private MintApiException failure(int status, Map<String, String> headers, String body) {
        server.enqueue(status, headers, body);
        try {
            client.experiments().get(1);
        } catch (MintApiException e) {
            return e;
        }
        throw new AssertionError("no exception for status " + status);
    }

    private MintApiException failure(int status, String body) {
        return failure(status, Map.of("Content-Type", "application/json", "X-Request-Id", "req-" + status), body);
    }

    @Test
    void statusFamiliesMapToSubclasses() {
        assertThat(failure(400, "{\"detail\": \"bad\"}")).isInstanceOf(MintValidationException.class);
        assertThat(failure(422, "{\"detail\": [{\"loc\": [\"body\", \"name\"], \"msg\": \"field required\"}]}"))
                .isInstanceOf(MintValidationException.class).hasMessage("body.name: field required");
        assertThat(failure(403, "{\"error\": \"PERMISSION_DENIED\", \"message\": \"no\"}"))
                .isInstanceOf(MintPermissionException.class);
        assertThat(failure(404, "{\"error\": \"NOT_FOUND\", \"message\": \"Experiment 1 not found\"}"))
                .isInstanceOf(MintNotFoundException.class).hasMessage("Experiment 1 not found");
        assertThat(failure(409, "{\"detail\": {\"code\": \"CONFLICT\", \"message\": \"stale\"}}"))
                .isInstanceOf(MintConflictException.class).hasMessage("stale");
        assertThat(failure(500, "{\"error\": \"INTERNAL_ERROR\", \"message\": \"boom\"}"))
                .isInstanceOf(MintServerException.class);
        assertThat(failure(503, "<html>down</html>")).isInstanceOf(MintServerException.class)
                .hasMessageContaining("HTTP 503");
        MintApiException teapot = failure(418, "{\"detail\": \"short and stout\"}");
        assertThat(teapot.getClass()).isEqualTo(MintApiException.class);
        assertThat(teapot.status()).isEqualTo(418);
    }

    @Test
    void envelopeFieldsAndRequestIdAreCarried() {
        MintApiException e = failure(404, "{\"error\": \"NOT_FOUND\", \"message\": \"Experiment 1 not found\","
                + " \"details\": {\"entity\": \"experiment\", \"entity_id\": \"1\"}}");
        assertThat(e.code()).contains("NOT_FOUND");
        assertThat(e.details()).containsEntry("entity", "experiment").containsEntry("entity_id", "1");
        assertThat(e.requestId()).contains("req-404");
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        MintApiException e = failure(429, Map.of("Retry-After", "7"), "{\"error\": \"RATE_LIMITED\", \"message\": \"slow down\"}");
        assertThat(e).isInstanceOfSatisfying(MintRateLimitException.class,
                limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7)));
    }

    @Test
    void unauthorizedWithoutRefreshableTokenIsAnAuthenticationError() {
        server.enqueue(401, "{\"error\": \"UNAUTHORIZED\", \"message\": \"Token expired\"}");
        server.enqueue(401, "{\"detail\": \"Invalid token\"}");
        assertThatThrownBy(() -> client.experiments().get(1)).isInstanceOf(MintAuthenticationException.class)
                .hasMessage("Token expired");
        assertThat(server.received()).extracting(StubServer.Received::path)
                .containsExactly("/api/experiments/1", "/api/auth/refresh");
    }

    @Test
    void malformedSuccessBodyIsReportedNotSwallowed() {
        server.enqueue(200, "{\"id\": \"not-a-number\"");
        assertThatThrownBy(() -> client.experiments().get(1))
                .isInstanceOfSatisfying(MintApiException.class, e -> assertThat(e.code()).contains("INVALID_RESPONSE"))
                .hasMessageContaining("Unexpected response from GET " + server.baseUrl() + "/api/experiments/1");
    }

    @Test
    void unreachableHostIsAConnectionErrorNamingTheUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        try (MintClient offline = Clients.isolated().baseUrl(url).maxRetries(0).build()) {
            assertThatThrownBy(offline::health).isInstanceOfSatisfying(MintConnectionException.class, e -> {
                assertThat(e.isTimeout()).isFalse();
                assertThat(e.uri().toString()).isEqualTo(url + "/api/health");
                assertThat(e.status()).isZero();
            }).hasMessage("Cannot reach " + url + "/api/health: connection refused");
        }
    }

    @Test
    void timeoutIsAConnectionErrorMarkedAsTimeout() {
        server.enqueueSlow(3_000);
        try (MintClient impatient = Clients.isolated().baseUrl(server.baseUrl()).timeout(Duration.ofMillis(300))
                .maxRetries(0).build()) {
            assertThatThrownBy(impatient::health).isInstanceOfSatisfying(MintConnectionException.class,
                    e -> assertThat(e.isTimeout()).isTrue()).hasMessageStartingWith("Timed out calling " + server.baseUrl());
        }
    }

    @Test
    void requestsCarryUserAgentAndBearerToken() {
        server.enqueue(200, "{\"status\": \"healthy\", \"plugins\": []}");
        client.health();
        StubServer.Received received = server.received().get(0);
        assertThat(received.header("User-Agent")).startsWith("mint-java/").contains("MintClient");
        assertThat(received.header("Authorization")).isEqualTo("Bearer t");
    }
}
