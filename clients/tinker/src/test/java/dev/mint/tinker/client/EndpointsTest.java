package dev.mint.tinker.client;

import static dev.mint.tinker.client.Fixtures.CHECKPOINT;
import static dev.mint.tinker.client.Fixtures.RUN;
import static dev.mint.tinker.client.Fixtures.SAMPLER_CHECKPOINT;
import static dev.mint.tinker.client.Fixtures.TRAINING_RUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.tinker.client.ScriptedServer.Request;
import dev.mint.tinker.client.model.AccessScope;
import dev.mint.tinker.client.model.AuditEventType;
import dev.mint.tinker.client.model.AuditLogResponse;
import dev.mint.tinker.client.model.BillingUsageResponse;
import dev.mint.tinker.client.model.Checkpoint;
import dev.mint.tinker.client.model.CheckpointType;
import dev.mint.tinker.client.model.CheckpointsListResponse;
import dev.mint.tinker.client.model.GetSamplerResponse;
import dev.mint.tinker.client.model.GetSessionResponse;
import dev.mint.tinker.client.model.ListSessionsResponse;
import dev.mint.tinker.client.model.TrainingRun;
import dev.mint.tinker.client.model.TrainingRunsResponse;
import dev.mint.tinker.client.model.WeightsInfoResponse;
import dev.mint.tinker.client.model.WhoamiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every RestClient method: the request it sends (method, path, query, body, headers) and how it reads the answer.
 * Each call is made in both shapes, blocking and async, which must send the same request and read the same value.
 */
class EndpointsTest {
    private static final String API = "/api/tinker/api/v1";
    private static final String CKPT = API + "/training_runs/" + RUN + "/checkpoints/weights/0001";
    private static final String PATH = "tinker://" + RUN + "/weights/0001";

    private final ScriptedServer server = new ScriptedServer();
    private final ServiceClient service = Fixtures.builder(server.url()).build();
    private final RestClient rest = service.createRestClient();

    @AfterEach
    void stop() {
        service.close();
        server.close();
    }

    /** Answers both calls with {@code status}/{@code json}; returns the value after checking both shapes agree. */
    private <T> T both(int status, String json, Function<RestClient, ApiFuture<T>> sync,
                       Function<RestClient, CompletableFuture<T>> async) throws Exception {
        server.thenJson(status, json).thenJson(status, json);
        T blocking = sync.apply(rest).result();
        T fromAsync = async.apply(rest).get(5, TimeUnit.SECONDS);
        assertThat(fromAsync).isEqualTo(blocking);
        List<Request> received = server.received();
        Request first = received.get(received.size() - 2);
        Request second = received.get(received.size() - 1);
        assertThat(second.method()).isEqualTo(first.method());
        assertThat(second.uri()).isEqualTo(first.uri());
        assertThat(second.bodyText()).isEqualTo(first.bodyText());
        assertThat(second.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        return blocking;
    }

    private Request last() {
        List<Request> received = server.received();
        return received.get(received.size() - 1);
    }

    private void assertMutation(String method, String uri, String body) {
        Request request = last();
        assertThat(request.method()).isEqualTo(method);
        assertThat(request.uri()).isEqualTo(uri);
        assertThat(request.bodyText()).isEqualTo(body);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("X-Idempotency-Key")).startsWith("mint-java-retry-");
        assertThat(request.header("X-API-Key")).isEqualTo(Fixtures.KEY);
    }

    @Test
    void getTrainingRun() throws Exception {
        TrainingRun run = both(200, TRAINING_RUN, r -> r.getTrainingRun(RUN), r -> r.getTrainingRunAsync(RUN));
        Request request = last();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.uri()).isEqualTo(API + "/training_runs/" + RUN + "?access_scope=owned");
        assertThat(request.header("X-Idempotency-Key")).isNull();
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(run.trainingRunId()).isEqualTo(RUN);
        assertThat(run.baseModel()).isEqualTo("Qwen/Qwen3-8B");
        assertThat(run.modelOwner()).isEqualTo("user:alice");
        assertThat(run.isLora()).isTrue();
        assertThat(run.corrupted()).isFalse();
        assertThat(run.loraRank()).contains(32);
        assertThat(run.lastRequestTime()).isEqualTo(Instant.parse("2026-08-01T12:00:00Z"));
        assertThat(run.lastCheckpoint()).map(Checkpoint::checkpointId).contains("weights/0001");
        assertThat(run.lastSamplerCheckpoint()).isEmpty();
        assertThat(run.userMetadata()).containsExactly(Map.entry("experiment", "sft-1"));
    }

    @Test
    void getTrainingRunAccessible() throws Exception {
        both(200, TRAINING_RUN, r -> r.getTrainingRun(RUN, AccessScope.ACCESSIBLE),
                r -> r.getTrainingRunAsync(RUN, AccessScope.ACCESSIBLE));
        assertThat(last().uri()).endsWith("?access_scope=accessible");
    }

    @Test
    void getTrainingRunByTinkerPathSendsTheRunOfThePath() throws Exception {
        both(200, TRAINING_RUN, r -> r.getTrainingRunByTinkerPath(PATH), r -> r.getTrainingRunByTinkerPathAsync(PATH));
        assertThat(last().uri()).isEqualTo(API + "/training_runs/" + RUN + "?access_scope=owned");
        both(200, TRAINING_RUN, r -> r.getTrainingRunByTinkerPath(PATH, AccessScope.ACCESSIBLE),
                r -> r.getTrainingRunByTinkerPathAsync(PATH, AccessScope.ACCESSIBLE));
        assertThat(last().uri()).endsWith("?access_scope=accessible");
    }

    @Test
    void getWeightsInfoPostsThePathAsItIs() throws Exception {
        WeightsInfoResponse info = both(200, "{\"base_model\": \"Qwen/Qwen3-8B\", \"is_lora\": true, \"lora_rank\": 32, "
                        + "\"train_unembed\": false, \"has_optimizer_state\": true}",
                r -> r.getWeightsInfoByTinkerPath(PATH), r -> r.getWeightsInfoByTinkerPathAsync(PATH));
        assertMutation("POST", API + "/weights_info", "{\"tinker_path\":\"" + PATH + "\"}");
        assertThat(info.baseModel()).isEqualTo("Qwen/Qwen3-8B");
        assertThat(info.isLora()).isTrue();
        assertThat(info.loraRank()).contains(32);
        assertThat(info.trainsUnembed()).isFalse();
        assertThat(info.trainsMlp()).isTrue();
        assertThat(info.trainAttn()).isEmpty();
    }

    @Test
    void listTrainingRunsWithPagingScopeAndProject() throws Exception {
        String page = "{\"training_runs\": [" + TRAINING_RUN + "], \"cursor\": {\"offset\": 10, \"limit\": 5, \"total_count\": 11}}";
        TrainingRunsResponse runs = both(200, page, r -> r.listTrainingRuns(5, 10, AccessScope.OWNED, "proj"),
                r -> r.listTrainingRunsAsync(5, 10, AccessScope.OWNED, "proj"));
        assertThat(last().uri()).isEqualTo(API + "/training_runs?limit=5&offset=10&access_scope=owned&project_id=proj");
        assertThat(runs.trainingRuns()).extracting(TrainingRun::trainingRunId).containsExactly(RUN);
        assertThat(runs.cursor().totalCount()).isEqualTo(11);
        assertThat(runs.cursor().hasMore()).isFalse();

        both(200, page, r -> r.listTrainingRuns(), r -> r.listTrainingRunsAsync(20, 0, AccessScope.OWNED));
        assertThat(last().uri()).isEqualTo(API + "/training_runs?limit=20&offset=0&access_scope=owned");
        both(200, page, r -> r.listTrainingRuns(7, 0, AccessScope.ACCESSIBLE),
                r -> r.listTrainingRunsAsync(7, 0, AccessScope.ACCESSIBLE));
        assertThat(last().uri()).isEqualTo(API + "/training_runs?limit=7&offset=0&access_scope=accessible");
    }

    @Test
    void listCheckpointsOfOneRunHasNoCursor() throws Exception {
        CheckpointsListResponse list = both(200, "{\"checkpoints\": [" + CHECKPOINT + ", " + SAMPLER_CHECKPOINT + "]}",
                r -> r.listCheckpoints(RUN), r -> r.listCheckpointsAsync(RUN));
        assertThat(last().uri()).isEqualTo(API + "/training_runs/" + RUN + "/checkpoints");
        assertThat(list.cursor()).isEmpty();
        Checkpoint training = list.checkpoints().get(0);
        Checkpoint sampler = list.checkpoints().get(1);
        assertThat(training.checkpointType()).isEqualTo(CheckpointType.TRAINING);
        assertThat(training.sizeBytes()).contains(123456789L);
        assertThat(training.isPublic()).isFalse();
        assertThat(training.expiresAt()).isEmpty();
        assertThat(training.runId()).contains(RUN);
        assertThat(sampler.checkpointType()).isEqualTo(CheckpointType.SAMPLER);
        assertThat(sampler.isPublic()).isTrue();
        assertThat(sampler.expiresAt()).contains(Instant.parse("2026-08-08T12:30:00Z"));
        assertThat(TinkerPath.parse(sampler.tinkerPath()).checkpointId()).isEqualTo(sampler.checkpointId());
    }

    @Test
    void listUserCheckpointsIsPaged() throws Exception {
        String body = "{\"checkpoints\": [" + CHECKPOINT.replace("{", "{\"training_run_id\": \"other:train:1\", ")
                + "], \"cursor\": {\"offset\": 0, \"limit\": 50, \"total_count\": 1}}";
        CheckpointsListResponse list = both(200, body, r -> r.listUserCheckpoints(50, 0),
                r -> r.listUserCheckpointsAsync(50, 0));
        assertThat(last().uri()).isEqualTo(API + "/checkpoints?limit=50&offset=0");
        assertThat(list.cursor()).hasValueSatisfying(c -> assertThat(c.totalCount()).isEqualTo(1));
        assertThat(list.checkpoints().get(0).runId()).contains("other:train:1");
        both(200, body, r -> r.listUserCheckpoints(), r -> r.listUserCheckpointsAsync(100, 0));
        assertThat(last().uri()).isEqualTo(API + "/checkpoints?limit=100&offset=0");
    }

    @Test
    void deleteCheckpointUsesTwoSegmentsAndIgnoresTheBody() throws Exception {
        Void nothing = both(204, "", r -> r.deleteCheckpoint(RUN, "weights/0001"),
                r -> r.deleteCheckpointAsync(RUN, "weights/0001"));
        assertThat((Object) nothing).isNull();
        assertMutation("DELETE", CKPT, "");
        both(200, "{\"whatever\": 1}", r -> r.deleteCheckpointFromTinkerPath(PATH),
                r -> r.deleteCheckpointFromTinkerPathAsync(PATH));
        assertMutation("DELETE", CKPT, "");
    }

    @Test
    void publishAndUnpublish() throws Exception {
        both(200, "{}", r -> r.publishCheckpointFromTinkerPath(PATH), r -> r.publishCheckpointFromTinkerPathAsync(PATH));
        assertMutation("POST", CKPT + "/publish", "");
        both(204, "", r -> r.unpublishCheckpointFromTinkerPath(PATH), r -> r.unpublishCheckpointFromTinkerPathAsync(PATH));
        assertMutation("DELETE", CKPT + "/publish", "");
    }

    @Test
    void setAndRemoveTtl() throws Exception {
        both(200, "{}", r -> r.setCheckpointTtlFromTinkerPath(PATH, 86400),
                r -> r.setCheckpointTtlFromTinkerPathAsync(PATH, 86400));
        assertMutation("PUT", CKPT + "/ttl", "{\"ttl_seconds\":86400}");
        both(200, "{}", r -> r.removeCheckpointTtlFromTinkerPath(PATH), r -> r.removeCheckpointTtlFromTinkerPathAsync(PATH));
        assertMutation("PUT", CKPT + "/ttl", "{\"ttl_seconds\":null}");
        assertThatThrownBy(() -> rest.setCheckpointTtlFromTinkerPath(PATH, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ttlSeconds must be > 0");
    }

    @Test
    void samplerCheckpointPathsUseTheirKind() throws Exception {
        String path = "tinker://" + RUN + "/sampler_weights/final";
        both(200, "{}", r -> r.publishCheckpointFromTinkerPath(path), r -> r.publishCheckpointFromTinkerPathAsync(path));
        assertThat(last().uri()).isEqualTo(API + "/training_runs/" + RUN + "/checkpoints/sampler_weights/final/publish");
    }

    @Test
    void getAuditLog() throws Exception {
        String body = "{\"entries\": [{\"timestamp\": \"2026-08-01T12:00:00Z\", \"event\": \"checkpoint.published\", "
                + "\"model_id\": \"" + RUN + "\", \"tinker_path\": \"" + PATH + "\", \"purpose\": null}]}";
        AuditLogResponse log = both(200, body, r -> r.getAuditLog(), r -> r.getAuditLogAsync(AuditEventType.ALL));
        assertThat(last().uri()).isEqualTo(API + "/audit?event_type=all");
        assertThat(log.entries()).hasSize(1);
        assertThat(log.entries().get(0).event()).isEqualTo("checkpoint.published");
        assertThat(log.entries().get(0).modelId()).contains(RUN);
        assertThat(log.entries().get(0).purpose()).isEmpty();

        LocalDate day = LocalDate.of(2025, 1, 15);
        both(200, body, r -> r.getAuditLog(AuditEventType.CHECKPOINTS, day),
                r -> r.getAuditLogAsync(AuditEventType.CHECKPOINTS, day));
        assertThat(last().uri()).isEqualTo(API + "/audit?event_type=checkpoints&day=2025-01-15");
        both(200, body, r -> r.getAuditLog(AuditEventType.CHECKPOINTS), r -> r.getAuditLogAsync(AuditEventType.CHECKPOINTS));
    }

    @Test
    void getAuditLogFollowsARedirectToTheJsonWithoutTheKey() throws Exception {
        String signed = server.otherOriginUrl() + "/signed/audit.json?sig=abc";
        server.then(302, Map.of("Location", signed), new byte[0])
                .thenJson(200, "{\"entries\": []}");
        assertThat(rest.getAuditLog().result().entries()).isEmpty();
        Request fetched = last();
        assertThat(fetched.uri()).isEqualTo("/signed/audit.json?sig=abc");
        assertThat(fetched.header("X-API-Key")).isNull();
    }

    @Test
    void getSessionAndListSessions() throws Exception {
        GetSessionResponse session = both(200, "{\"training_run_ids\": [\"s:train:0\"], \"sampler_ids\": [\"s:sample:0\"]}",
                r -> r.getSession("s"), r -> r.getSessionAsync("s"));
        assertThat(last().uri()).isEqualTo(API + "/sessions/s?access_scope=owned");
        assertThat(session.trainingRunIds()).containsExactly("s:train:0");
        assertThat(session.samplerIds()).containsExactly("s:sample:0");
        both(200, "{\"training_run_ids\": [], \"sampler_ids\": []}", r -> r.getSession("s", AccessScope.ACCESSIBLE),
                r -> r.getSessionAsync("s", AccessScope.ACCESSIBLE));
        assertThat(last().uri()).endsWith("?access_scope=accessible");

        ListSessionsResponse sessions = both(200, "{\"sessions\": [\"a\", \"b\"]}", r -> r.listSessions(),
                r -> r.listSessionsAsync(20, 0, AccessScope.OWNED));
        assertThat(last().uri()).isEqualTo(API + "/sessions?limit=20&offset=0&access_scope=owned");
        assertThat(sessions.sessions()).containsExactly("a", "b");
        both(200, "{\"sessions\": []}", r -> r.listSessions(50, 50), r -> r.listSessionsAsync(50, 50, AccessScope.OWNED));
        assertThat(last().uri()).isEqualTo(API + "/sessions?limit=50&offset=50&access_scope=owned");
    }

    @Test
    void assignSessionProject() throws Exception {
        both(200, "{}", r -> r.assignSessionProject("s-1", "p1"), r -> r.assignSessionProjectAsync("s-1", "p1"));
        assertMutation("PUT", API + "/sessions/s-1/project", "{\"project_id\":\"p1\"}");
    }

    @Test
    void getSamplerKeepsColonsAndEncodesTheRest() throws Exception {
        GetSamplerResponse sampler = both(200, "{\"sampler_id\": \"session-id:sample:0\", \"base_model\": \"Qwen/Qwen3-8B\", "
                        + "\"model_path\": \"tinker://r/sampler_weights/final\"}",
                r -> r.getSampler("session-id:sample:0"), r -> r.getSamplerAsync("session-id:sample:0"));
        assertThat(last().uri()).isEqualTo(API + "/samplers/session-id:sample:0");
        assertThat(sampler.modelPath()).contains("tinker://r/sampler_weights/final");
        both(200, "{\"sampler_id\": \"x\", \"base_model\": \"m\"}", r -> r.getSampler("a b/c?d#e%"),
                r -> r.getSamplerAsync("a b/c?d#e%"));
        assertThat(last().uri()).isEqualTo(API + "/samplers/a%20b%2Fc%3Fd%23e%25");
    }

    @Test
    void exportSessionTracePollsUntilReady() throws Exception {
        server.thenJson(200, "{\"status\": \"pending\"}").thenJson(200, "{\"status\": \"pending\", \"url\": null}")
                .thenJson(200, "{\"status\": \"ready\", \"url\": \"https://storage/trace.json\"}");
        assertThat(rest.exportSessionTrace("s-1").result()).isEqualTo("https://storage/trace.json");
        assertThat(server.received()).extracting(Request::uri).containsOnly(API + "/sessions/s-1/trace_export").hasSize(3);

        server.thenJson(200, "{\"status\": \"failed\", \"error\": \"disk full\"}");
        assertThatThrownBy(() -> rest.exportSessionTraceAsync("s-1").join()).hasCauseInstanceOf(TinkerException.class)
                .hasMessageContaining("disk full");
    }

    @Test
    void getBillingUsage() throws Exception {
        String body = """
                {"data": [{"bucket_start": "2026-08-01T00:00:00Z", "bucket_end": "2026-08-01T01:00:00Z",
                           "base_model": "Qwen/Qwen3-8B", "session_id": "s1",
                           "event_info": {"type": "sampling_prefill", "cached": true, "token_count": 1200}},
                          {"bucket_start": "2026-08-01T00:00:00Z", "bucket_end": "2026-08-01T01:00:00Z",
                           "event_info": {"type": "storage", "gigabyte_hours": 1.5}}],
                 "sessions": {"s1": {"user_metadata": {"team": "a"}}, "s2": {"user_metadata": null}}}""";
        Instant from = Instant.parse("2026-08-01T00:00:00Z");
        Instant to = Instant.parse("2026-08-02T00:00:00Z");
        BillingUsageResponse usage = both(200, body, r -> r.getBillingUsage(from, to), r -> r.getBillingUsageAsync(from, to));
        assertThat(last().uri()).isEqualTo(API + "/billing/usage/events?starting_on=2026-08-01T00%3A00%3A00Z"
                + "&ending_before=2026-08-02T00%3A00%3A00Z");
        assertThat(usage.data().get(0).eventInfo().tokenCount()).contains(1200L);
        assertThat(usage.data().get(0).eventInfo().cached()).contains(true);
        assertThat(usage.data().get(1).eventInfo().gigabyteHours()).contains(1.5);
        assertThat(usage.sessions().get("s1").userMetadata()).containsEntry("team", "a");
        assertThat(usage.sessions().get("s2").userMetadata()).isEmpty();
        assertThatThrownBy(() -> rest.getBillingUsage(to, from)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whoamiReadsAPassportJwtWithoutARequest() throws Exception {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"iss\": \"passport-prod\", \"sub\": \"user:alice\", \"email\": \"alice@example.org\"}"
                        .getBytes(StandardCharsets.UTF_8));
        String jwt = "eyJhbGciOiJub25lIn0." + payload + ".sig";
        try (ServiceClient jwtClient = Fixtures.builder(server.url()).apiKey(jwt).build()) {
            WhoamiResponse me = jwtClient.createRestClient().whoami().result();
            assertThat(me).isEqualTo(new WhoamiResponse("user:alice", Optional.of("alice@example.org")));
            assertThat(jwtClient.createRestClient().whoamiAsync().get()).isEqualTo(me);
        }
        assertThatThrownBy(() -> rest.whoami().result()).isInstanceOf(TinkerException.class).hasMessageContaining("JWT");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void malformedPathsFailOnTheCallersThreadBeforeAnyRequest() {
        String bad = "tinker://run-only";
        List<Runnable> calls = List.of(
                () -> rest.getTrainingRunByTinkerPath(bad), () -> rest.getTrainingRunByTinkerPathAsync(bad),
                () -> rest.getCheckpointArchiveUrlFromTinkerPath(bad), () -> rest.getCheckpointArchiveUrlFromTinkerPathAsync(bad),
                () -> rest.deleteCheckpointFromTinkerPath(bad), () -> rest.deleteCheckpointFromTinkerPathAsync(bad),
                () -> rest.publishCheckpointFromTinkerPath(bad), () -> rest.publishCheckpointFromTinkerPathAsync(bad),
                () -> rest.unpublishCheckpointFromTinkerPath(bad), () -> rest.unpublishCheckpointFromTinkerPathAsync(bad),
                () -> rest.setCheckpointTtlFromTinkerPath(bad, 5), () -> rest.removeCheckpointTtlFromTinkerPathAsync(bad),
                () -> rest.downloadCheckpointArchive(bad, java.nio.file.Path.of("x")),
                () -> rest.uploadCheckpointArchive(bad, java.nio.file.Path.of("x")),
                () -> rest.deleteCheckpoint(RUN, "0001"), () -> rest.getCheckpointArchiveUrlAsync(RUN, "weights"));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(InvalidTinkerPathException.class)
                    .hasMessageStartingWith("Invalid tinker path: ");
        }
        assertThatThrownBy(() -> rest.listTrainingRuns(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rest.listSessions(10, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rest.getTrainingRun("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void listAllTrainingRunsWalksThePages() {
        String run = TRAINING_RUN;
        server.thenJson(200, "{\"training_runs\": [" + run + ", " + run + "], \"cursor\": {\"offset\": 0, \"limit\": 2, \"total_count\": 5}}")
                .thenJson(200, "{\"training_runs\": [" + run + ", " + run + "], \"cursor\": {\"offset\": 2, \"limit\": 2, \"total_count\": 5}}")
                .thenJson(200, "{\"training_runs\": [" + run + "], \"cursor\": {\"offset\": 4, \"limit\": 2, \"total_count\": 5}}");
        assertThat(rest.listAllTrainingRuns(2, AccessScope.ACCESSIBLE).stream().count()).isEqualTo(5);
        assertThat(server.received()).extracting(Request::uri).containsExactly(
                API + "/training_runs?limit=2&offset=0&access_scope=accessible",
                API + "/training_runs?limit=2&offset=2&access_scope=accessible",
                API + "/training_runs?limit=2&offset=4&access_scope=accessible");
    }

    @Test
    void listAllUserCheckpointsAndSessionsStopAtTheEnd() {
        server.thenJson(200, "{\"checkpoints\": [" + CHECKPOINT + "], \"cursor\": {\"offset\": 0, \"limit\": 1, \"total_count\": 2}}")
                .thenJson(200, "{\"checkpoints\": [" + SAMPLER_CHECKPOINT + "], \"cursor\": {\"offset\": 1, \"limit\": 1, \"total_count\": 2}}");
        assertThat(rest.listAllUserCheckpoints(1)).extracting(Checkpoint::checkpointId)
                .containsExactly("weights/0001", "sampler_weights/final");

        server.thenJson(200, "{\"sessions\": [\"a\", \"b\"]}").thenJson(200, "{\"sessions\": [\"c\"]}");
        assertThat(rest.listAllSessions(2, AccessScope.OWNED)).containsExactly("a", "b", "c");
        server.thenJson(200, "{\"sessions\": [\"a\", \"b\"]}").thenJson(200, "{\"sessions\": []}");
        assertThat(rest.listAllSessions(2, AccessScope.OWNED)).containsExactly("a", "b");
        assertThat(server.received()).extracting(Request::uri).endsWith(
                API + "/sessions?limit=2&offset=0&access_scope=owned", API + "/sessions?limit=2&offset=2&access_scope=owned");
    }
}
