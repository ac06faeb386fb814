package dev.mint.tinker;

import static dev.mint.tinker.TinkerServer.detail;
import static dev.mint.tinker.TinkerServer.ok;
import static dev.mint.tinker.TinkerServer.rest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code total_count} of a user's checkpoints comes from a kept count, not a scan: it must follow every save,
 * overwrite, replacement of an expired name, delete, expiry and sweep.
 */
class TinkerCheckpointCountTest {
    static TinkerServer server;
    static String alice;
    static String bob;

    @BeforeAll
    static void start() {
        server = new TinkerServer();
        alice = server.newUser("alice");
        bob = server.newUser("bob");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static long total(String key) {
        JsonNode page = ok(server.get("/checkpoints?limit=1000", key));
        long total = page.get("cursor").get("total_count").asLong();
        assertThat(page.get("checkpoints")).as("the count matches what is listed").hasSize((int) total);
        return total;
    }

    @Test
    void theCountFollowsSavesDeletesExpiryAndSweeps() {
        String run = server.run(alice, server.session(alice), 0);
        String other = server.run(alice, server.session(alice), 1);
        server.run(bob, server.session(bob), 0);
        assertThat(total(alice)).isZero();

        String a = server.save(alice, run, "a");
        server.save(alice, run, "b");
        String c = server.saveForSampler(alice, other, "c");
        assertThat(total(alice)).isEqualTo(3);
        assertThat(total(bob)).isZero();

        server.future("/save_weights", alice, Map.of("model_id", run, "path", "a", "seq_id", 1000, "overwrite", true,
                "type", "save_weights"));
        detail(server.post("/save_weights", alice, Map.of("model_id", run, "path", "b", "seq_id", 1001, "type", "save_weights")),
                409);
        assertThat(total(alice)).as("an overwrite and a refused save change nothing").isEqualTo(3);

        ok(server.send("DELETE", "/training_runs/" + run + "/checkpoints/weights/b", alice, null));
        detail(server.send("DELETE", "/training_runs/" + run + "/checkpoints/weights/b", alice, null), 404);
        assertThat(total(alice)).isEqualTo(2);

        ok(server.send("PUT", rest(a) + "/ttl", alice, Map.of("ttl_seconds", 60)));
        ok(server.send("PUT", rest(c) + "/ttl", alice, Map.of("ttl_seconds", 60)));
        server.plugin.clock().advance(Duration.ofSeconds(61));
        assertThat(total(alice)).as("expired, not yet swept").isZero();

        server.saveForSampler(alice, other, "c");
        assertThat(total(alice)).as("a save over an expired name replaces it").isEqualTo(1);
        server.plugin.sweepExpired();
        assertThat(total(alice)).isEqualTo(1);
        server.save(alice, run, "a");
        assertThat(total(alice)).isEqualTo(2);
    }
}
