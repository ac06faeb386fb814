package dev.mint.tinker;

import dev.mint.sdk.PluginDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sessions and their samplers. */
final class Sessions {
    private final PluginDatabase db;

    Sessions(PluginDatabase db) {
        this.db = db;
    }

    void create(Session session, List<String> tags, Map<String, String> userMetadata, String sdkVersion) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO " + db.table("sessions") + " (id, owner_id, project_id, tags,"
                        + " user_metadata, sdk_version, created_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, session.id()).bind(1, session.ownerId()).bind(2, session.projectId()).bind(3, Json.write(tags))
                .bind(4, Json.write(userMetadata)).bind(5, sdkVersion).bind(6, session.createdAt().toEpochMilli())
                .bind(7, session.createdAt().toEpochMilli()).execute());
    }

    /** A session of the scope; another's (outside the scope) is not found. */
    Optional<Session> find(Caller caller, AccessScope scope, String id) {
        Visibility v = Visibility.sessions(caller, scope);
        return db.jdbi().withHandle(h -> h.createQuery("SELECT s.id, s.owner_id, s.project_id, s.created_at FROM "
                        + db.table("sessions") + " s WHERE s.id = :id AND " + v.sql())
                .bind("id", id).bindMap(v.binds())
                .map((rs, ctx) -> session(rs))
                .findOne());
    }

    /** A session of the scope; 404 when there is none (another's, outside the scope, is not found either). */
    Session require(Caller caller, AccessScope scope, String id) {
        return find(caller, scope, id).orElseThrow(() -> TinkerError.notFound("Session not found: " + id));
    }

    /** A session by id, whoever owns it; callers check access. */
    Optional<Session> get(String id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id, owner_id, project_id, created_at FROM "
                        + db.table("sessions") + " WHERE id = ?")
                .bind(0, id)
                .map((rs, ctx) -> session(rs))
                .findOne());
    }

    /** A session from a row of {@code id, owner_id, project_id, created_at}. */
    private static Session session(ResultSet rs) throws SQLException {
        return new Session(rs.getString(1), rs.getLong(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
    }

    /** Session ids of the scope, newest first. */
    List<String> list(Caller caller, AccessScope scope, Paging paging) {
        Visibility v = Visibility.sessions(caller, scope);
        return db.jdbi().withHandle(h -> h.createQuery("SELECT s.id FROM " + db.table("sessions") + " s WHERE " + v.sql()
                        + " ORDER BY s.created_at DESC, s.id LIMIT :limit OFFSET :offset")
                .bindMap(v.binds()).bind("limit", paging.limit()).bind("offset", paging.offset())
                .mapTo(String.class).list());
    }

    /** Marks the session alive; false when the caller owns no such session. */
    boolean heartbeat(Caller caller, String id, Instant now) {
        return db.jdbi().withHandle(h -> h.createUpdate("UPDATE " + db.table("sessions") + " SET heartbeat_at = ?"
                        + " WHERE id = ? AND owner_id = ?")
                .bind(0, now.toEpochMilli()).bind(1, id).bind(2, caller.userId()).execute()) > 0;
    }

    void setProject(String id, String projectId) {
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE " + db.table("sessions") + " SET project_id = ? WHERE id = ?")
                .bind(0, projectId).bind(1, id).execute());
    }

    /** Ids of the session's training runs and samplers, oldest first. */
    List<String> trainingRunIds(String sessionId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM " + db.table("training_runs")
                        + " WHERE session_id = ? ORDER BY created_at, id")
                .bind(0, sessionId).mapTo(String.class).list());
    }

    List<String> samplerIds(String sessionId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM " + db.table("samplers")
                        + " WHERE session_id = ? ORDER BY created_at, id")
                .bind(0, sessionId).mapTo(String.class).list());
    }

    /** Registers a sampler; an existing one of the same id is kept (a retried create). */
    Sampler createSampler(Sampler sampler, Instant now) {
        return db.jdbi().inTransaction(h -> {
            Optional<Sampler> existing = findSampler(h, sampler.id());
            if (existing.isPresent()) {
                return existing.get();
            }
            h.createUpdate("INSERT INTO " + db.table("samplers") + " (id, session_id, owner_id, base_model, model_path,"
                            + " created_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .bind(0, sampler.id()).bind(1, sampler.sessionId()).bind(2, sampler.ownerId())
                    .bind(3, sampler.baseModel()).bind(4, sampler.modelPath()).bind(5, now.toEpochMilli()).execute();
            return sampler;
        });
    }

    /** A sampler the caller owns or that is in one of their projects' sessions. */
    Optional<Sampler> findSampler(Caller caller, String id) {
        Visibility v = Visibility.sessions(caller, AccessScope.ACCESSIBLE);
        return db.jdbi().withHandle(h -> h.createQuery("SELECT m.id, m.session_id, m.owner_id, m.base_model, m.model_path FROM "
                        + db.table("samplers") + " m JOIN " + db.table("sessions") + " s ON s.id = m.session_id"
                        + " WHERE m.id = :id AND " + v.sql())
                .bind("id", id).bindMap(v.binds())
                .map((rs, ctx) -> new Sampler(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5)))
                .findOne());
    }

    private Optional<Sampler> findSampler(org.jdbi.v3.core.Handle h, String id) {
        return h.createQuery("SELECT id, session_id, owner_id, base_model, model_path FROM " + db.table("samplers")
                        + " WHERE id = ?")
                .bind(0, id)
                .map((rs, ctx) -> new Sampler(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5)))
                .findOne();
    }
}
