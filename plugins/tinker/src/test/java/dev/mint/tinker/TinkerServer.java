package dev.mint.tinker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A platform hosting one Tinker plugin instance the test can reach (for its clock and sweeper), with
 * helpers that speak to it as the Python SDK does: {@code X-API-Key} and JSON under {@code /api/tinker/api/v1}.
 */
final class TinkerServer implements AutoCloseable {
    static final String API = "/api/tinker/api/v1";

    final TinkerPlugin plugin = new TinkerPlugin();
    /** The SDK numbers a model's requests; saves here share one counter so no two look like retries. */
    private final java.util.concurrent.atomic.AtomicInteger seq = new java.util.concurrent.atomic.AtomicInteger();
    final TestPlatform platform;
    TinkerServer() {
        platform = TestPlatform.start(b -> b.plugins(List.of(plugin)));
    }

    /** The platform's client (a new one after {@link TestPlatform#restart}). */
    TestHttp http() {
        return platform.http();
    }

    /** A member of the platform with a {@code tml-} key. */
    String newUser(String username) {
        JsonNode user = platform.createUser(username, "member");
        assertThat(user.get("id").asLong()).isPositive();
        return tinkerKey(platform.login(username, username + "-password"));
    }

    long userId(String username) {
        for (JsonNode user : http().get("/api/admin/users?limit=500", platform.adminToken()).json().get("users")) {
            if (user.get("username").asText().equals(username)) {
                return user.get("id").asLong();
            }
        }
        throw new AssertionError("no user " + username);
    }

    String tinkerKey(String session) {
        TestHttp.Response created = http().post("/api/users/me/tokens", session, Map.of("name", "sdk", "kind", "tinker"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("token").asText();
    }

    /** A platform project with {@code members} (usernames) as editors; answers its id. */
    String project(String name, String... members) {
        TestHttp.Response created = http().post("/api/projects", platform.adminToken(), Map.of("name", name));
        assertThat(created.status()).as(created.toString()).isIn(200, 201);
        String id = created.json().get("id").asText();
        for (String member : members) {
            TestHttp.Response added = http().put("/api/projects/" + id + "/members/" + userId(member), platform.adminToken(),
                    Map.of("role", "editor"));
            assertThat(added.status()).as(added.toString()).isIn(200, 201, 204);
        }
        return id;
    }

    TestHttp.Response send(String method, String path, String key, Object body) {
        Map<String, String> headers = new HashMap<>();
        if (key != null) {
            headers.put("X-API-Key", key);
        }
        return http().send(method, API + path, null, body, headers);
    }

    TestHttp.Response get(String path, String key) {
        return send("GET", path, key, null);
    }

    TestHttp.Response post(String path, String key, Object body) {
        return send("POST", path, key, body);
    }

    /** 200 and the JSON body. */
    static JsonNode ok(TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        return response.json();
    }

    /** The status and a non-empty {@code detail}. */
    static String detail(TestHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode detail = response.json().get("detail");
        assertThat(detail).as(response.toString()).isNotNull();
        assertThat(detail.asText()).isNotBlank();
        return detail.asText();
    }

    String session(String key) {
        return ok(post("/create_session", key, Map.of("tags", List.of(), "user_metadata", Map.of(), "sdk_version", "0.25.0",
                "type", "create_session"))).get("session_id").asText();
    }

    /** The result of a future endpoint, fetched as the SDK does through retrieve_future. */
    JsonNode future(String path, String key, Object body) {
        JsonNode submitted = ok(post(path, key, body));
        String requestId = submitted.get("request_id").asText();
        return ok(post("/retrieve_future", key, Map.of("request_id", requestId, "allow_metadata_only", true)));
    }

    /** A training run {@code <session>:train:<seq>} over Qwen3-8B with rank 16. */
    String run(String key, String session, int seq) {
        Map<String, Object> body = new HashMap<>();
        body.put("session_id", session);
        body.put("model_seq_id", seq);
        body.put("base_model", "Qwen/Qwen3-8B");
        body.put("user_metadata", Map.of("experiment", "sft-" + seq));
        body.put("lora_config", Map.of("rank", 16, "train_unembed", false, "train_mlp", true, "train_attn", true));
        body.put("type", "create_model");
        return future("/create_model", key, body).get("model_id").asText();
    }

    /** Saves a training checkpoint by name and answers its tinker:// path. */
    String save(String key, String run, String name) {
        return future("/save_weights", key, Map.of("model_id", run, "path", name, "seq_id", seq.incrementAndGet(), "overwrite", false,
                "type", "save_weights")).get("path").asText();
    }

    String saveForSampler(String key, String run, String name) {
        return future("/save_weights_for_sampler", key, Map.of("model_id", run, "path", name, "seq_id", seq.incrementAndGet(),
                "type", "save_weights_for_sampler")).get("path").asText();
    }

    /** The REST path of a checkpoint from its tinker:// path: {@code /training_runs/<run>/checkpoints/<kind>/<name>}. */
    static String rest(String tinkerPath) {
        String[] parts = tinkerPath.substring("tinker://".length()).split("/");
        return "/training_runs/" + parts[0] + "/checkpoints/" + parts[1] + "/" + parts[2];
    }

    @Override
    public void close() {
        platform.close();
    }
}
