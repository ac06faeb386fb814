package dev.mint.server.audit;

import dev.mint.server.db.Rows;
import dev.mint.server.http.Json;
import dev.mint.server.http.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The append-only record of who changed what. Writers call {@link #record} on the same handle as the
 * change, so an event exists exactly when its change was committed.
 */
public final class AuditLog {

    /** One event as served at {@code GET /api/admin/audit}. */
    public record Event(long id, Long actorId, String actorUsername, String action, String entityType, String entityId,
                        Object details, String requestId, String clientIp, Instant createdAt) {
    }

    /** Filters of the audit listing; empty values do not filter. */
    public record Filter(Optional<String> action, Optional<String> entityType, Optional<String> entityId,
                         Optional<Long> actorId, Optional<Instant> since, Optional<Instant> until) {
    }

    public void record(Handle h, Actor actor, String action, String entityType, Object entityId, Map<String, ?> details) {
        h.createUpdate("INSERT INTO audit_events (actor_id, actor_username, action, entity_type, entity_id, details,"
                        + " request_id, client_ip, created_at) VALUES (:actor, :username, :action, :type, :entity, :details,"
                        + " :request, :ip, :at)")
                .bind("actor", actor.userId()).bind("username", actor.username()).bind("action", action)
                .bind("type", entityType).bind("entity", entityId == null ? null : String.valueOf(entityId))
                .bind("details", details.isEmpty() ? null : Json.write(details)).bind("request", actor.requestId())
                .bind("ip", actor.clientIp()).bind("at", Instant.now()).execute();
    }

    public Page<Event> list(Handle h, Filter filter, int skip, int limit) {
        List<String> where = new ArrayList<>();
        filter.action().ifPresent(v -> where.add("action = :action"));
        filter.entityType().ifPresent(v -> where.add("entity_type = :type"));
        filter.entityId().ifPresent(v -> where.add("entity_id = :entity"));
        filter.actorId().ifPresent(v -> where.add("actor_id = :actor"));
        filter.since().ifPresent(v -> where.add("created_at >= :since"));
        filter.until().ifPresent(v -> where.add("created_at < :until"));
        String clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = bind(h.createQuery("SELECT count(*) FROM audit_events" + clause), filter).mapTo(Long.class).one();
        List<Event> events = bind(h.createQuery("SELECT * FROM audit_events" + clause
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :skip"), filter)
                .bind("limit", limit).bind("skip", skip)
                .map((rs, ctx) -> new Event(rs.getLong("id"), Rows.nullableLong(rs, "actor_id"),
                        rs.getString("actor_username"), rs.getString("action"), rs.getString("entity_type"),
                        rs.getString("entity_id"), rs.getString("details") == null ? null : Json.read(rs.getString("details")),
                        rs.getString("request_id"), rs.getString("client_ip"),
                        Rows.instant(rs, "created_at", ctx)))
                .list();
        return new Page<>(events, total);
    }

    private static Query bind(Query query, Filter filter) {
        filter.action().ifPresent(v -> query.bind("action", v));
        filter.entityType().ifPresent(v -> query.bind("type", v));
        filter.entityId().ifPresent(v -> query.bind("entity", v));
        filter.actorId().ifPresent(v -> query.bind("actor", v));
        filter.since().ifPresent(v -> query.bind("since", v));
        filter.until().ifPresent(v -> query.bind("until", v));
        return query;
    }
}
