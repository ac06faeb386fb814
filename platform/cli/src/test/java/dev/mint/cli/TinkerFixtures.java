package dev.mint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates Tinker sessions, runs and checkpoints the way the Python SDK's training client does, over the plugin's
 * HTTP API, so the commands under test have something to read.
 */
final class TinkerFixtures {
    private static final String API = "/api/tinker/api/v1";
    /** Saves share one counter so that no two look like retries of each other to the server. */
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final TestPlatform platform;

    TinkerFixtures(TestPlatform platform) {
        this.platform = platform;
    }

    String session(String key) {
        return ok(post("/create_session", key, Map.of("tags", List.of(), "user_metadata", Map.of(),
                "sdk_version", "0.25.0", "type", "create_session"))).get("session_id").asText();
    }

    /** A training run {@code <session>:train:<seq>} over Qwen3-8B with LoRA rank 16. */
    String run(String key, String session, int seq) {
        Map<String, Object> body = new HashMap<>();
        body.put("session_id", session);
        body.put("model_seq_id", seq);
        body.put("base_model", "Qwen/Qwen3-8B");
        body.put("user_metadata", Map.of("experiment", "sft-" + seq));
        body.put("lora_config", Map.of("rank", 16));
        body.put("type", "create_model");
        return future("/create_model", key, body).get("model_id").asText();
    }

    /** Saves a training checkpoint and answers its tinker:// path. */
    String save(String key, String run, String name) {
        return future("/save_weights", key, Map.of("model_id", run, "path", name, "seq_id", SEQ.incrementAndGet(),
                "overwrite", false, "type", "save_weights")).get("path").asText();
    }

    String saveForSampler(String key, String run, String name) {
        return future("/save_weights_for_sampler", key, Map.of("model_id", run, "path", name,
                "seq_id", SEQ.incrementAndGet(), "type", "save_weights_for_sampler")).get("path").asText();
    }

    /** A {@code tml-} key of the user whose session token is {@code session}. */
    String tinkerKey(String session) {
        TestHttp.Response created = platform.http().post("/api/users/me/tokens", session, Map.of("name", "cli", "kind", "tinker"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("token").asText();
    }

    private JsonNode future(String path, String key, Object body) {
        String requestId = ok(post(path, key, body)).get("request_id").asText();
        return ok(post("/retrieve_future", key, Map.of("request_id", requestId, "allow_metadata_only", true)));
    }

    private TestHttp.Response post(String path, String key, Object body) {
        return platform.http().send("POST", API + path, null, body, Map.of("X-API-Key", key));
    }

    private static JsonNode ok(TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
