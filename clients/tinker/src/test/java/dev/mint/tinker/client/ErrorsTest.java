package dev.mint.tinker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Status to exception, with status, detail and request id; transport failures; bodies that do not fit. */
class ErrorsTest {
    private final ScriptedServer server = new ScriptedServer();
    private final ServiceClient service = Fixtures.builder(server.url()).maxRetries(0).build();
    private final RestClient rest = service.createRestClient();

    @AfterEach
    void stop() {
        service.close();
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
            "400, BadRequestException", "401, AuthenticationException", "403, PermissionDeniedException",
            "404, NotFoundException", "409, ConflictException", "422, UnprocessableEntityException",
            "429, RateLimitException", "500, InternalServerException", "503, InternalServerException",
            "402, ApiStatusException", "405, ApiStatusException", "410, ApiStatusException"})
    void eachStatusHasItsException(int status, String type) {
        server.then(status, Map.of("Content-Type", "application/json", "X-Request-Id", "req-42"),
                "{\"detail\": \"Training run not found\"}".getBytes());
        assertThatThrownBy(() -> rest.getTrainingRun("r").result())
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(type))
                .isInstanceOfSatisfying(ApiStatusException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.detail()).contains("Training run not found");
                    assertThat(e.requestId()).contains("req-42");
                    assertThat(e.body()).isEqualTo("{\"detail\": \"Training run not found\"}");
                    assertThat(e.method()).isEqualTo("GET");
                    assertThat(e.uri()).endsWith("/api/tinker/api/v1/training_runs/r?access_scope=owned");
                    assertThat(e.getMessage()).isEqualTo("HTTP " + status + ": Training run not found (request id req-42)");
                });
    }

    @Test
    void theAsyncFutureFailsWithTheSameException() {
        server.thenJson(404, "{\"detail\": \"Training run not found\"}");
        assertThatThrownBy(() -> rest.getTrainingRunAsync("r").join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(NotFoundException.class);
    }

    @Test
    void validationDetailsAndOtherShapes() {
        server.thenJson(422, "{\"detail\": [{\"loc\": [\"body\", \"project_id\"], \"msg\": \"Field required\", \"type\": \"missing\"}]}")
                .then(502, Map.of("Content-Type", "text/html"), "<html>Bad gateway</html>".getBytes())
                .thenJson(409, "{\"error\": \"ALREADY_PUBLIC\", \"message\": \"Checkpoint is already public\"}");
        assertThatThrownBy(() -> rest.assignSessionProject("s", "p").result())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                    assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d).contains("project_id").startsWith("["));
                    assertThat(e.requestId()).isEmpty();
                });
        assertThatThrownBy(() -> rest.getSampler("s").result())
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.detail()).isEmpty();
                    assertThat(e.body()).contains("Bad gateway");
                    assertThat(e.getMessage()).startsWith("HTTP 502");
                });
        assertThatThrownBy(() -> rest.publishCheckpointFromTinkerPath("tinker://r/weights/a").result())
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.detail()).isEmpty();
                    assertThat(e.getMessage()).isEqualTo("HTTP 409: Checkpoint is already public");
                });
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        server.then(429, Map.of("Retry-After", "7", "Content-Type", "application/json"), "{\"detail\": \"slow down\"}".getBytes());
        assertThatThrownBy(() -> rest.listSessions().result()).isInstanceOfSatisfying(RateLimitException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
    }

    @Test
    void anEmptyBadRequestIsAConnectionError() {
        server.then(400, Map.of(), new byte[0]);
        assertThatThrownBy(() -> rest.listSessions().result()).isExactlyInstanceOf(ApiConnectionException.class)
                .hasMessageContaining("empty body");
    }

    @Test
    void aRefusedConnectionIsAConnectionError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ServiceClient client = Fixtures.builder("http://127.0.0.1:" + closedPort).maxRetries(0).build()) {
            assertThatThrownBy(() -> client.createRestClient().listSessions().result())
                    .isExactlyInstanceOf(ApiConnectionException.class)
                    .hasMessageStartingWith("Connection error: GET http://127.0.0.1:" + closedPort + "/api/tinker/api/v1/sessions")
                    .hasCauseInstanceOf(java.net.ConnectException.class);
        }
    }

    @Test
    void aSlowServerIsATimeout() {
        server.then(exchange -> {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ScriptedServer.send(exchange, 200, Map.of(), "{}".getBytes());
        });
        try (ServiceClient client = Fixtures.builder(server.url()).maxRetries(0).timeout(Duration.ofMillis(200)).build()) {
            assertThatThrownBy(() -> client.createRestClient().listSessions().result())
                    .isInstanceOf(ApiTimeoutException.class).isInstanceOf(ApiConnectionException.class)
                    .hasMessageStartingWith("Request timed out");
        }
    }

    @Test
    void aSuccessThatDoesNotFitIsAValidationError() {
        server.thenJson(200, "{\"training_runs\": []}")
                .thenJson(200, "not json")
                .thenJson(200, "{\"checkpoint_id\": \"weights/x\", \"checkpoint_type\": \"nightly\", \"time\": \"2026-08-01T12:00:00Z\", \"tinker_path\": \"t\"}")
                .then(200, Map.of(), new byte[0]);
        assertThatThrownBy(() -> rest.listTrainingRuns().result()).isInstanceOfSatisfying(ApiResponseValidationException.class,
                e -> {
                    assertThat(e.getMessage()).contains("TrainingRunsResponse").contains("cursor is required");
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.body()).isEqualTo("{\"training_runs\": []}");
                });
        assertThatThrownBy(() -> rest.listSessions().result()).isInstanceOf(ApiResponseValidationException.class);
        assertThatThrownBy(() -> rest.uploadCheckpointArchive("tinker://r/weights/x", java.nio.file.Path.of("pom.xml")).result())
                .isInstanceOf(ApiResponseValidationException.class).hasMessageContaining("nightly");
        assertThatThrownBy(() -> rest.getSampler("s").result()).isInstanceOf(ApiResponseValidationException.class)
                .hasMessageContaining("end-of-input");
    }
}
