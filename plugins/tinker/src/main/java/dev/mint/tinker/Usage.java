package dev.mint.tinker;

import dev.mint.sdk.PluginDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SDK's {@code get_billing_usage}: what this registry did for a caller, per hour. A registry runs no
 * training or sampling, so it reports no token events; it reports {@code checkpoint} events, one per hour
 * and training run in which the caller saved checkpoints (those still registered; a deleted checkpoint
 * leaves no trace here). Storage events would need the history of every archive's lifetime, which is not
 * kept.
 */
final class Usage {
    /** The longest window one request may ask for, as upstream. */
    static final Duration LONGEST_WINDOW = Duration.ofDays(14);

    private final PluginDatabase db;

    Usage(PluginDatabase db) {
        this.db = db;
    }

    /** A query parameter that must be an RFC 3339 instant on the hour. */
    static Instant hour(String value, String name) {
        if (value == null || value.isBlank()) {
            throw TinkerError.badRequest(name + " is required (an RFC 3339 time on the hour, e.g. 2026-12-01T00:00:00Z)");
        }
        Instant instant;
        try {
            // A '+' of an offset arrives as a space when a client did not percent-encode it.
            instant = OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw TinkerError.badRequest(name + " is not an RFC 3339 time: " + value);
        }
        if (!instant.truncatedTo(ChronoUnit.HOURS).equals(instant)) {
            throw TinkerError.badRequest(name + " must be on the hour: " + value);
        }
        return instant;
    }

    /** {@code BillingUsageResponse} for the caller's window {@code [start, end)}. */
    Map<String, Object> events(Caller caller, Instant start, Instant end) {
        if (!start.isBefore(end)) {
            throw TinkerError.badRequest("starting_on must be before ending_before");
        }
        if (Duration.between(start, end).compareTo(LONGEST_WINDOW) > 0) {
            throw TinkerError.badRequest("The window is longer than 14 days; ask for it in parts");
        }
        record Bucket(long hour, String runId, String sessionId, String baseModel, String projectId) {
        }
        Map<Bucket, Integer> counts = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT c.created_at, r.id, r.session_id, r.base_model, s.project_id,"
                        + " s.user_metadata FROM " + db.table("checkpoints") + " c JOIN " + db.table("training_runs")
                        + " r ON r.id = c.training_run_id JOIN " + db.table("sessions") + " s ON s.id = r.session_id"
                        + " WHERE r.owner_id = :owner AND c.created_at >= :start AND c.created_at < :end"
                        + " ORDER BY c.created_at, c.id")
                .bind("owner", caller.userId()).bind("start", start.toEpochMilli()).bind("end", end.toEpochMilli())
                .map((rs, ctx) -> {
                    long hour = Instant.ofEpochMilli(rs.getLong(1)).truncatedTo(ChronoUnit.HOURS).toEpochMilli();
                    metadata.putIfAbsent(rs.getString(3), rs.getString(6));
                    return new Bucket(hour, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                })
                .forEach(bucket -> counts.merge(bucket, 1, Integer::sum)));
        List<Map<String, Object>> data = new ArrayList<>();
        counts.forEach((bucket, count) -> {
            Map<String, Object> event = new LinkedHashMap<>();
            Instant bucketStart = Instant.ofEpochMilli(bucket.hour());
            event.put("bucket_start", bucketStart);
            event.put("bucket_end", bucketStart.plus(Duration.ofHours(1)));
            event.put("base_model", bucket.baseModel());
            event.put("user_id", Long.toString(caller.userId()));
            event.put("user_name", caller.username());
            event.put("session_id", bucket.sessionId());
            event.put("project_id", bucket.projectId());
            event.put("event_info", Map.of("type", "checkpoint", "count", count));
            data.add(event);
        });
        Map<String, Object> sessions = new LinkedHashMap<>();
        metadata.forEach((id, json) -> {
            Map<String, Object> session = new LinkedHashMap<>();
            Map<String, String> userMetadata = json == null ? Map.of() : Json.stringMap(json);
            session.put("user_metadata", userMetadata.isEmpty() ? null : userMetadata);
            sessions.put(id, session);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("sessions", sessions);
        return body;
    }
}
