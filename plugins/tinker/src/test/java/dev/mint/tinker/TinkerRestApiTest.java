package dev.mint.tinker;

import static dev.mint.tinker.TinkerServer.detail;
import static dev.mint.tinker.TinkerServer.ok;
import static dev.mint.tinker.TinkerServer.rest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every RestClient endpoint over HTTP, with the SDK's wire shapes, scopes and ownership rules. */
class TinkerRestApiTest {
    static TinkerServer server;
    static String alice;
    static String bob;
    static String carol;

    @BeforeAll
    static void start() {
        server = new TinkerServer();
        alice = server.newUser("alice");
        bob = server.newUser("bob");
        carol = server.newUser("carol");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(field == null ? n.asText() : n.get(field).asText()));
        return values;
    }

    @Test
    void aTrainingRunHasEveryFieldOfTheWireAndItsLatestCheckpoints() {
        String session = server.session(alice);
        String run = server.run(alice, session, 0);
        String weights = server.save(alice, run, "step-100");
        String sampler = server.saveForSampler(alice, run, "final");

        assertThat(run).isEqualTo(session + ":train:0");
        assertThat(weights).isEqualTo("tinker://" + run + "/weights/step-100");
        assertThat(sampler).isEqualTo("tinker://" + run + "/sampler_weights/final");
        JsonNode r = ok(server.get("/training_runs/" + run + "?access_scope=owned", alice));
        assertThat(r.get("training_run_id").asText()).isEqualTo(run);
        assertThat(r.get("base_model").asText()).isEqualTo("Qwen/Qwen3-8B");
        assertThat(r.get("model_owner").asText()).isEqualTo("alice");
        assertThat(r.get("is_lora").asBoolean()).isTrue();
        assertThat(r.get("corrupted").asBoolean()).isFalse();
        assertThat(r.get("lora_rank").asInt()).isEqualTo(16);
        assertThat(r.get("last_request_time").asText()).endsWith("Z");
        assertThat(r.get("user_metadata").get("experiment").asText()).isEqualTo("sft-0");
        JsonNode last = r.get("last_checkpoint");
        assertThat(last.get("checkpoint_id").asText()).isEqualTo("weights/step-100");
        assertThat(last.get("checkpoint_type").asText()).isEqualTo("training");
        assertThat(last.get("tinker_path").asText()).isEqualTo(weights);
        assertThat(last.get("time").asText()).endsWith("Z");
        assertThat(last.get("public").asBoolean()).isFalse();
        assertThat(last.get("expires_at").isNull()).isTrue();
        assertThat(last.has("size_bytes")).isTrue();
        assertThat(r.get("last_sampler_checkpoint").get("checkpoint_type").asText()).isEqualTo("sampler");
    }

    @Test
    void idsWithRawAndPercentEncodedColonsNameTheSameRun() {
        String session = server.session(alice);
        String run = server.run(alice, session, 3);
        String path = server.save(alice, run, "enc");

        assertThat(ok(server.get("/training_runs/" + run.replace(":", "%3A"), alice)).get("training_run_id").asText())
                .isEqualTo(run);
        assertThat(ok(server.get("/training_runs/" + run.replace(":", "%3a") + "/checkpoints", alice)).get("checkpoints"))
                .hasSize(1);
        assertThat(ok(server.post(rest(path).replace(":", "%3A") + "/publish", alice, "")).isObject()).isTrue();
        assertThat(ok(server.get("/training_runs/" + run, alice)).get("last_checkpoint").get("public").asBoolean()).isTrue();
    }

    @Test
    void listingTrainingRunsPagesWithACursor() {
        String dave = server.newUser("dave");
        String session = server.session(dave);
        for (int i = 0; i < 5; i++) {
            server.run(dave, session, i);
        }

        JsonNode first = ok(server.get("/training_runs?limit=2&offset=0&access_scope=owned", dave));
        JsonNode last = ok(server.get("/training_runs?limit=2&offset=4", dave));

        assertThat(first.get("training_runs")).hasSize(2);
        assertThat(first.get("cursor").get("offset").asInt()).isZero();
        assertThat(first.get("cursor").get("limit").asInt()).isEqualTo(2);
        assertThat(first.get("cursor").get("total_count").asInt()).isEqualTo(5);
        assertThat(texts(first.get("training_runs"), "training_run_id")).containsExactly(session + ":train:4", session + ":train:3");
        assertThat(texts(last.get("training_runs"), "training_run_id")).containsExactly(session + ":train:0");
        assertThat(ok(server.get("/training_runs", dave)).get("cursor").get("limit").asInt()).isEqualTo(20);
    }

    @Test
    void aHugeOrBadLimitIsAClearError() {
        assertThat(detail(server.get("/training_runs?limit=1000000", alice), 400)).contains("limit");
        assertThat(detail(server.get("/training_runs?limit=99999999999999999999", alice), 400)).contains("limit");
        assertThat(detail(server.get("/checkpoints?limit=0", alice), 400)).contains("limit");
        assertThat(detail(server.get("/sessions?offset=-1", alice), 400)).contains("offset");
        assertThat(detail(server.get("/sessions?limit=ten", alice), 400)).contains("limit");
        assertThat(detail(server.get("/training_runs?access_scope=everything", alice), 400)).contains("access_scope");
        assertThat(server.get("/training_runs?limit=1000", alice).status()).isEqualTo(200);
    }

    @Test
    void checkpointsOfARunAndOfAUserListNewestFirst() {
        String erin = server.newUser("erin");
        String session = server.session(erin);
        String run1 = server.run(erin, session, 0);
        String run2 = server.run(erin, session, 1);
        server.save(erin, run1, "a");
        server.saveForSampler(erin, run1, "b");
        server.save(erin, run2, "c");

        JsonNode ofRun = ok(server.get("/training_runs/" + run1 + "/checkpoints", erin));
        JsonNode all = ok(server.get("/checkpoints?limit=2&offset=0", erin));
        JsonNode rest = ok(server.get("/checkpoints?limit=2&offset=2", erin));

        assertThat(texts(ofRun.get("checkpoints"), "checkpoint_id")).containsExactly("sampler_weights/b", "weights/a");
        assertThat(ofRun.get("cursor").isNull()).isTrue();
        assertThat(texts(all.get("checkpoints"), "tinker_path")).containsExactly("tinker://" + run2 + "/weights/c",
                "tinker://" + run1 + "/sampler_weights/b");
        assertThat(all.get("cursor").get("total_count").asInt()).isEqualTo(3);
        assertThat(texts(rest.get("checkpoints"), "checkpoint_id")).containsExactly("weights/a");
        assertThat(ok(server.get("/checkpoints", erin)).get("cursor").get("limit").asInt()).isEqualTo(100);
    }

    @Test
    void textWithANulCharacterIsABadRequestAndNothingIsCreated() {
        String session = server.session(alice);
        TestHttp.Response refused = server.post("/create_model", alice, Map.of("session_id", session, "model_seq_id", 40,
                "base_model", "Qwen/Qwen3-8B", "user_metadata", Map.of("note", "a\u0000b"), "type", "create_model"));
        assertThat(detail(refused, 400)).contains("NUL").contains("user_metadata.note");
        assertThat(ok(server.get("/sessions/" + session, alice)).get("training_run_ids")).isEmpty();
    }

    @Test
    void savingAnExistingNameConflictsUnlessOverwrite() {
        String session = server.session(alice);
        String run = server.run(alice, session, 7);
        server.save(alice, run, "dup");

        TestHttp.Response conflict = server.post("/save_weights", alice, Map.of("model_id", run, "path", "dup", "seq_id", 900,
                "type", "save_weights"));
        assertThat(detail(conflict, 409)).contains("already exists");
        assertThat(conflict.header("x-should-retry")).as("permanent: the SDKs would retry a 409 for minutes").isEqualTo("false");
        assertThat(server.get("/training_runs/" + run + "/checkpoints/weights/nope/archive", alice).header("x-should-retry"))
                .isEqualTo("false");
        JsonNode overwritten = server.future("/save_weights", alice, Map.of("model_id", run, "path", "dup", "seq_id", 901,
                "overwrite", true, "ttl_seconds", 3600, "type", "save_weights"));
        assertThat(overwritten.get("path").asText()).endsWith("/weights/dup");
        JsonNode listed = ok(server.get("/training_runs/" + run + "/checkpoints", alice)).get("checkpoints");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("expires_at").asText()).endsWith("Z");
    }

    @Test
    void aRetriedSaveWithTheSameSeqIdAnswersTheSameFuture() {
        String session = server.session(alice);
        String run = server.run(alice, session, 8);
        Map<String, Object> body = Map.of("model_id", run, "path", "once", "seq_id", 5, "type", "save_weights");

        String first = ok(server.post("/save_weights", alice, body)).get("request_id").asText();
        String again = ok(server.post("/save_weights", alice, body)).get("request_id").asText();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void createModelIsIdempotentAndChecksItsSession() {
        String session = server.session(alice);
        assertThat(server.run(alice, session, 9)).isEqualTo(server.run(alice, session, 9));
        assertThat(detail(server.post("/create_model", bob, Map.of("session_id", session, "model_seq_id", 0,
                "base_model", "Qwen/Qwen3-8B")), 404)).contains("Session");
        assertThat(detail(server.post("/create_model", alice, Map.of("session_id", session, "model_seq_id", 1)), 400))
                .contains("base_model");
        assertThat(detail(server.post("/create_model", alice, "{not json"), 400)).contains("JSON");
        assertThat(detail(server.post("/retrieve_future", alice, Map.of("request_id", "nope")), 404)).contains("nope");
    }

    @Test
    void weightsInfoDescribesTheLoraAndPublishedCheckpointsOfOthers() {
        String session = server.session(alice);
        String run = server.run(alice, session, 10);
        String path = server.save(alice, run, "info");

        JsonNode info = ok(server.post("/weights_info", alice, Map.of("tinker_path", path)));
        assertThat(info.get("base_model").asText()).isEqualTo("Qwen/Qwen3-8B");
        assertThat(info.get("is_lora").asBoolean()).isTrue();
        assertThat(info.get("lora_rank").asInt()).isEqualTo(16);
        assertThat(info.get("train_unembed").asBoolean()).isFalse();
        assertThat(info.get("train_mlp").asBoolean()).isTrue();
        detail(server.post("/weights_info", bob, Map.of("tinker_path", path)), 404);

        ok(server.post(rest(path) + "/publish", alice, ""));
        assertThat(ok(server.post("/weights_info", bob, Map.of("tinker_path", path))).get("lora_rank").asInt()).isEqualTo(16);
    }

    @Test
    void aTrainerIsRebuiltFromAPublishedCheckpointAsCreateTrainingClientFromStateDoes() {
        String session = server.session(alice);
        String source = server.run(alice, session, 16);
        String path = server.save(alice, source, "shared-state");
        ok(server.post(rest(path) + "/publish", alice, ""));
        String bobSession = server.session(bob);

        JsonNode info = ok(server.post("/weights_info", bob, Map.of("tinker_path", path)));
        String run = server.run(bob, bobSession, 0);
        JsonNode loaded = server.future("/load_weights", bob, Map.of("model_id", run, "path", path, "seq_id", 1,
                "optimizer", false, "type", "load_weights"));
        JsonNode got = ok(server.post("/get_info", bob, Map.of("model_id", run, "type", "get_info")));

        assertThat(info.get("lora_rank").asInt()).isEqualTo(16);
        assertThat(loaded.get("path").asText()).isEqualTo(path);
        assertThat(loaded.get("type").asText()).isEqualTo("load_weights");
        assertThat(got.get("model_data").get("model_name").asText()).isEqualTo("Qwen/Qwen3-8B");
        assertThat(got.get("model_id").asText()).isEqualTo(run);
        String hidden = server.save(alice, source, "hidden-state");
        detail(server.post("/load_weights", bob, Map.of("model_id", run, "path", hidden, "seq_id", 2)), 404);
        detail(server.post("/load_weights", bob, Map.of("model_id", source, "path", path, "seq_id", 3)), 404);
        detail(server.post("/get_info", alice, Map.of("model_id", run)), 404);
    }

    @Test
    void malformedTinkerPathsAndCheckpointIdsAreBadRequests() {
        for (String bad : List.of("http://x/weights/a", "tinker://run/weights", "tinker://run/weights/a/b",
                "tinker://run/other/a", "tinker:///weights/a", "tinker://run/weights/")) {
            assertThat(detail(server.post("/weights_info", alice, Map.of("tinker_path", bad)), 400)).as(bad).contains("tinker");
        }
        detail(server.post("/weights_info", alice, Map.of()), 400);
        assertThat(detail(server.post("/training_runs/x:train:0/checkpoints/other/a/publish", alice, ""), 400))
                .contains("weights");
    }

    @Test
    void unknownRunsAndCheckpointsAreNotFound() {
        String session = server.session(alice);
        String run = server.run(alice, session, 11);
        assertThat(detail(server.get("/training_runs/" + session + ":train:99", alice), 404)).contains("Training run");
        detail(server.get("/training_runs/nope/checkpoints", alice), 404);
        detail(server.post("/training_runs/" + run + "/checkpoints/weights/missing/publish", alice, ""), 404);
        detail(server.send("DELETE", "/training_runs/" + run + "/checkpoints/weights/missing", alice, null), 404);
        detail(server.send("PUT", "/training_runs/" + run + "/checkpoints/weights/missing/ttl", alice,
                Map.of("ttl_seconds", 60)), 404);
        detail(server.get("/training_runs/" + run + "/checkpoints/weights/missing/archive", alice), 404);
        detail(server.get("/sessions/nope", alice), 404);
        detail(server.get("/samplers/nope:sample:0", alice), 404);
    }

    @Test
    void onlyTheOwnerChangesACheckpointAndOthersSeeNotFound() {
        String session = server.session(alice);
        String run = server.run(alice, session, 12);
        String path = server.save(alice, run, "mine");

        assertThat(detail(server.post(rest(path) + "/publish", bob, ""), 404)).contains("not found");
        detail(server.send("DELETE", rest(path) + "/publish", bob, null), 404);
        detail(server.send("PUT", rest(path) + "/ttl", bob, Map.of("ttl_seconds", 60)), 404);
        detail(server.send("DELETE", rest(path), bob, null), 404);
        detail(server.get("/training_runs/" + run, bob), 404);
        detail(server.get("/training_runs/" + run + "?access_scope=accessible", bob), 404);
        detail(server.get("/training_runs/" + run + "/checkpoints", bob), 404);
        assertThat(ok(server.get("/training_runs/" + run + "/checkpoints", alice)).get("checkpoints")).hasSize(1);
    }

    @Test
    void publishAndUnpublishAreIdempotentAndOpenTheRunToAccessibleReads() {
        String session = server.session(alice);
        String run = server.run(alice, session, 13);
        String path = server.save(alice, run, "pub");
        server.save(alice, run, "private");

        ok(server.post(rest(path) + "/publish", alice, ""));
        ok(server.post(rest(path) + "/publish", alice, ""));

        detail(server.get("/training_runs/" + run + "?access_scope=owned", bob), 404);
        JsonNode seen = ok(server.get("/training_runs/" + run + "?access_scope=accessible", bob));
        assertThat(seen.get("last_checkpoint").get("checkpoint_id").asText()).isEqualTo("weights/pub");
        assertThat(texts(ok(server.get("/training_runs/" + run + "/checkpoints", bob)).get("checkpoints"), "checkpoint_id"))
                .containsExactly("weights/pub");
        assertThat(texts(ok(server.get("/training_runs?access_scope=accessible&limit=1000", bob)).get("training_runs"),
                "training_run_id")).contains(run);
        assertThat(texts(ok(server.get("/training_runs?limit=1000", bob)).get("training_runs"), "training_run_id"))
                .doesNotContain(run);

        ok(server.send("DELETE", rest(path) + "/publish", alice, null));
        ok(server.send("DELETE", rest(path) + "/publish", alice, null));
        detail(server.get("/training_runs/" + run + "?access_scope=accessible", bob), 404);
    }

    @Test
    void aTtlIsSetAndRemovedAndOneInThePastIsRefused() {
        String session = server.session(alice);
        String run = server.run(alice, session, 14);
        String path = server.save(alice, run, "ttl");

        ok(server.send("PUT", rest(path) + "/ttl", alice, Map.of("ttl_seconds", 86400)));
        assertThat(ok(server.get("/training_runs/" + run, alice)).get("last_checkpoint").get("expires_at").asText())
                .endsWith("Z");
        Map<String, Object> clear = new HashMap<>();
        clear.put("ttl_seconds", null);
        ok(server.send("PUT", rest(path) + "/ttl", alice, clear));
        assertThat(ok(server.get("/training_runs/" + run, alice)).get("last_checkpoint").get("expires_at").isNull()).isTrue();

        assertThat(detail(server.send("PUT", rest(path) + "/ttl", alice, Map.of("ttl_seconds", 0)), 400)).contains("ttl_seconds");
        assertThat(detail(server.send("PUT", rest(path) + "/ttl", alice, Map.of("ttl_seconds", -60)), 400)).contains("past");
        detail(server.send("PUT", rest(path) + "/ttl", alice, Map.of("ttl_seconds", "soon")), 400);
        detail(server.send("PUT", rest(path) + "/ttl", alice, Map.of()), 400);
        assertThat(ok(server.get("/training_runs/" + run, alice)).get("last_checkpoint").get("expires_at").isNull()).isTrue();
    }

    @Test
    void deletingACheckpointRemovesIt() {
        String session = server.session(alice);
        String run = server.run(alice, session, 15);
        String path = server.save(alice, run, "gone");

        ok(server.send("DELETE", rest(path), alice, null));

        detail(server.send("DELETE", rest(path), alice, null), 404);
        assertThat(ok(server.get("/training_runs/" + run + "/checkpoints", alice)).get("checkpoints")).isEmpty();
        assertThat(ok(server.get("/training_runs/" + run, alice)).get("last_checkpoint").isNull()).isTrue();
    }

    @Test
    void sessionsListTheirRunsAndSamplers() {
        String frank = server.newUser("frank");
        String older = server.session(frank);
        String session = server.session(frank);
        String run = server.run(frank, session, 0);
        String path = server.saveForSampler(frank, run, "s");
        JsonNode sampler = ok(server.post("/create_sampling_session", frank, Map.of("session_id", session,
                "sampling_session_seq_id", 0, "model_path", path, "type", "create_sampling_session")));
        JsonNode base = ok(server.post("/create_sampling_session", frank, Map.of("session_id", session,
                "sampling_session_seq_id", 1, "base_model", "Qwen/Qwen3-30B-A3B")));
        JsonNode ephemeral = server.future("/save_weights_for_sampler", frank, Map.of("model_id", run, "seq_id", 77,
                "sampling_session_seq_id", 2, "type", "save_weights_for_sampler"));

        assertThat(sampler.get("sampling_session_id").asText()).isEqualTo(session + ":sample:0");
        assertThat(ephemeral.get("path").isNull()).isTrue();
        assertThat(ephemeral.get("sampling_session_id").asText()).isEqualTo(session + ":sample:2");
        JsonNode got = ok(server.get("/sessions/" + session + "?access_scope=owned", frank));
        assertThat(texts(got.get("training_run_ids"), null)).containsExactly(run);
        assertThat(texts(got.get("sampler_ids"), null)).containsExactly(session + ":sample:0", session + ":sample:1",
                session + ":sample:2");
        assertThat(texts(ok(server.get("/sessions?limit=20&offset=0&access_scope=owned", frank)).get("sessions"), null))
                .containsExactly(session, older);
        assertThat(texts(ok(server.get("/sessions?limit=1&offset=1", frank)).get("sessions"), null)).containsExactly(older);
        JsonNode s0 = ok(server.get("/samplers/" + session + ":sample:0", frank));
        assertThat(s0.get("sampler_id").asText()).isEqualTo(session + ":sample:0");
        assertThat(s0.get("base_model").asText()).isEqualTo("Qwen/Qwen3-8B");
        assertThat(s0.get("model_path").asText()).isEqualTo(path);
        JsonNode s1 = ok(server.get("/samplers/" + (session + ":sample:1").replace(":", "%3A"), frank));
        assertThat(s1.get("base_model").asText()).isEqualTo("Qwen/Qwen3-30B-A3B");
        assertThat(s1.get("model_path").isNull()).isTrue();
        detail(server.get("/samplers/" + session + ":sample:0", bob), 404);
        detail(server.get("/sessions/" + session, bob), 404);
        detail(server.post("/create_sampling_session", frank, Map.of("session_id", session, "sampling_session_seq_id", 3)), 400);
    }

    @Test
    void aSessionGoesIntoAProjectItsMembersThenSee() {
        String grace = server.newUser("grace");
        String heidi = server.newUser("heidi");
        String project = server.project("tinker-shared", "grace", "heidi");
        String other = server.project("tinker-other", "grace");
        String outsiders = server.project("tinker-outsiders");
        String session = server.session(grace);
        String run = server.run(grace, session, 0);
        String path = server.save(grace, run, "shared");

        detail(server.get("/sessions/" + session + "?access_scope=accessible", heidi), 404);
        assertThat(detail(server.send("PUT", "/sessions/" + session + "/project", grace, Map.of("project_id", outsiders)), 403))
                .contains(outsiders);
        assertThat(detail(server.send("PUT", "/sessions/" + session + "/project", grace, Map.of()), 400)).contains("project_id");
        Map<String, Object> clear = new HashMap<>();
        clear.put("project_id", null);
        detail(server.send("PUT", "/sessions/" + session + "/project", grace, clear), 400);
        detail(server.send("PUT", "/sessions/" + session + "/project", heidi, Map.of("project_id", project)), 404);

        ok(server.send("PUT", "/sessions/" + session + "/project", grace, Map.of("project_id", project)));
        ok(server.send("PUT", "/sessions/" + session + "/project", grace, Map.of("project_id", project)));

        JsonNode seen = ok(server.get("/sessions/" + session + "?access_scope=accessible", heidi));
        assertThat(texts(seen.get("training_run_ids"), null)).containsExactly(run);
        detail(server.get("/sessions/" + session + "?access_scope=owned", heidi), 404);
        assertThat(texts(ok(server.get("/sessions?access_scope=accessible", heidi)).get("sessions"), null)).contains(session);
        assertThat(ok(server.get("/training_runs/" + run + "?access_scope=accessible", heidi)).get("last_checkpoint")
                .get("tinker_path").asText()).isEqualTo(path);
        assertThat(texts(ok(server.get("/training_runs?access_scope=accessible&project_id=" + project, heidi))
                .get("training_runs"), "training_run_id")).containsExactly(run);
        assertThat(ok(server.post("/weights_info", heidi, Map.of("tinker_path", path))).get("base_model").asText())
                .isEqualTo("Qwen/Qwen3-8B");
        detail(server.post(rest(path) + "/publish", heidi, ""), 404);

        ok(server.send("PUT", "/sessions/" + session + "/project", grace, Map.of("project_id", other)));
        detail(server.get("/sessions/" + session + "?access_scope=accessible", heidi), 404);

        String inProject = ok(server.post("/create_session", grace, Map.of("project_id", project))).get("session_id").asText();
        assertThat(texts(ok(server.get("/sessions?access_scope=accessible", heidi)).get("sessions"), null)).contains(inProject);
        detail(server.post("/create_session", heidi, Map.of("project_id", outsiders)), 403);
    }

    @Test
    void everyFailureIsJsonWithADetail() {
        TestHttp.Response noKey = server.get("/training_runs", null);
        assertThat(detail(noKey, 401)).contains("X-API-Key");
        detail(server.get("/training_runs", "tml-" + "x".repeat(40)), 401);
        assertThat(detail(server.get("/no_such_endpoint", alice), 404)).isEqualTo("Not Found");
        detail(server.post("/training_runs/a/b/c/d/e/f/g", alice, ""), 404);
    }

    @Test
    void aSessionsTraceIsASignedUrlOnlyItsOwnerGets() {
        String gina = server.newUser("gina");
        String session = server.session(gina);
        String run = server.run(gina, session, 0);
        String path = server.save(gina, run, "first");

        JsonNode export = ok(server.get("/sessions/" + session + "/trace_export", gina));
        assertThat(export.get("status").asText()).isEqualTo("ready");
        assertThat(export.get("error").isNull()).isTrue();
        String url = export.get("url").asText();
        assertThat(url).contains("/api/tinker/api/v1/traces/" + session + "?expires=").contains("&signature=");
        String relative = url.substring(url.indexOf("/api/"));

        JsonNode trace = ok(server.http().get(relative, null)); // the signature is the permission: no key
        assertThat(trace.get("session_id").asText()).isEqualTo(session);
        JsonNode runs = trace.get("training_runs");
        assertThat(texts(runs, "training_run_id")).containsExactly(run);
        assertThat(runs.get(0).get("base_model").asText()).isEqualTo("Qwen/Qwen3-8B");
        assertThat(texts(runs.get(0).get("checkpoints"), "tinker_path")).containsExactly(path);
        assertThat(trace.get("samplers").isArray()).isTrue();

        detail(server.http().get(relative.replace("signature=", "signature=0"), null), 403);
        detail(server.http().get(relative.replace(session, server.session(gina)), null), 403);
        detail(server.get("/sessions/" + session + "/trace_export", bob), 404);
        detail(server.get("/sessions/no-such-session/trace_export", gina), 404);
    }

    @Test
    void billingUsageCountsCheckpointsPerHourAndRunAndRefusesBadWindows() {
        String hank = server.newUser("hank");
        String session = server.session(hank);
        String run = server.run(hank, session, 0);
        server.save(hank, run, "a");
        server.save(hank, run, "b");
        server.saveForSampler(hank, run, "c");
        java.time.Instant hour = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        String window = "?starting_on=" + hour.minusSeconds(3600) + "&ending_before=" + hour.plusSeconds(3600);

        JsonNode usage = ok(server.get("/billing/usage/events" + window, hank));
        int counted = 0;
        for (JsonNode event : usage.get("data")) {
            assertThat(event.get("event_info").get("type").asText()).isEqualTo("checkpoint");
            assertThat(event.get("session_id").asText()).isEqualTo(session);
            assertThat(event.get("base_model").asText()).isEqualTo("Qwen/Qwen3-8B");
            assertThat(event.get("user_name").asText()).isEqualTo("hank");
            java.time.Instant start = java.time.Instant.parse(event.get("bucket_start").asText());
            assertThat(java.time.Instant.parse(event.get("bucket_end").asText())).isEqualTo(start.plusSeconds(3600));
            counted += event.get("event_info").get("count").asInt();
        }
        assertThat(counted).isEqualTo(3);
        assertThat(usage.get("sessions").has(session)).isTrue();
        assertThat(usage.get("sessions").get(session).has("user_metadata")).isTrue();
        JsonNode others = ok(server.get("/billing/usage/events" + window, bob)).get("data");
        assertThat(others.findValuesAsText("session_id")).doesNotContain(session);
        JsonNode earlier = ok(server.get("/billing/usage/events?starting_on=" + hour.minusSeconds(7 * 86_400)
                + "&ending_before=" + hour.minusSeconds(6 * 86_400), hank));
        assertThat(earlier.get("data")).isEmpty();

        assertThat(detail(server.get("/billing/usage/events?starting_on=" + hour + "&ending_before=" + hour, hank), 400))
                .contains("before");
        assertThat(detail(server.get("/billing/usage/events?starting_on=yesterday&ending_before=" + hour, hank), 400))
                .contains("RFC 3339");
        assertThat(detail(server.get("/billing/usage/events?starting_on=" + hour.plusSeconds(60) + "&ending_before="
                + hour.plusSeconds(7200), hank), 400)).contains("on the hour");
        assertThat(detail(server.get("/billing/usage/events?starting_on=" + hour.minusSeconds(15 * 86_400)
                + "&ending_before=" + hour, hank), 400)).contains("14 days");
        assertThat(detail(server.get("/billing/usage/events?ending_before=" + hour, hank), 400)).contains("starting_on");
        assertThat(server.get("/billing/usage/events" + window, null).status()).isEqualTo(401);
    }
}
