package dev.mint.tinker;

import dev.mint.sdk.PluginDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Training runs. */
final class TrainingRuns {
    private static final String COLUMNS = "r.id, r.session_id, r.owner_id, r.owner_name, r.base_model, r.lora_rank, r.train_unembed,"
            + " r.train_mlp, r.train_attn, r.user_metadata, r.created_at, r.last_request_at";

    private final PluginDatabase db;

    TrainingRuns(PluginDatabase db) {
        this.db = db;
    }

    /** Registers a run; an existing run of the same id is returned as it is (a retried create). */
    TrainingRun create(TrainingRun run) {
        return db.jdbi().inTransaction(h -> {
            Optional<TrainingRun> existing = byId(h, run.id());
            if (existing.isPresent()) {
                return existing.get();
            }
            h.createUpdate("INSERT INTO " + db.table("training_runs") + " (id, session_id, owner_id, owner_name, base_model,"
                            + " lora_rank, train_unembed, train_mlp, train_attn, user_metadata, created_at, last_request_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, run.id()).bind(1, run.sessionId()).bind(2, run.ownerId()).bind(3, run.ownerName())
                    .bind(4, run.baseModel()).bind(5, run.loraRank()).bind(6, run.trainUnembed()).bind(7, run.trainMlp())
                    .bind(8, run.trainAttn()).bind(9, run.userMetadata() == null ? null : Json.write(run.userMetadata()))
                    .bind(10, run.createdAt().toEpochMilli()).bind(11, run.lastRequestAt().toEpochMilli()).execute();
            return run;
        });
    }

    /** A run of the scope; one outside it is not found. */
    Optional<TrainingRun> find(Caller caller, AccessScope scope, String id) {
        Visibility v = Visibility.runs(caller, scope, db.table("checkpoints"));
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM " + from() + " WHERE r.id = :id AND "
                        + v.sql())
                .bind("id", id).bindMap(v.binds()).map((rs, ctx) -> row(rs)).findOne());
    }

    /** A run by id, whoever owns it; callers check access. */
    Optional<TrainingRun> get(String id) {
        return db.jdbi().withHandle(h -> byId(h, id));
    }

    /** A run the caller owns. */
    Optional<TrainingRun> findOwned(Caller caller, String id) {
        return find(caller, AccessScope.OWNED, id);
    }

    /** Runs of the scope, newest first, optionally of one project. */
    List<TrainingRun> list(Caller caller, AccessScope scope, String projectId, Paging paging) {
        Visibility v = Visibility.runs(caller, scope, db.table("checkpoints"));
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM " + from() + " WHERE " + v.sql()
                        + (projectId == null ? "" : " AND s.project_id = :project")
                        + " ORDER BY r.created_at DESC, r.id LIMIT :limit OFFSET :offset")
                .bindMap(v.binds()).bind("project", projectId).bind("limit", paging.limit()).bind("offset", paging.offset())
                .map((rs, ctx) -> row(rs)).list());
    }

    long count(Caller caller, AccessScope scope, String projectId) {
        Visibility v = Visibility.runs(caller, scope, db.table("checkpoints"));
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + from() + " WHERE " + v.sql()
                        + (projectId == null ? "" : " AND s.project_id = :project"))
                .bindMap(v.binds()).bind("project", projectId).mapTo(Long.class).one());
    }

    /** Records a request on the run (its {@code last_request_time}). */
    void touch(String id, Instant now) {
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE " + db.table("training_runs") + " SET last_request_at = ? WHERE id = ?")
                .bind(0, now.toEpochMilli()).bind(1, id).execute());
    }

    private String from() {
        return db.table("training_runs") + " r JOIN " + db.table("sessions") + " s ON s.id = r.session_id";
    }

    private Optional<TrainingRun> byId(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM " + db.table("training_runs") + " r WHERE r.id = ?")
                .bind(0, id).map((rs, ctx) -> row(rs)).findOne();
    }

    private static TrainingRun row(ResultSet rs) throws SQLException {
        int rank = rs.getInt(6);
        Integer loraRank = rs.wasNull() ? null : rank;
        return new TrainingRun(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), loraRank,
                rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9), Json.stringMap(rs.getString(10)),
                Instant.ofEpochMilli(rs.getLong(11)), Instant.ofEpochMilli(rs.getLong(12)));
    }
}
