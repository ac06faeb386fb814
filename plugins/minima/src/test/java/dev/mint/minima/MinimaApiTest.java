package dev.mint.minima;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.sdk.migrations.Dialect;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Minima on a real platform (found on the classpath like any plugin), over HTTP with real accounts. */
class MinimaApiTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static TestHttp http;
    static String alice;
    static String bob;

    @BeforeAll
    static void accounts() {
        http = platform.http();
        platform.createUser("alice", "member");
        alice = http.post("/api/users/me/tokens", platform.login("alice", "alice-password"),
                Map.of("name", "router", "kind", "minima")).json().get("token").asText();
        bob = platform.userToken("bob", "member");
    }

    private static TestHttp.Response post(String path, String key, Object body) {
        return http.post("/api/minima/v1" + path, key, body);
    }

    private static JsonNode recommend(String key, Map<String, ?> body) {
        TestHttp.Response response = post("/recommend", key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode feedback(String key, Map<String, ?> body) {
        TestHttp.Response response = post("/feedback", key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static void assertProblem(TestHttp.Response response, int status, String title) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("title").asText()).isEqualTo(title);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("detail").asText()).isNotBlank();
    }

    private static JsonNode assertValidation(TestHttp.Response response, String... loc) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        for (JsonNode error : response.json().get("detail")) {
            List<String> at = new ArrayList<>();
            error.get("loc").forEach(l -> at.add(l.asText()));
            if (at.equals(List.of(loc))) {
                assertThat(error.get("msg").asText()).isNotBlank();
                return error;
            }
        }
        throw new AssertionError("No problem at " + List.of(loc) + " in " + response.body());
    }

    @Test
    void aColdRecommendationHasEveryFieldOfTheWire() {
        JsonNode r = recommend(alice, Map.of("task", Map.of("task", "Summarize this incident report into 3 bullets.",
                "task_type", "summarization"), "cost_quality_tradeoff", 3));

        assertThat(r.get("recommendation_id").asText()).matches("[0-9a-f]{32}");
        assertThat(r.get("decision_basis").asText()).isEqualTo("prior");
        assertThat(r.get("confidence").asDouble()).isZero();
        assertThat(r.get("classified_task_type").asText()).isEqualTo("summarization");
        assertThat(r.get("warnings").toString()).contains("cold_start");
        JsonNode model = r.get("recommended_model");
        for (String field : List.of("model_id", "provider", "predicted_success", "est_cost_usd", "est_cost_breakdown", "score",
                "rationale", "decision_basis", "evidence", "supports_prompt_caching", "context_window", "est_latency_ms",
                "latency_basis", "est_cost_low", "est_cost_high", "cost_band_basis", "success_interval_width")) {
            assertThat(model.has(field)).as(field).isTrue();
        }
        for (String field : List.of("ranked", "fallback_model", "threshold_used", "classified_difficulty", "catalog_version",
                "catalog_stale", "latency_ms", "classification_profile", "selection_policy", "recommended_actions",
                "stage_latency_ms", "cluster_key_version", "explanation")) {
            assertThat(r.has(field)).as(field).isTrue();
        }
        assertThat(model.get("predicted_success").asDouble()).isGreaterThanOrEqualTo(r.get("threshold_used").asDouble());
        assertThat(r.get("explanation").asText()).contains("cold start");
    }

    @Test
    void explicitNullsAndUnknownFieldsAreAcceptedAndExplainFalseDropsEvidence() {
        Map<String, Object> body = new HashMap<>();
        body.put("task", new HashMap<>(Map.of("task", "Translate 'good morning' into French.")));
        ((Map<String, Object>) body.get("task")).put("task_type", null);
        ((Map<String, Object>) body.get("task")).put("tags", null);
        body.put("constraints", new HashMap<>(Map.of("require_prompt_caching", false)));
        ((Map<String, Object>) body.get("constraints")).put("allowed_providers", null);
        body.put("user_id", null);
        body.put("explain", false);
        body.put("something_new", "ignored");

        JsonNode r = recommend(alice, body);

        assertThat(r.get("classified_task_type").asText()).isEqualTo("translation");
        assertThat(r.get("explanation").isNull()).isTrue();
        assertThat(r.get("recommended_model").get("evidence")).isEmpty();
    }

    @Test
    void keysAreAnyPlatformCredentialAndErrorsAreProblems() {
        Map<String, Object> body = Map.of("task", Map.of("task", "What is the capital of Peru?"));
        assertProblem(post("/recommend", null, body), 401, "Unauthorized");
        assertProblem(http.send("POST", "/api/minima/v1/recommend", null, body, Map.of("Authorization", "Basic abc")), 401,
                "Unauthorized");
        assertProblem(post("/recommend", "mbt_" + "x".repeat(40), body), 401, "Unauthorized");
        assertThat(recommend(bob, body).get("recommendation_id").asText()).hasSize(32);
        assertThat(http.get("/api/minima/v1/models", null).status()).isEqualTo(200);
        assertThat(http.get("/api/minima/v1/health", null).json().get("account").get("scope").asText()).isEqualTo("unauthenticated");
        assertThat(http.get("/api/minima/v1/health", alice).json().get("account").has("org_id")).isTrue();

        assertProblem(post("/recommend", alice, Map.of("task", Map.of("task", "hi"),
                "constraints", Map.of("candidate_models", List.of("no-such-model")))), 422, "No candidate models");
        assertProblem(post("/recommend", alice, Map.of("task", Map.of("task", "hi"),
                "constraints", Map.of("max_cost_per_call", 0.0))), 422, "No candidate models");
    }

    @Test
    void invalidBodiesGetTheValidationListWithLocations() {
        assertValidation(post("/recommend", alice, Map.of("task", Map.of("task", ""))), "body", "task", "task");
        assertValidation(post("/recommend", alice, Map.of("task", Map.of("task", "   "))), "body", "task", "task");
        JsonNode slider = assertValidation(post("/recommend", alice, Map.of("task", Map.of("task", "x"),
                "cost_quality_tradeoff", 11)), "body", "cost_quality_tradeoff");
        assertThat(slider.get("type").asText()).isEqualTo("less_than_equal");
        JsonNode nul = assertValidation(post("/recommend", alice, Map.of("task", Map.of("task", "a\u0000b"))),
                "body", "task", "task");
        assertThat(nul.get("type").asText()).isEqualTo("string_nul");
        assertValidation(post("/recommend", alice, Map.of("task", Map.of("task", "x", "tags", List.of("ok", "n\u0000")))),
                "body", "task", "tags", "1");
        assertValidation(post("/recommend", alice, Map.of("task", Map.of("task", "x", "task_type", "poetry"))),
                "body", "task", "task_type");
        assertValidation(post("/recommend", alice, Map.of("cost_quality_tradeoff", 3)), "body", "task");
        assertValidation(post("/recommend", alice, "{\"task\": "), "body", "9");
        assertValidation(post("/recommend", alice, Map.of("task", Map.of("task", "x"), "max_candidates", 0)),
                "body", "max_candidates");
        assertValidation(http.get("/api/minima/v1/models?task_type=poetry", null), "query", "task_type");
        assertValidation(http.get("/api/minima/v1/savings?days=0", alice), "query", "days");
        assertValidation(post("/feedback", alice, Map.of("recommendation_id", "x", "chosen_model_id", "gpt-4o-mini",
                "outcome", "meh")), "body", "outcome");
        assertValidation(post("/feedback", alice, Map.of("recommendation_id", "x", "chosen_model_id", "gpt-4o-mini",
                "outcome", "success", "signals", Map.of("Bad-Name", true))), "body", "signals", "Bad-Name");
    }

    @Test
    void feedbackIsIdempotentScopedToItsAccountAndChecksTheModel() {
        JsonNode r = recommend(alice, Map.of("task", Map.of("task", "Extract every date from: we met on 3 May and 9 June.")));
        String id = r.get("recommendation_id").asText();
        String model = r.get("recommended_model").get("model_id").asText();
        Map<String, Object> report = Map.of("recommendation_id", id, "chosen_model_id", model, "outcome", "success",
                "quality_score", 0.9, "input_tokens", 40, "output_tokens", 20, "actual_cost_usd", 0.0001, "latency_ms", 800,
                "evidence_source", "judge", "idempotency_key", "k-" + id);

        JsonNode first = feedback(alice, report);
        assertThat(first.get("accepted").asBoolean()).isTrue();
        assertThat(first.get("record_id").asText()).isNotBlank();
        assertThat(feedback(alice, report)).as("the same key answers the same answer").isEqualTo(first);

        Map<String, Object> again = new HashMap<>(report);
        again.remove("idempotency_key");
        JsonNode duplicate = feedback(alice, again);
        assertThat(duplicate.get("warnings").toString()).contains("duplicate_feedback_ignored");
        assertThat(duplicate.get("record_id").isNull()).isTrue();

        JsonNode foreign = feedback(bob, again);
        assertThat(foreign.get("accepted").asBoolean()).isFalse();
        assertThat(foreign.get("warnings").toString()).contains("unknown_recommendation");
        assertThat(feedback(alice, Map.of("recommendation_id", "0".repeat(32), "chosen_model_id", model, "outcome", "failure"))
                .get("warnings").toString()).contains("unknown_recommendation");
        assertProblem(post("/feedback", alice, Map.of("recommendation_id", id, "chosen_model_id", "no-such-model",
                "outcome", "success")), 422, "Unknown model");

        JsonNode telemetry = feedback(alice, Map.of("recommendation_id", id, "chosen_model_id", "claude-sonnet-4-6",
                "outcome", "failure", "error_cause", "infra", "evidence_source", "none"));
        assertThat(telemetry.get("record_id").isNull()).isTrue();
        assertThat(telemetry.get("warnings").toString()).contains("infra_failure_telemetry_only");
        JsonNode mismatch = feedback(alice, Map.of("recommendation_id", id, "chosen_model_id", "gpt-4o", "outcome", "failure",
                "quality_score", 0.95));
        assertThat(mismatch.get("warnings").toString()).contains("quality_outcome_mismatch");
    }

    @Test
    void everyDecisionAnsweredIsInTheLogBeforeAnythingReadsIt() throws Exception {
        // Decisions are written behind the answers; savings and feedback must still see every one answered before them.
        int threads = 4;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<String>>> batches = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            batches.add(pool.submit(() -> {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    ids.add(recommend(alice, Map.of("task", Map.of("task", "Translate order " + thread + "-" + i + " into German."),
                            "namespace", "burst")).get("recommendation_id").asText());
                }
                return ids;
            }));
        }
        List<String> ids = new ArrayList<>();
        for (var batch : batches) {
            ids.addAll(batch.get());
        }
        pool.shutdown();

        JsonNode savings = http.get("/api/minima/v1/savings?namespace=burst", alice).json();
        assertThat(savings.get("summary").get("estimated").get("n").asInt()).isEqualTo(threads * each);
        JsonNode last = recommend(alice, Map.of("task", Map.of("task", "Translate the last order into German."), "namespace", "burst"));
        JsonNode accepted = feedback(alice, Map.of("recommendation_id", last.get("recommendation_id").asText(),
                "chosen_model_id", last.get("recommended_model").get("model_id").asText(), "outcome", "success"));
        assertThat(accepted.get("accepted").asBoolean()).as(accepted.toString()).isTrue();
        assertThat(ids).doesNotHaveDuplicates().hasSize(threads * each);
    }

    @Test
    void recommendationsAreAnsweredWhileTheLogCannotBeWrittenAndFeedbackWaitsForIt() throws Exception {
        var database = platform.server().database();
        try (Handle lock = database.jdbi().open()) {
            lock.begin(); // another writer holds the decision log's table
            lock.execute(database.dialect() == Dialect.SQLITE
                    ? "DELETE FROM minima__recommendations WHERE id = 'none'"
                    : "LOCK TABLE minima.recommendations IN EXCLUSIVE MODE"); // the plugin's schema on PostgreSQL
            long heldUntil = System.nanoTime() + 1_500_000_000L;
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(1_500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                lock.rollback();
            });
            release.start();

            JsonNode r = recommend(alice, Map.of("task", Map.of("task", "Summarize the held shipment report."), "namespace", "held"));
            assertThat(System.nanoTime()).as("answered while the log was held").isLessThan(heldUntil);
            JsonNode accepted = feedback(alice, Map.of("recommendation_id", r.get("recommendation_id").asText(),
                    "chosen_model_id", r.get("recommended_model").get("model_id").asText(), "outcome", "success"));
            assertThat(System.nanoTime()).as("feedback waited for the log").isGreaterThanOrEqualTo(heldUntil);
            assertThat(accepted.get("accepted").asBoolean()).as(accepted.toString()).isTrue();
            release.join();
        }
    }

    @Test
    void evidenceChangesThePickAndStaysWithinItsAccount() {
        List<String> pair = List.of("gpt-4o-mini", "claude-sonnet-4-6");
        String[] places = {"Lisbon", "Oslo", "Quito", "Hanoi", "Accra", "Perth", "Lima", "Riga", "Tunis", "Cusco"};
        String template = "Classify the sentiment of this review of our hotel in %s as positive, negative or mixed:"
                + " the room was spotless but the breakfast was cold.";
        JsonNode cold = recommend(alice, Map.of("task", Map.of("task", template.formatted("Madrid")),
                "constraints", Map.of("candidate_models", pair), "namespace", "learning"));
        assertThat(cold.get("recommended_model").get("model_id").asText()).isEqualTo("gpt-4o-mini");
        for (String place : places) {
            JsonNode r = recommend(alice, Map.of("task", Map.of("task", template.formatted(place)),
                    "constraints", Map.of("candidate_models", pair), "namespace", "learning"));
            String id = r.get("recommendation_id").asText();
            feedback(alice, Map.of("recommendation_id", id, "chosen_model_id", "gpt-4o-mini", "outcome", "failure",
                    "quality_score", 0.1, "evidence_source", "judge"));
            feedback(alice, Map.of("recommendation_id", id, "chosen_model_id", "claude-sonnet-4-6", "outcome", "success",
                    "quality_score", 0.95, "evidence_source", "judge", "output_tokens", 180, "latency_ms", 1500));
        }

        JsonNode warm = recommend(alice, Map.of("task", Map.of("task", template.formatted("Madrid")),
                "constraints", Map.of("candidate_models", pair), "namespace", "learning"));
        assertThat(warm.get("recommended_model").get("model_id").asText()).isEqualTo("claude-sonnet-4-6");
        assertThat(warm.get("decision_basis").asText()).isEqualTo("memory");
        assertThat(warm.get("recommended_model").get("evidence")).isNotEmpty();
        assertThat(warm.get("recommended_model").get("est_cost_breakdown").has("rescaled")).isTrue();
        assertThat(warm.get("recommended_model").get("est_latency_ms").asDouble()).isEqualTo(1500.0);

        JsonNode otherNamespace = recommend(alice, Map.of("task", Map.of("task", template.formatted("Madrid")),
                "constraints", Map.of("candidate_models", pair), "namespace", "elsewhere"));
        JsonNode otherAccount = recommend(bob, Map.of("task", Map.of("task", template.formatted("Madrid")),
                "constraints", Map.of("candidate_models", pair), "namespace", "learning"));
        assertThat(otherNamespace.get("decision_basis").asText()).isEqualTo("prior");
        assertThat(otherAccount.get("decision_basis").asText()).isEqualTo("prior");
        assertThat(otherAccount.get("recommended_model").get("model_id").asText()).isEqualTo("gpt-4o-mini");

        JsonNode strategies = http.get("/api/minima/v1/strategies?namespace=learning", alice).json();
        assertThat(strategies.get("lane").asText()).isEqualTo("minima:learning");
        assertThat(strategies.get("strategies").get(0).get("winning_model").asText()).isEqualTo("claude-sonnet-4-6");
        JsonNode savings = http.get("/api/minima/v1/savings?namespace=learning&group_by=task_type", alice).json();
        assertThat(savings.get("summary").get("estimated").get("n").asInt()).isEqualTo(12);
        assertThat(savings.get("health").get("feedback_coverage").asDouble()).isGreaterThan(0.8);
        assertThat(savings.get("groups")).isNotEmpty();
        // The upstream client types every health block as {str: float | int}: no nulls, no nested objects.
        JsonNode empty = http.get("/api/minima/v1/savings?namespace=never-used", alice).json();
        for (JsonNode health : List.of(savings.get("health"), savings.get("groups").get(0).get("health"), empty.get("health"))) {
            health.fields().forEachRemaining(field -> assertThat(field.getValue().isNumber()).as(field.getKey()).isTrue());
        }
        assertThat(empty.get("health").has("success_rate")).as("undefined without feedback").isFalse();
        assertThat(savings.get("health").get("success_rate").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void workflowsRecommendEachStepAndTotalAgainstPremium() {
        TestHttp.Response response = post("/recommend/workflow", alice, Map.of("steps", List.of(
                Map.of("step_id", "extract", "task", Map.of("task", "Extract the invoice number from: Invoice #4471, due May 2.",
                        "task_type", "extraction")),
                Map.of("step_id", "reason", "task", Map.of("task", "Decide whether to escalate the unpaid invoice.",
                        "task_type", "reasoning", "difficulty", "hard"), "constraints", Map.of("min_quality", 0.9))),
                "cost_quality_tradeoff", 4));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode wf = response.json();
        assertThat(wf.get("workflow_recommendation_id").asText()).hasSize(32);
        assertThat(wf.get("steps")).extracting(s -> s.get("step_id").asText()).containsExactly("extract", "reason");
        assertThat(wf.get("steps").get(1).get("recommendation").get("threshold_used").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(wf.get("total_est_cost_usd").asDouble()).isLessThanOrEqualTo(wf.get("total_est_cost_if_all_premium").asDouble());
        String stepId = wf.get("steps").get(0).get("recommendation").get("recommendation_id").asText();
        assertThat(feedback(alice, Map.of("recommendation_id", stepId, "chosen_model_id", "gpt-4o-mini", "outcome", "success"))
                .get("accepted").asBoolean()).isTrue();
        assertValidation(post("/recommend/workflow", alice, Map.of("steps", List.of())), "body", "steps");
        assertValidation(post("/recommend/workflow", alice, Map.of("steps", List.of(Map.of("task", Map.of("task", "x"))))),
                "body", "steps", "0", "step_id");
    }

    @Test
    void adminsExtendTheCatalogAndABrokenPriceChangesNothing() {
        String admin = platform.adminToken();
        Map<String, Object> card = Map.of("model_id", "acme-small", "provider", "acme", "input_cost_per_mtok", 0.05,
                "output_cost_per_mtok", 0.1, "context_window", 32000, "capability_by_task_type", Map.of("qa", 0.7));

        assertProblem(http.put("/api/minima/v1/catalog", bob, Map.of("mode", "extend", "models", List.of(card))), 403, "Forbidden");
        TestHttp.Response broken = http.put("/api/minima/v1/catalog", admin, Map.of("mode", "extend", "models",
                List.of(card, Map.of("model_id", "acme-broken", "provider", "acme", "input_cost_per_mtok", -1,
                        "output_cost_per_mtok", 1))));
        assertProblem(broken, 422, "Invalid catalog");
        assertThat(broken.json().get("detail").asText()).contains("acme-broken").contains("input_cost_per_mtok");
        assertThat(http.get("/api/minima/v1/models", null).body()).doesNotContain("acme-small");

        TestHttp.Response extended = http.put("/api/minima/v1/catalog", admin, Map.of("mode", "extend", "models", List.of(card)));
        assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
        JsonNode models = http.get("/api/minima/v1/models?provider=ACME", null).json();
        assertThat(models.get("models")).extracting(m -> m.get("model_id").asText()).containsExactly("acme-small");
        assertThat(models.get("catalog_version").asText()).startsWith("custom-");
        JsonNode cheap = http.get("/api/minima/v1/models?max_cost=0.5", null).json().get("models");
        assertThat(cheap).extracting(m -> m.get("model_id").asText()).contains("acme-small").doesNotContain("claude-sonnet-4-6");
        assertThat(recommend(alice, Map.of("task", Map.of("task", "Who wrote Hamlet?"),
                "constraints", Map.of("candidate_models", List.of("acme-small")))).get("recommended_model").get("model_id")
                .asText()).isEqualTo("acme-small");
    }
}
