package dev.mint.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries against a real loopback server; waits are recorded by a sleeper instead of slept. */
class RetryTest {
    private final StubServer server = new StubServer();
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpExecutor transport(RetryPolicy policy) {
        return Transport.builder().baseUrl(server.baseUrl()).userAgent("test-agent/1").retryPolicy(policy)
                .sleeper(waits::add).build();
    }

    private static ApiRequest post() {
        return ApiRequest.builder("POST", "/things").body("{}".getBytes(StandardCharsets.UTF_8), "application/json").build();
    }

    @Test
    void getIsRetriedOn503ThenSucceeds() throws Exception {
        server.enqueue(503, "{}").enqueue(502, "{}").enqueue(200, "{\"ok\": true}");
        ApiResponse response = transport(RetryPolicy.defaults()).execute(ApiRequest.get("/things"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(server.received()).hasSize(3);
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void retriesStopAtMaxAndReturnTheLastResponse() throws Exception {
        server.enqueue(500, "{}").enqueue(500, "{}").enqueue(500, "{\"last\": 1}").enqueue(200, "{}");
        ApiResponse response = transport(RetryPolicy.defaults()).execute(ApiRequest.get("/things"));
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyText()).contains("last");
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void retryAfterSecondsReplacesTheBackoff() throws Exception {
        server.enqueue(429, Map.of("Retry-After", "3"), "{}").enqueue(200, "{}");
        transport(RetryPolicy.defaults()).execute(ApiRequest.get("/things"));
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterHttpDateIsHonoured() throws Exception {
        String inFiveSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(5));
        server.enqueue(503, Map.of("Retry-After", inFiveSeconds), "{}").enqueue(200, "{}");
        transport(RetryPolicy.defaults()).execute(ApiRequest.get("/things"));
        assertThat(waits).hasSize(1);
        assertThat(waits.get(0)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5));
    }

    @Test
    void retryAfterBeyondTheCapEndsRetrying() throws Exception {
        server.enqueue(429, Map.of("Retry-After", "3600"), "{}").enqueue(200, "{}");
        ApiResponse response = transport(RetryPolicy.defaults()).execute(ApiRequest.get("/things"));
        assertThat(response.status()).isEqualTo(429);
        assertThat(waits).isEmpty();
    }

    @Test
    void postIsNotRetriedOnServerErrorsButIsOn429() throws Exception {
        server.enqueue(500, "{}");
        assertThat(transport(RetryPolicy.defaults()).execute(post()).status()).isEqualTo(500);
        assertThat(server.received()).hasSize(1);

        server.enqueue(429, "{}").enqueue(201, "{}");
        assertThat(transport(RetryPolicy.defaults()).execute(post()).status()).isEqualTo(201);
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void postMarkedIdempotentIsRetriedOnServerErrors() throws Exception {
        server.enqueue(503, "{}").enqueue(200, "{}");
        ApiRequest request = post().toBuilder().idempotent(true).build();
        assertThat(transport(RetryPolicy.defaults()).execute(request).status()).isEqualTo(200);
    }

    @Test
    void aNarrowedStatusSetRetriesOnlyThoseStatuses() throws Exception {
        RetryPolicy gatewayOnly = RetryPolicy.defaults().withRetriedStatuses(java.util.Set.of(502, 503, 504));
        ApiRequest request = post().toBuilder().idempotent(true).build();
        server.enqueue(429, "{}").enqueue(500, "{}").enqueue(503, "{}").enqueue(200, "{}");
        assertThat(transport(gatewayOnly).execute(request).status()).isEqualTo(429);
        assertThat(transport(gatewayOnly).execute(post()).status()).isEqualTo(500);
        assertThat(transport(gatewayOnly).execute(request).status()).isEqualTo(200);
        assertThat(server.received()).hasSize(4);
        assertThat(waits).hasSize(1);
    }

    @Test
    void aRuleCanRetryAStatusOutsideTheSetAndStopOneInside() throws Exception {
        RetryRule rule = response -> response.status() == 400 && !response.hasBody() ? RetryRule.Decision.RETRY
                : response.header("x-should-retry").filter("false"::equals).isPresent() ? RetryRule.Decision.FINAL
                : RetryRule.Decision.BY_STATUS;
        RetryPolicy policy = RetryPolicy.defaults().withRule(rule);
        server.enqueue(400, Map.of(), "").enqueue(200, "{}");
        assertThat(transport(policy).execute(post()).status()).isEqualTo(200);
        server.enqueue(503, Map.of("x-should-retry", "false"), "{}");
        assertThat(transport(policy).execute(ApiRequest.get("/x")).status()).isEqualTo(503);
        server.enqueue(400, "{\"detail\": \"bad\"}");
        assertThat(transport(policy).execute(ApiRequest.get("/x")).status()).isEqualTo(400);
        assertThat(server.received()).hasSize(4);
        assertThat(waits).hasSize(1);
    }

    @Test
    void clientErrorsAreNeverRetried() throws Exception {
        server.enqueue(404, "{}").enqueue(200, "{}");
        assertThat(transport(RetryPolicy.defaults()).execute(ApiRequest.get("/x")).status()).isEqualTo(404);
        assertThat(waits).isEmpty();
    }

    @Test
    void deadlineBoundsTheWaits() throws Exception {
        server.enqueue(503, Map.of("Retry-After", "5"), "{}").enqueue(200, "{}");
        RetryPolicy policy = RetryPolicy.defaults().withDeadline(Duration.ofSeconds(2));
        assertThat(transport(policy).execute(ApiRequest.get("/x")).status()).isEqualTo(503);
        assertThat(waits).isEmpty();
    }

    @Test
    void refusedConnectionIsRetriedThenRaised() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpExecutor transport = Transport.builder().baseUrl("http://127.0.0.1:" + closedPort).userAgent("t")
                .sleeper(waits::add).build();
        assertThatThrownBy(() -> transport.execute(post())).isInstanceOf(ConnectException.class);
        assertThat(waits).hasSize(2);
    }

    @Test
    void asyncRetriesTheSameWay() throws Exception {
        server.enqueue(503, Map.of("Retry-After", "0"), "{}").enqueue(200, "{\"ok\": 1}");
        ApiResponse response = transport(RetryPolicy.defaults()).executeAsync(ApiRequest.get("/things")).get();
        assertThat(response.status()).isEqualTo(200);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void asyncConnectionFailureFailsTheFuture() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpExecutor transport = Transport.builder().baseUrl("http://127.0.0.1:" + closedPort).userAgent("t")
                .retryPolicy(RetryPolicy.defaults().withDelays(Duration.ofMillis(1), Duration.ofMillis(2))).build();
        assertThatThrownBy(() -> transport.executeAsync(ApiRequest.get("/x")).get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void sendsUserAgentAcceptAndQueryEncoding() throws Exception {
        server.enqueue(200, "{}");
        transport(RetryPolicy.none()).execute(ApiRequest.builder("GET", "/search")
                .query("q", "a b&c").query("skipped", null).query("n", 5).build());
        StubServer.Received received = server.received().get(0);
        assertThat(received.path()).isEqualTo("/search?q=a%20b%26c&n=5");
        assertThat(received.header("User-Agent")).isEqualTo("test-agent/1");
        assertThat(received.header("Accept")).isEqualTo("application/json");
    }

    @Test
    void perRequestTimeoutRaisesHttpTimeout() {
        server.enqueueSlow(2_000);
        HttpExecutor transport = transport(RetryPolicy.none());
        assertThatThrownBy(() -> transport.execute(ApiRequest.builder("GET", "/slow").timeout(Duration.ofMillis(200)).build()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    @Test
    void userAgentNamesClientAndVersion() {
        assertThat(UserAgent.of("MintClient")).startsWith("mint-java/" + UserAgent.CLIENT_VERSION + " (MintClient; Java ");
        assertThat(UserAgent.CLIENT_VERSION).isNotEqualTo("dev");
    }
}
