package dev.mint.tinker;

import dev.mint.sdk.PluginDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What happened to checkpoints, and who did it, kept for {@code GET /audit}. */
final class AuditLog {
    /** The events, as the {@code event} of audit entries. */
    enum Event {
        CHECKPOINT_CREATED, CHECKPOINT_DELETED, CHECKPOINT_EXPIRED, CHECKPOINT_PUBLISHED, CHECKPOINT_UNPUBLISHED,
        CHECKPOINT_TTL_SET, CHECKPOINT_TTL_REMOVED, CHECKPOINT_ARCHIVE_UPLOADED
    }

    private final PluginDatabase db;

    AuditLog(PluginDatabase db) {
        this.db = db;
    }

    /** Records an event; {@code actor} is null for the server itself (the sweeper). */
    void record(Long actor, Event event, CheckpointRef ref, Instant at) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO " + db.table("audit_events") + " (at, actor_id, event, model_id,"
                        + " tinker_path) VALUES (?, ?, ?, ?, ?)")
                .bind(0, at.toEpochMilli()).bind(1, actor).bind(2, event.name()).bind(3, ref.runId())
                .bind(4, ref.tinkerPath()).execute());
    }

    /** The entries of one UTC day, oldest first, in the wire's shape. */
    List<Map<String, Object>> day(LocalDate day) {
        long from = day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        long to = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        return db.jdbi().withHandle(h -> h.createQuery("SELECT at, event, model_id, tinker_path, actor_id FROM "
                        + db.table("audit_events") + " WHERE at >= ? AND at < ? ORDER BY at, id")
                .bind(0, from).bind(1, to)
                .map((rs, ctx) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("timestamp", Instant.ofEpochMilli(rs.getLong(1)));
                    entry.put("event", rs.getString(2));
                    entry.put("model_id", rs.getString(3));
                    entry.put("tinker_path", rs.getString(4));
                    entry.put("purpose", null);
                    long actor = rs.getLong(5);
                    entry.put("actor_user_id", rs.wasNull() ? null : actor);
                    return entry;
                }).list());
    }
}
