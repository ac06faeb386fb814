package dev.mint.tinker.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.client.core.JsonCodec;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Users, keys and data on a real platform hosting the real Tinker plugin. Runs and checkpoints are created
 * through the client's own transport with the SDK's creation calls ({@code create_session}, {@code create_model},
 * {@code save_weights}, then {@code retrieve_future}), which this client has no public methods for.
 */
final class RealTinker {
    private static final JsonCodec JSON = JsonCodec.snakeCase();
    /** The SDK numbers a model's requests; one counter, so no two saves look like retries of each other. */
    private static final AtomicInteger SEQ = new AtomicInteger();

    final TestPlatform platform;

    RealTinker(TestPlatform platform) {
        this.platform = platform;
    }

    String base() {
        return platform.baseUrl() + "/api/tinker";
    }

    /** A platform member; answers its user id. */
    long user(String username) {
        return platform.createUser(username, "member").get("id").asLong();
    }

    /** A session JWT of a user made with {@link #user}. */
    String jwt(String username) {
        return platform.login(username, username + "-password");
    }

    /** A {@code tml-} key of a user made with {@link #user}. */
    String tinkerKey(String username) {
        TestHttp.Response created = platform.http().post("/api/users/me/tokens", jwt(username),
                Map.of("name", "java", "kind", "tinker"));
        if (created.status() != 201) {
            throw new AssertionError("no tinker key: " + created);
        }
        return created.json().get("token").asText();
    }

    /** A client with the normal checks and retry policy (upstream's 300 s deadline), for the key. */
    ServiceClient client(String key) {
        return ServiceClient.builder().baseUrl(base()).apiKey(key).timeout(Duration.ofSeconds(20)).build();
    }

    /** A platform project with the given members (user ids) as editors; answers its id. */
    String project(String name, long... members) {
        TestHttp.Response created = platform.http().post("/api/projects", platform.adminToken(), Map.of("name", name));
        if (created.status() / 100 != 2) {
            throw new AssertionError("no project: " + created);
        }
        String id = created.json().get("id").asText();
        for (long member : members) {
            TestHttp.Response added = platform.http().put("/api/projects/" + id + "/members/" + member,
                    platform.adminToken(), Map.of("role", "editor"));
            if (added.status() / 100 != 2) {
                throw new AssertionError("not added: " + added);
            }
        }
        return id;
    }

    static String session(ServiceClient client) {
        return post(client, "/api/v1/create_session", Map.of("tags", List.of("java"), "user_metadata", Map.of(),
                "sdk_version", "0.25.0", "type", "create_session")).get("session_id").asText();
    }

    /** Training run {@code <session>:train:<seq>} over Qwen3-8B, LoRA rank 16. */
    static String run(ServiceClient client, String session, int seq) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session_id", session);
        body.put("model_seq_id", seq);
        body.put("base_model", "Qwen/Qwen3-8B");
        body.put("user_metadata", Map.of("experiment", "java-" + seq));
        body.put("lora_config", Map.of("rank", 16, "train_unembed", false, "train_mlp", true, "train_attn", true));
        body.put("type", "create_model");
        return future(client, "/api/v1/create_model", body).get("model_id").asText();
    }

    /** A training checkpoint; answers its tinker:// path. */
    static String save(ServiceClient client, String run, String name) {
        return future(client, "/api/v1/save_weights", saveBody(run, name, "save_weights")).get("path").asText();
    }

    static String saveForSampler(ServiceClient client, String run, String name) {
        return future(client, "/api/v1/save_weights_for_sampler", saveBody(run, name, "save_weights_for_sampler"))
                .get("path").asText();
    }

    static Map<String, Object> saveBody(String run, String name, String type) {
        return Map.of("model_id", run, "path", name, "seq_id", SEQ.incrementAndGet(), "overwrite", false, "type", type);
    }

    /** A sampler over a checkpoint; answers its id. */
    static String sampler(ServiceClient client, String session, int seq, String modelPath) {
        return post(client, "/api/v1/create_sampling_session", Map.of("session_id", session, "sampling_session_seq_id", seq,
                "model_path", modelPath, "type", "create_sampling_session")).get("sampling_session_id").asText();
    }

    static JsonNode future(ServiceClient client, String path, Object body) {
        String requestId = post(client, path, body).get("request_id").asText();
        return post(client, "/api/v1/retrieve_future", Map.of("request_id", requestId, "allow_metadata_only", true));
    }

    /** A POST through the client's transport: its headers, retries and typed errors. */
    static JsonNode post(ServiceClient client, String path, Object body) {
        return ApiFuture.of(client.http().send(new TinkerCall<>(TinkerCalls.send("POST", path, JSON.write(body)),
                Readers.json(JsonNode.class)))).result();
    }
}
