package dev.mint.minima.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mint.client.core.StubServer;
import dev.mint.minima.client.model.FeedbackRequest;
import dev.mint.minima.client.model.FeedbackResponse;
import dev.mint.minima.client.model.Outcome;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Error bodies of both shapes, the status subclasses, and which calls are retried. */
class ErrorsTest {
    private final StubServer server = new StubServer();
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final MinimaClient client = Fixtures.client(server).sleeper(waits::add).build();

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private MinimaException recommendFails() {
        return catchThrowableOfType(MinimaException.class, () -> client.recommend("x"));
    }

    @Test
    void noCandidateModelsProblemCarriesTitleDetailAndType() {
        Fixtures.problem(server, 422, "No candidate models", "no models match the supplied constraints");
        MinimaException e = recommendFails();
        assertThat(e.getClass()).isEqualTo(MinimaException.class);
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.title()).contains("No candidate models");
        assertThat(e.detail()).isEqualTo("no models match the supplied constraints");
        assertThat(e.type()).contains("about:blank");
        assertThat(e.validationErrors()).isEmpty();
        assertThat(e.body()).contains("\"title\": \"No candidate models\"");
        assertThat(e).hasMessage("HTTP 422: no models match the supplied constraints");
    }

    @Test
    void fastApiValidationListBecomesDetailTextAndStructuredEntries() {
        server.enqueue(422, """
                {"detail": [{"type": "string_too_short", "loc": ["body","task","task"], "msg": "String should have at least 1 character", "input": "", "ctx": {"min_length": 1}},
                            {"type": "less_than_equal", "loc": ["body","cost_quality_tradeoff"], "msg": "Input should be less than or equal to 10", "input": 11, "ctx": {"le": 10.0}},
                            {"type": "missing", "loc": ["body","steps",0,"step_id"], "msg": "Field required"}]}
                """);
        MinimaException e = recommendFails();
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.title()).isEmpty();
        assertThat(e.detail()).isEqualTo("body.task.task: String should have at least 1 character; "
                + "body.cost_quality_tradeoff: Input should be less than or equal to 10; body.steps.0.step_id: Field required");
        assertThat(e.validationErrors()).extracting(ValidationError::type)
                .containsExactly("string_too_short", "less_than_equal", "missing");
        assertThat(e.validationErrors().get(0).loc()).containsExactly("body", "task", "task");
        assertThat(e.validationErrors().get(2).location()).isEqualTo("body.steps.0.step_id");
        assertThat(e.validationErrors().get(1).msg()).isEqualTo("Input should be less than or equal to 10");
    }

    @Test
    void titleIsTheDetailWhenThereIsNoDetail() {
        server.enqueue(400, Map.of("Content-Type", Fixtures.PROBLEM_JSON), "{\"title\": \"Invalid request\", \"status\": 400}");
        MinimaException e = recommendFails();
        assertThat(e.detail()).isEqualTo("Invalid request");
        assertThat(e.title()).contains("Invalid request");
    }

    @Test
    void nonJsonBodyIsTheDetailAsItIs() {
        server.enqueue(500, Map.of("Content-Type", "text/plain"), "upstream exploded\n");
        MinimaException e = recommendFails();
        assertThat(e.getClass()).isEqualTo(MinimaException.class);
        assertThat(e.detail()).isEqualTo("upstream exploded");
        assertThat(e.body()).isEqualTo("upstream exploded\n");
    }

    @Test
    void unauthorizedIsAnAuthenticationError() {
        Fixtures.problem(server, 401, "Unauthorized",
                "Authorization bearer token is not a valid Mubit API key (expected 'mbt_...' format)");
        MinimaException e = recommendFails();
        assertThat(e).isInstanceOf(MinimaAuthenticationException.class);
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.detail()).startsWith("Authorization bearer token is not a valid Mubit API key");
    }

    @Test
    void tooManyRequestsCarriesRetryAfterAndIsNeverRetried() {
        server.enqueue(429, Map.of("Content-Type", Fixtures.PROBLEM_JSON, "Retry-After", "7"),
                "{\"title\": \"Too Many Requests\", \"status\": 429, \"detail\": \"slow down\"}");
        server.enqueue(429, Map.of("Retry-After", "1.5"), "");
        MinimaException recommend = recommendFails();
        assertThat(recommend).isInstanceOfSatisfying(MinimaRateLimitedException.class,
                limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7)));
        assertThat(recommend.detail()).isEqualTo("slow down");

        MinimaException feedback = catchThrowableOfType(MinimaException.class,
                () -> client.feedback("rec-1", "gpt-4o-mini", Outcome.SUCCESS));
        assertThat(feedback).isInstanceOfSatisfying(MinimaRateLimitedException.class,
                limited -> assertThat(limited.retryAfter()).contains(Duration.ofMillis(1500)));
        assertThat(server.received()).hasSize(2);
        assertThat(waits).isEmpty();
    }

    @Test
    void feedbackIsRetriedOnGatewayErrorsThenSucceeds() {
        server.enqueue(503, Map.of("Content-Type", Fixtures.PROBLEM_JSON), "{\"title\": \"Service Unavailable\"}")
                .enqueue(502, "")
                .enqueue(200, Fixtures.feedbackAccepted());
        FeedbackResponse answer = client.feedback(FeedbackRequest.builder("rec-1", "gpt-4o-mini", Outcome.SUCCESS)
                .qualityScore(0.9).build());
        assertThat(answer.accepted()).isTrue();
        assertThat(server.received()).hasSize(3).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/api/minima/v1/feedback");
            assertThat(Fixtures.body(r).get("recommendation_id").asText()).isEqualTo("rec-1");
        });
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void feedbackGivesUpAfterThreeAttempts() {
        server.enqueue(504, "{}").enqueue(503, "{}").enqueue(502, "{\"detail\": \"still down\"}").enqueue(200, Fixtures.feedbackAccepted());
        assertThatThrownBy(() -> client.feedback("rec-1", "m", Outcome.FAILURE))
                .isInstanceOfSatisfying(MinimaUnavailableException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.isTimeout()).isFalse();
                }).hasMessage("HTTP 502: still down");
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void feedbackIsNotRetriedOnOtherServerErrors() {
        server.enqueue(500, "{\"detail\": \"boom\"}").enqueue(200, Fixtures.feedbackAccepted());
        assertThatThrownBy(() -> client.feedback("rec-1", "m", Outcome.SUCCESS)).isExactlyInstanceOf(MinimaException.class);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void recommendIsNeverRetried() {
        server.enqueue(503, Map.of("Content-Type", Fixtures.PROBLEM_JSON),
                "{\"title\": \"Service Unavailable\", \"status\": 503, \"detail\": \"memory warming up\"}")
                .enqueue(200, Fixtures.resource("recommend-response.json"));
        MinimaException e = recommendFails();
        assertThat(e).isInstanceOf(MinimaUnavailableException.class);
        assertThat(e.detail()).isEqualTo("memory warming up");
        assertThat(server.received()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void refusedConnectionIsUnavailableWithStatusZero() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/api/minima";
        try (MinimaClient offline = MinimaClient.builder().environment(Map.of()).baseUrl(url).sleeper(waits::add).build()) {
            assertThatThrownBy(offline::models).isInstanceOfSatisfying(MinimaUnavailableException.class, e -> {
                assertThat(e.status()).isZero();
                assertThat(e.isTimeout()).isFalse();
                assertThat(e.body()).isEmpty();
            }).hasMessage("Cannot reach " + url + "/v1/models: connection refused");
            assertThat(waits).isEmpty();

            assertThatThrownBy(() -> offline.feedback("rec-1", "m", Outcome.SUCCESS))
                    .isInstanceOf(MinimaUnavailableException.class);
            assertThat(waits).as("feedback retried after the refused connection").hasSize(2);
        }
    }

    @Test
    void timeoutIsUnavailableMarkedAsTimeout() {
        server.enqueueSlow(3_000);
        try (MinimaClient impatient = Fixtures.client(server).timeout(Duration.ofMillis(300)).build()) {
            assertThatThrownBy(impatient::health).isInstanceOfSatisfying(MinimaUnavailableException.class,
                    e -> assertThat(e.isTimeout()).isTrue()).hasMessageStartingWith("Timed out calling " + server.baseUrl());
        }
    }
}
