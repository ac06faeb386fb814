package dev.mint.minima.client;

import static dev.mint.minima.client.Fixtures.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mint.client.core.StubServer;
import dev.mint.minima.client.model.Constraints;
import dev.mint.minima.client.model.Difficulty;
import dev.mint.minima.client.model.ErrorCause;
import dev.mint.minima.client.model.EscalationReason;
import dev.mint.minima.client.model.EvidenceSource;
import dev.mint.minima.client.model.FeedbackRequest;
import dev.mint.minima.client.model.FeedbackResponse;
import dev.mint.minima.client.model.ModelCard;
import dev.mint.minima.client.model.ModelsResponse;
import dev.mint.minima.client.model.Outcome;
import dev.mint.minima.client.model.SavingsGroupBy;
import dev.mint.minima.client.model.SavingsResponse;
import dev.mint.minima.client.model.StepOutcome;
import dev.mint.minima.client.model.StrategiesResponse;
import dev.mint.minima.client.model.TaskInput;
import dev.mint.minima.client.model.TaskType;
import dev.mint.minima.client.model.WorkflowRequest;
import dev.mint.minima.client.model.WorkflowResponse;
import dev.mint.minima.client.model.WorkflowStep;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Feedback, workflow, models, strategies, savings and health: paths, bodies, query strings, answers. */
class EndpointsTest {
    private final StubServer server = new StubServer();
    private final MinimaClient client = Fixtures.client(server).build();

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private StubServer.Received only() {
        assertThat(server.received()).hasSize(1);
        return server.received().get(0);
    }

    @Test
    void feedbackSendsEverySetFieldAndNothingElse() {
        server.enqueue(200, Fixtures.feedbackAccepted());
        FeedbackResponse answer = client.feedback(FeedbackRequest.builder("70fec69c", "claude-haiku-4-5", Outcome.PARTIAL)
                .qualityScore(0.55).inputTokens(180).outputTokens(640).actualCostUsd(0.0034).latencyMs(2100)
                .iterations(3).evidenceSource(EvidenceSource.GATE).errorCause(ErrorCause.QUALITY)
                .chosenEffort("high").parentRecId("prev-rec").escalationReason(EscalationReason.GATE_FAILED)
                .providerModelSnapshot("claude-haiku-4-5-20251001").labelPropensity(0.5)
                .signal("retried", true).signal("user_corrected", false).notes("n").idempotencyKey("idem-1")
                .stepOutcome(StepOutcome.builder("s1", Outcome.SUCCESS).stepName("plan").signal(0.5).rationale("ok")
                        .directiveHint("keep").build())
                .stepOutcome(StepOutcome.of("s2", Outcome.FAILURE))
                .build());
        StubServer.Received received = only();
        assertThat(received.path()).isEqualTo("/api/minima/v1/feedback");
        assertThat(body(received)).isEqualTo(Fixtures.json("""
                {"recommendation_id": "70fec69c", "chosen_model_id": "claude-haiku-4-5", "outcome": "partial",
                 "quality_score": 0.55, "input_tokens": 180, "output_tokens": 640, "actual_cost_usd": 0.0034,
                 "latency_ms": 2100, "iterations": 3, "evidence_source": "gate", "error_cause": "quality",
                 "chosen_effort": "high", "parent_rec_id": "prev-rec", "escalation_reason": "gate_failed",
                 "provider_model_snapshot": "claude-haiku-4-5-20251001", "label_propensity": 0.5,
                 "signals": {"retried": true, "user_corrected": false}, "notes": "n", "idempotency_key": "idem-1",
                 "step_outcomes": [{"step_id": "s1", "step_name": "plan", "outcome": "success", "signal": 0.5,
                                    "rationale": "ok", "directive_hint": "keep"},
                                   {"step_id": "s2", "outcome": "failure"}]}
                """));
        assertThat(answer.accepted()).isTrue();
        assertThat(answer.recordId()).contains("rec-1");
        assertThat(answer.reinforcedEntryIds()).containsExactly("h0");
        assertThat(answer.updatedConfidence()).contains(0.71);
    }

    @Test
    void shortFeedbackSendsTheThreeRequiredFieldsAndReadsARejection() {
        server.enqueue(200, "{\"accepted\": false, \"record_id\": null, \"reinforced_entry_ids\": [], \"updated_confidence\": null,"
                + " \"reflection_triggered\": false, \"lesson_promoted\": false, \"step_outcomes_recorded\": 0,"
                + " \"warnings\": [\"unknown_recommendation\"]}");
        FeedbackResponse answer = client.feedback("nope", "gpt-4o", Outcome.SUCCESS);
        assertThat(body(only())).isEqualTo(Fixtures.json(
                "{\"recommendation_id\": \"nope\", \"chosen_model_id\": \"gpt-4o\", \"outcome\": \"success\"}"));
        assertThat(answer.accepted()).isFalse();
        assertThat(answer.recordId()).isEmpty();
        assertThat(answer.warnings()).containsExactly("unknown_recommendation");
    }

    @Test
    void workflowSendsStepsAndReadsOneRecommendationPerStep() {
        String step = Fixtures.resource("recommend-memory.json");
        server.enqueue(200, "{\"workflow_recommendation_id\": \"095324a4afa042f0ab1ea94aa1851e52\", \"steps\": ["
                + "{\"step_id\": \"extract\", \"recommendation\": " + step + "},"
                + "{\"step_id\": \"reason\", \"recommendation\": " + Fixtures.resource("recommend-response.json") + "}],"
                + " \"total_est_cost_usd\": 0.016125, \"total_est_cost_if_all_premium\": 0.08, \"confidence\": 0.0}");
        WorkflowResponse workflow = client.recommendWorkflow(WorkflowRequest.builder()
                .step(WorkflowStep.of("extract", TaskInput.builder("Extract entities from the ticket").taskType(TaskType.EXTRACTION).build()))
                .step(WorkflowStep.builder("reason", TaskInput.builder("Decide the next action").taskType(TaskType.REASONING)
                                .difficulty(Difficulty.HARD).build())
                        .constraints(Constraints.builder().minQuality(0.9).build()).dependsOn("extract").build())
                .costQualityTradeoff(4).namespace("agents")
                .build());
        StubServer.Received received = only();
        assertThat(received.path()).isEqualTo("/api/minima/v1/recommend/workflow");
        assertThat(body(received)).isEqualTo(Fixtures.json("""
                {"steps": [{"step_id": "extract", "task": {"task": "Extract entities from the ticket", "task_type": "extraction"}},
                           {"step_id": "reason", "task": {"task": "Decide the next action", "task_type": "reasoning", "difficulty": "hard"},
                            "constraints": {"min_quality": 0.9}, "depends_on": ["extract"]}],
                 "cost_quality_tradeoff": 4.0, "namespace": "agents"}
                """));
        assertThat(workflow.workflowRecommendationId()).isEqualTo("095324a4afa042f0ab1ea94aa1851e52");
        assertThat(workflow.steps()).extracting(WorkflowResponse.StepRecommendation::stepId).containsExactly("extract", "reason");
        assertThat(workflow.step("extract").orElseThrow().modelId()).isEqualTo("claude-haiku-4-5");
        assertThat(workflow.step("reason").orElseThrow().modelId()).isEqualTo("gemini-2.5-pro");
        assertThat(workflow.step("missing")).isEmpty();
        assertThat(workflow.totalEstCostUsd()).isEqualTo(0.016125);
        assertThat(workflow.totalEstCostIfAllPremium()).isEqualTo(0.08);
    }

    @Test
    void modelsWithoutFiltersSendsNoQueryAndReadsTheCatalog() {
        server.enqueue(200, Fixtures.resource("models-response.json"));
        ModelsResponse catalog = client.models();
        assertThat(only().path()).isEqualTo("/api/minima/v1/models");
        assertThat(only().method()).isEqualTo("GET");
        assertThat(catalog.catalogVersion()).isEqualTo("fallback-snapshot-2026-07");
        assertThat(catalog.refreshedAt()).isEmpty();
        assertThat(catalog.stale()).isTrue();
        assertThat(catalog.models()).extracting(ModelCard::modelId).containsExactly("gpt-4o-mini", "claude-haiku-4-5", "grok-4.3");
        ModelCard haiku = catalog.find("claude-haiku-4-5").orElseThrow();
        assertThat(haiku.displayName()).isEqualTo("Claude Haiku 4.5");
        assertThat(haiku.inputCostPerMtok()).isEqualTo(1.0);
        assertThat(haiku.cacheReadCostPerMtok()).contains(0.09999999999999999);
        assertThat(haiku.maxOutputTokens()).contains(64_000L);
        assertThat(haiku.capability(TaskType.CLASSIFICATION)).contains(0.9);
        assertThat(haiku.costFetchedAt()).contains(Instant.parse("2026-07-23T08:15:00Z"));
        assertThat(haiku.listCostUsd(180, 640)).isCloseTo(0.00338, org.assertj.core.data.Offset.offset(1e-12));
        ModelCard grok = catalog.find("grok-4.3").orElseThrow();
        assertThat(grok.cacheReadCostPerMtok()).isEmpty();
        assertThat(grok.maxOutputTokens()).isEmpty();
        assertThat(grok.capability(TaskType.RAG)).isEmpty();
    }

    @Test
    void modelsFiltersAreQueryParametersWithLowercaseBooleans() {
        server.enqueue(200, Fixtures.resource("models-response.json"));
        server.enqueue(200, Fixtures.resource("models-response.json"));
        client.models(ModelsQuery.builder().provider("anthropic").taskType(TaskType.TOOL_USE).maxCost(10).includeStale(false).build());
        client.models(ModelsQuery.builder().includeStale(true).build());
        assertThat(server.received()).extracting(StubServer.Received::path).containsExactly(
                "/api/minima/v1/models?provider=anthropic&task_type=tool_use&max_cost=10.0&include_stale=false",
                "/api/minima/v1/models?include_stale=true");
    }

    @Test
    void strategiesRepeatLessonTypes() {
        server.enqueue(200, """
                {"namespace": "playground-p1", "lane": "minima:playground-p1", "count": 1,
                 "strategies": [{"strategy_id": "s-1", "description": "Pattern around 'coding': 424 lessons share this theme.",
                   "supporting_lesson_count": 424, "avg_confidence": -0.0, "avg_reinforcement": -0.0,
                   "dominant_lesson_type": "observation", "dominant_scope": "run", "lesson_ids": ["008abc10", "008abc11"]}],
                 "warnings": []}
                """);
        server.enqueue(200, "{\"namespace\": null, \"lane\": \"minima:default\", \"strategies\": [], \"count\": 0,"
                + " \"warnings\": [\"memory_unavailable\"]}");
        StrategiesResponse found = client.strategies("playground-p1", List.of("observation", "success"), 5);
        StrategiesResponse empty = client.strategies();
        assertThat(server.received()).extracting(StubServer.Received::path).containsExactly(
                "/api/minima/v1/strategies?namespace=playground-p1&lesson_types=observation&lesson_types=success&max_strategies=5",
                "/api/minima/v1/strategies");
        assertThat(found.lane()).isEqualTo("minima:playground-p1");
        assertThat(found.strategies().get(0).supportingLessonCount()).isEqualTo(424);
        assertThat(found.strategies().get(0).lessonIds()).containsExactly("008abc10", "008abc11");
        assertThat(empty.namespace()).isEmpty();
        assertThat(empty.warnings()).containsExactly("memory_unavailable");
    }

    @Test
    void savingsSendsItsParametersAndKeepsTheFiguresLoose() {
        server.enqueue(200, """
                {"org_id": "test", "since": 1782000000, "days": 7, "namespace": "team-payments",
                 "summary": {"estimated": {"n": 12, "cost_recommended_usd": 0.05, "cost_premium_usd": 0.4}},
                 "health": {"feedback_coverage": 0.75}, "group_by": "task_type",
                 "groups": [{"key": "code", "summary": {}, "health": {}}]}
                """);
        SavingsResponse savings = client.savings("team-payments", 7, SavingsGroupBy.TASK_TYPE);
        assertThat(only().path()).isEqualTo("/api/minima/v1/savings?namespace=team-payments&days=7&group_by=task_type");
        assertThat(savings.orgId()).contains("test");
        assertThat(savings.since()).isEqualTo(1_782_000_000L);
        assertThat(savings.summary()).containsKey("estimated");
        assertThat(savings.health()).containsEntry("feedback_coverage", 0.75);
        assertThat(savings.groups()).hasSize(1);
    }

    @Test
    void healthIsFreeForm() {
        server.enqueue(200, """
                {"status": "ok", "mubit": {"reachable": null, "scope": "unauthenticated"}, "auth": "passthrough",
                 "catalog": {"version": "fallback-snapshot-2026-07", "models": 25}, "version": "0.14.3"}
                """);
        Map<String, Object> health = client.health();
        assertThat(only().path()).isEqualTo("/api/minima/v1/health");
        assertThat(health).containsEntry("status", "ok").containsEntry("version", "0.14.3");
        assertThat(health.get("catalog")).isEqualTo(Map.of("version", "fallback-snapshot-2026-07", "models", 25));
    }
}
