package dev.mint.minima.client;

import static dev.mint.minima.client.Fixtures.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.client.core.StubServer;
import dev.mint.client.core.UserAgent;
import dev.mint.minima.client.model.Constraints;
import dev.mint.minima.client.model.DecisionBasis;
import dev.mint.minima.client.model.Difficulty;
import dev.mint.minima.client.model.RankedModel;
import dev.mint.minima.client.model.RecommendResponse;
import dev.mint.minima.client.model.TaskInput;
import dev.mint.minima.client.model.TaskType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** POST /v1/recommend: what goes on the wire for each way of giving the task, and what comes back. */
class RecommendTest {
    private final StubServer server = new StubServer();
    private final MinimaClient client = Fixtures.client(server).build();

    private static final RecommendOptions OPTIONS = RecommendOptions.builder()
            .costQualityTradeoff(3)
            .constraints(Constraints.builder().minQuality(0.85).maxCostPerCall(0.02).allowedProviders("anthropic", "google").build())
            .userId("svc-a").namespace("team-payments").explain(false).maxCandidates(12)
            .baselineModelId("claude-opus-4-8").incumbentModelId("claude-haiku-4-5").allowLlmEscalation(false)
            .phase("plan")
            .build();

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private JsonNode sent() {
        List<StubServer.Received> received = server.received();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).method()).isEqualTo("POST");
        assertThat(received.get(0).path()).isEqualTo("/api/minima/v1/recommend");
        return body(received.get(0));
    }

    @Test
    void plainStringSendsOnlyTheTask() {
        server.enqueue(200, Fixtures.resource("recommend-response.json"));
        client.recommend("Summarize this incident report into 3 bullets.");
        assertThat(sent()).isEqualTo(Fixtures.json("{\"task\": {\"task\": \"Summarize this incident report into 3 bullets.\"}}"));
    }

    @Test
    void stringWithOptionsSendsEveryOptionAndThePhaseTag() {
        server.enqueue(200, Fixtures.resource("recommend-response.json"));
        client.recommend("Plan the migration", OPTIONS);
        assertThat(sent()).isEqualTo(Fixtures.json("""
                {"task": {"task": "Plan the migration", "tags": ["phase:plan"]},
                 "cost_quality_tradeoff": 3.0,
                 "constraints": {"allowed_providers": ["anthropic", "google"], "max_cost_per_call": 0.02, "min_quality": 0.85},
                 "user_id": "svc-a", "namespace": "team-payments", "incumbent_model_id": "claude-haiku-4-5",
                 "max_candidates": 12, "allow_llm_escalation": false, "explain": false,
                 "baseline_model_id": "claude-opus-4-8"}
                """));
    }

    @Test
    void taskInputKeepsItsFieldsAndTagsAndAddsThePhase() {
        server.enqueue(200, Fixtures.resource("recommend-response.json"));
        TaskInput task = TaskInput.builder("Write a Python function that merges k sorted linked lists.")
                .taskType(TaskType.CODE).difficulty(Difficulty.HARD).taskTypeConfidence(0.9)
                .expectedInputTokens(180).expectedOutputTokens(600).tag("lang:python").build();
        client.recommend(task, RecommendOptions.builder().phase("implement").build());
        assertThat(sent().get("task")).isEqualTo(Fixtures.json("""
                {"task": "Write a Python function that merges k sorted linked lists.", "task_type": "code",
                 "difficulty": "hard", "task_type_confidence": 0.9, "expected_input_tokens": 180,
                 "expected_output_tokens": 600, "tags": ["lang:python", "phase:implement"]}
                """));
    }

    @Test
    void phaseTagIsNotDuplicated() {
        server.enqueue(200, Fixtures.resource("recommend-response.json"));
        client.recommend(TaskInput.builder("x").tag("phase:plan").build(), RecommendOptions.builder().phase("plan").build());
        assertThat(sent().at("/task/tags")).isEqualTo(Fixtures.json("[\"phase:plan\"]"));
    }

    @Test
    void mapTaskIsReadAsATaskInput() {
        server.enqueue(200, Fixtures.resource("recommend-response.json"));
        client.recommend(Map.of("task", "Fix the failing test", "task_type", "code", "tags", List.of("repo:mint")), OPTIONS);
        JsonNode sent = sent();
        assertThat(sent.get("task")).isEqualTo(Fixtures.json(
                "{\"task\": \"Fix the failing test\", \"task_type\": \"code\", \"tags\": [\"repo:mint\", \"phase:plan\"]}"));
        assertThat(sent.get("namespace").asText()).isEqualTo("team-payments");
    }

    @Test
    void invalidMapTaskIsRejectedBeforeSending() {
        assertThatThrownBy(() -> client.recommend(Map.of("task_type", "code")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a task");
        assertThatThrownBy(() -> client.recommend(Map.of("task", "x", "task_type", "poetry")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poetry");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void requestHeadersCarryKeyVersionAndUserAgent() {
        server.enqueue(200, Fixtures.resource("recommend-response.json"));
        client.recommend("x");
        StubServer.Received received = server.received().get(0);
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + Fixtures.KEY);
        assertThat(received.header("x-minima-client")).isEqualTo(UserAgent.CLIENT_VERSION);
        assertThat(received.header("User-Agent")).startsWith("mint-java/").contains("MinimaClient");
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void noKeyMeansNoAuthorizationHeader() {
        server.enqueue(200, Fixtures.resource("recommend-response.json"));
        try (MinimaClient anonymous = MinimaClient.builder().environment(Map.of()).baseUrl(server.baseUrl()).build()) {
            anonymous.recommend("x");
        }
        assertThat(server.received().get(0).header("Authorization")).isNull();
        assertThat(server.received().get(0).path()).isEqualTo("/v1/recommend");
    }

    @Test
    void fullResponseIsParsedWithNullsAndUnknownFields() {
        server.enqueue(200, Fixtures.resource("recommend-response.json"));
        RecommendResponse rec = client.recommend("Summarize this incident report into 3 bullets.");

        assertThat(rec.recommendationId()).isEqualTo("70fec69cbfa34bd783c2c923894cc46c");
        assertThat(rec.modelId()).isEqualTo("gemini-2.5-pro");
        RankedModel pick = rec.recommendedModel();
        assertThat(pick.provider()).isEqualTo("google");
        assertThat(pick.predictedSuccess()).isEqualTo(0.92);
        assertThat(pick.estCostUsd()).isEqualTo(0.004375);
        assertThat(pick.estCostBreakdown()).containsExactly(Map.entry("input", 0.001875), Map.entry("output", 0.0025));
        assertThat(pick.decisionBasis()).contains(DecisionBasis.PRIOR);
        assertThat(pick.evidence()).isEmpty();
        assertThat(pick.contextWindow()).isEqualTo(1_048_576);
        assertThat(pick.estLatencyMs()).isEmpty();
        assertThat(pick.estCostLow()).isEmpty();
        assertThat(pick.latencyBasis()).isEmpty();
        assertThat(pick.successIntervalWidth()).contains(0.6726);

        assertThat(rec.ranked()).extracting(RankedModel::modelId).containsExactly("gemini-2.5-pro", "gemini-3.1-pro-preview");
        assertThat(rec.ranked().get(1).estCostUsd()).isEqualTo(0.006);
        assertThat(rec.ranked().get(0).provider()).isEmpty();
        assertThat(rec.fallbackModel()).map(RankedModel::modelId).contains("gemini-3.1-pro-preview");
        assertThat(rec.confidence()).isZero();
        assertThat(rec.decisionBasis()).isEqualTo(DecisionBasis.PRIOR);
        assertThat(rec.thresholdUsed()).isEqualTo(0.661);
        assertThat(rec.classifiedTaskType()).isEqualTo(TaskType.SUMMARIZATION);
        assertThat(rec.classifiedDifficulty()).isEqualTo(Difficulty.TRIVIAL);
        assertThat(rec.catalogVersion()).isEqualTo("fallback-snapshot-2026-07");
        assertThat(rec.catalogStale()).isTrue();
        assertThat(rec.latencyMs()).isEqualTo(2);
        assertThat(rec.classificationProfile()).containsEntry("task_type_source", "caller");
        assertThat(rec.warnings()).contains("cold_start", "prices_stale").hasSize(5);
        assertThat(rec.selectionPolicy()).contains("argmin");
        assertThat(rec.recommendedActions()).containsExactly("enable_prompt_cache");
        assertThat(rec.stageLatencyMs()).containsEntry("total", 2.471);
        assertThat(rec.clusterKeyVersion()).contains("v1");
    }

    @Test
    void memoryResponseCarriesEvidenceAndEmptyOptionalBlocks() {
        server.enqueue(200, Fixtures.resource("recommend-memory.json"));
        RecommendResponse rec = client.recommend(TaskInput.of("merge k lists"));
        RankedModel pick = rec.recommendedModel();
        assertThat(pick.evidence()).hasSize(2);
        assertThat(pick.evidence().get(0).referenceId()).contains("ref-h0");
        assertThat(pick.evidence().get(0).observedSuccess()).isEqualTo(0.9);
        assertThat(pick.evidence().get(0).isStale()).isFalse();
        assertThat(pick.evidence().get(1).referenceId()).isEmpty();
        assertThat(pick.evidence().get(1).isStale()).isTrue();
        assertThat(pick.estLatencyMs()).contains(2100.0);
        assertThat(pick.costBandBasis()).isEqualTo("rescaled_p25_p75");
        assertThat(rec.fallbackModel()).isEmpty();
        assertThat(rec.classificationProfile()).isEmpty();
        assertThat(rec.classifiedTaskType()).isEqualTo(TaskType.CODE);
    }

    @Test
    void responseWithoutRecommendationIdIsAnInvalidResponse() {
        server.enqueue(200, "{\"recommended_model\": {\"model_id\": \"x\"}}");
        assertThatThrownBy(() -> client.recommend("x")).isExactlyInstanceOf(MinimaException.class)
                .hasMessageContaining("Unexpected response from POST " + server.baseUrl() + "/api/minima/v1/recommend")
                .hasMessageContaining("recommendation_id")
                .satisfies(e -> assertThat(((MinimaException) e).status()).isEqualTo(200));
    }
}
