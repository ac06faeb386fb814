package dev.mint.minima.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.client.core.JsonCodec;
import dev.mint.client.core.StubServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Canned Minima answers and clients that never read the real environment. */
final class Fixtures {
    static final String KEY = "mbt_test_kid_secret";
    static final String PROBLEM_JSON = "application/problem+json";

    private Fixtures() {
    }

    /** A builder for a client of {@code server} under the platform prefix, with an empty environment. */
    static MinimaClient.Builder client(StubServer server) {
        return MinimaClient.builder().environment(Map.of()).baseUrl(server.baseUrl() + "/api/minima/").apiKey(KEY);
    }

    static AsyncMinimaClient.Builder asyncClient(StubServer server) {
        return AsyncMinimaClient.builder().environment(Map.of()).baseUrl(server.baseUrl() + "/api/minima").apiKey(KEY);
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/minima/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JsonCodec.snakeCase().tree(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode body(StubServer.Received received) {
        return json(received.body());
    }

    static String feedbackAccepted() {
        return "{\"accepted\": true, \"record_id\": \"rec-1\", \"reinforced_entry_ids\": [\"h0\"], \"updated_confidence\": 0.71,"
                + " \"reflection_triggered\": false, \"lesson_promoted\": false, \"step_outcomes_recorded\": 0, \"warnings\": []}";
    }

    static String feedbackTelemetryOnly() {
        return "{\"accepted\": true, \"record_id\": null, \"reinforced_entry_ids\": [], \"updated_confidence\": null,"
                + " \"reflection_triggered\": false, \"lesson_promoted\": false, \"step_outcomes_recorded\": 0,"
                + " \"warnings\": [\"unlabeled_telemetry_only\"]}";
    }

    static StubServer problem(StubServer server, int status, String title, String detail) {
        return server.enqueue(status, Map.of("Content-Type", PROBLEM_JSON),
                "{\"type\": \"about:blank\", \"title\": \"" + title + "\", \"status\": " + status + ", \"detail\": \"" + detail + "\"}");
    }
}
