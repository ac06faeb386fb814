package dev.mint.tinker.client;

import dev.mint.client.core.Sleeper;
import java.time.Duration;
import java.util.Map;

/** Wire samples from the reference (§5) and a client wired to a loopback server with short retry waits. */
final class Fixtures {
    static final String RUN = "5f0c2a9e-1111-5222-8333-444455556666:train:0";
    static final String KEY = "tml-test-key";

    static final String CHECKPOINT = """
            {"checkpoint_id": "weights/0001", "checkpoint_type": "training", "time": "2026-08-01T12:00:00Z",
             "tinker_path": "tinker://5f0c2a9e-1111-5222-8333-444455556666:train:0/weights/0001",
             "size_bytes": 123456789, "public": false, "expires_at": null}""";

    static final String SAMPLER_CHECKPOINT = """
            {"checkpoint_id": "sampler_weights/final", "checkpoint_type": "sampler", "time": "2026-08-01T12:30:00Z",
             "tinker_path": "tinker://5f0c2a9e-1111-5222-8333-444455556666:train:0/sampler_weights/final",
             "size_bytes": 61234567, "public": true, "expires_at": "2026-08-08T12:30:00Z"}""";

    static final String TRAINING_RUN = """
            {"training_run_id": "5f0c2a9e-1111-5222-8333-444455556666:train:0",
             "base_model": "Qwen/Qwen3-8B", "model_owner": "user:alice", "is_lora": true, "corrupted": false,
             "lora_rank": 32, "last_request_time": "2026-08-01T12:00:00Z",
             "last_checkpoint": %s, "last_sampler_checkpoint": null,
             "user_metadata": {"experiment": "sft-1"}, "some_future_field": [1, 2]}""".formatted(CHECKPOINT);

    private Fixtures() {
    }

    /** A builder for a client of {@code baseUrl + /api/tinker}: no environment, tiny backoff, 5 s deadline. */
    static ServiceClient.Builder builder(String serverUrl) {
        return ServiceClient.builder().environment(Map.of()).baseUrl(serverUrl + "/api/tinker").apiKey(KEY)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).retryDeadline(Duration.ofSeconds(5))
                .sleeper(Sleeper.SYSTEM).pollInterval(Duration.ofMillis(10));
    }
}
