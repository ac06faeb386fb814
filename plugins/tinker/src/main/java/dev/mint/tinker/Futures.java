package dev.mint.tinker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.sdk.PluginDatabase;
import dev.mint.sdk.WireJson;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Results of the "future" endpoints, fetched through {@code retrieve_future}. This registry does its work
 * while answering the submit, so every future is complete by the time it is polled. A request carrying a
 * dedupe key (a model's {@code seq_id}) that was already answered gets the same future again, so a
 * retried {@code save_weights} does not trip over the checkpoint its first attempt created.
 */
final class Futures {
    private final PluginDatabase db;

    Futures(PluginDatabase db) {
        this.db = db;
    }

    /** The request id of the finished work; {@code work} runs only when {@code dedupeKey} is new (or null). */
    String complete(Caller caller, String dedupeKey, Instant now, Supplier<Map<String, Object>> work) {
        if (dedupeKey != null) {
            Optional<String> earlier = db.jdbi().withHandle(h -> h.createQuery("SELECT request_id FROM " + db.table("futures")
                            + " WHERE dedupe_key = ? AND owner_id = ?")
                    .bind(0, dedupeKey).bind(1, caller.userId()).mapTo(String.class).findOne());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Map<String, Object> result = work.get();
        String requestId = UUID.randomUUID().toString();
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO " + db.table("futures") + " (request_id, owner_id, dedupe_key,"
                        + " result, created_at) VALUES (?, ?, ?, ?, ?)")
                .bind(0, requestId).bind(1, caller.userId()).bind(2, dedupeKey).bind(3, Json.write(result))
                .bind(4, now.toEpochMilli()).execute());
        return requestId;
    }

    /** The result of one of the caller's futures. */
    Optional<JsonNode> result(Caller caller, String requestId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT result FROM " + db.table("futures")
                        + " WHERE request_id = ? AND owner_id = ?")
                .bind(0, requestId).bind(1, caller.userId()).mapTo(String.class).findOne())
                .map(Futures::parse);
    }

    private static JsonNode parse(String text) {
        try {
            return WireJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored future result is not JSON", e);
        }
    }
}
