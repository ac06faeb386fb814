package dev.mint.tinker;

import dev.mint.sdk.PluginDatabase;
import java.time.Clock;
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
 * training or sampling, so it reports no token events. It reports {@code checkpoint} events, one per hour
 * and training run in which the caller saved checkpoints (those still registered; a deleted checkpoint
 * leaves no trace here), and {@code storage} events, one per hour and training run in which archives were
 * stored: their gigabytes (10^9 bytes) times the share of the hour each was kept, up to now.
 */
final class Usage {
    /** The longest window one request may ask for, as upstream. */
    static final Duration LONGEST_WINDOW = Duration.ofDays(14);

    private static final double BYTES_PER_GIGABYTE = 1e9;
    private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

    private final PluginDatabase db;
    private final Clock clock;

    Usage(PluginDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
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

    /** One hour of one training run, the unit both kinds of event are counted in. */
    private record Bucket(long hour, String runId, String sessionId, String baseModel, String projectId) {
    }

    /** {@code BillingUsageResponse} for the caller's window {@code [start, end)}. */
    Map<String, Object> events(Caller caller, Instant start, Instant end) {
        if (!start.isBefore(end)) {
            throw TinkerError.badRequest("starting_on must be before ending_before");
        }
        if (Duration.between(start, end).compareTo(LONGEST_WINDOW) > 0) {
            throw TinkerError.badRequest("The window is longer than 14 days; ask for it in parts");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Map<String, Object>> data = new ArrayList<>();
        checkpointCounts(caller, start, end, metadata).forEach((bucket, count) ->
                data.add(event(caller, bucket, Map.of("type", "checkpoint", "count", count))));
        gigabyteHours(caller, start, end, metadata).forEach((bucket, amount) ->
                data.add(event(caller, bucket, Map.of("type", "storage", "gigabyte_hours", amount))));
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

    /** Checkpoints saved per hour and run (those still registered); notes each session's metadata. */
    private Map<Bucket, Integer> checkpointCounts(Caller caller, Instant start, Instant end, Map<String, String> metadata) {
        Map<Bucket, Integer> counts = new LinkedHashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT c.created_at, r.id, r.session_id, r.base_model, s.project_id,"
                        + " s.user_metadata FROM " + db.table("checkpoints") + " c JOIN " + db.table("training_runs")
                        + " r ON r.id = c.training_run_id JOIN " + db.table("sessions") + " s ON s.id = r.session_id"
                        + " WHERE r.owner_id = :owner AND c.created_at >= :start AND c.created_at < :end"
                        + " ORDER BY c.created_at, c.id")
                .bind("owner", caller.userId()).bind("start", start.toEpochMilli()).bind("end", end.toEpochMilli())
                .map((rs, ctx) -> {
                    metadata.putIfAbsent(rs.getString(3), rs.getString(6));
                    return new Bucket(hourOf(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                })
                .forEach(bucket -> counts.merge(bucket, 1, Integer::sum)));
        return counts;
    }

    /**
     * Gigabyte-hours of archives kept per hour and run: each archive's size times the share of each hour between
     * its upload and its removal (or now) inside the window.
     */
    private Map<Bucket, Double> gigabyteHours(Caller caller, Instant start, Instant end, Map<String, String> metadata) {
        Map<Bucket, Double> amounts = new LinkedHashMap<>();
        long until = Math.min(end.toEpochMilli(), clock.millis());
        db.jdbi().useHandle(h -> h.createQuery("SELECT l.size_bytes, l.stored_at, l.removed_at, r.id, r.session_id, r.base_model,"
                        + " s.project_id, s.user_metadata FROM " + db.table("archive_lifetimes") + " l JOIN "
                        + db.table("training_runs") + " r ON r.id = l.training_run_id JOIN " + db.table("sessions")
                        + " s ON s.id = r.session_id WHERE l.owner_id = :owner AND l.stored_at < :until"
                        + " AND (l.removed_at IS NULL OR l.removed_at > :start) ORDER BY l.stored_at")
                .bind("owner", caller.userId()).bind("start", start.toEpochMilli()).bind("until", until)
                .map((rs, ctx) -> {
                    metadata.putIfAbsent(rs.getString(5), rs.getString(8));
                    long from = Math.max(rs.getLong(2), start.toEpochMilli());
                    long to = rs.getObject(3) == null ? until : Math.min(rs.getLong(3), until);
                    double gigabytes = rs.getLong(1) / BYTES_PER_GIGABYTE;
                    for (long hour = hourOf(from); hour < to; hour += HOUR_MILLIS) {
                        long kept = Math.min(to, hour + HOUR_MILLIS) - Math.max(from, hour);
                        amounts.merge(new Bucket(hour, rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)),
                                gigabytes * kept / HOUR_MILLIS, Double::sum);
                    }
                    return rs.getLong(1);
                })
                .forEach(size -> { }));
        return amounts;
    }

    private static long hourOf(long epochMilli) {
        return epochMilli - Math.floorMod(epochMilli, HOUR_MILLIS);
    }

    private static Map<String, Object> event(Caller caller, Bucket bucket, Map<String, Object> info) {
        Map<String, Object> event = new LinkedHashMap<>();
        Instant bucketStart = Instant.ofEpochMilli(bucket.hour());
        event.put("bucket_start", bucketStart);
        event.put("bucket_end", bucketStart.plusMillis(HOUR_MILLIS));
        event.put("base_model", bucket.baseModel());
        event.put("user_id", Long.toString(caller.userId()));
        event.put("user_name", caller.username());
        event.put("session_id", bucket.sessionId());
        event.put("project_id", bucket.projectId());
        event.put("event_info", info);
        return event;
    }
}
