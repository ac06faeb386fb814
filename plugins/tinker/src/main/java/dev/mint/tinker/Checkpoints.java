package dev.mint.tinker;

import dev.mint.sdk.PluginDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Checkpoints of training runs. A checkpoint past its {@code expires_at} is gone for every reader at once,
 * before the sweeper deletes it.
 */
final class Checkpoints {
    private static final String SELECT = "SELECT c.id, c.training_run_id, c.kind, c.name, c.created_at, c.is_public,"
            + " c.expires_at, c.archive_key, c.size_bytes, c.sha256, r.owner_id, s.project_id";
    private static final String LIVE = " (c.expires_at IS NULL OR c.expires_at > :now)";

    /** A saved checkpoint, and the archive of the one it replaced (to delete), if any. */
    record Saved(Checkpoint checkpoint, Optional<String> replacedArchive) {
    }

    private final PluginDatabase db;
    private final Clock clock;

    Checkpoints(PluginDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Registers a checkpoint by name.
     *
     * @throws TinkerError 409 when the name exists and {@code overwrite} is false
     */
    Saved save(CheckpointRef ref, boolean overwrite, Instant expiresAt) {
        Instant now = clock.instant();
        return db.jdbi().inTransaction(h -> {
            Optional<Checkpoint> existing = find(h, ref, now);
            if (existing.isPresent() && !overwrite) {
                throw TinkerError.conflict("Checkpoint " + ref.tinkerPath() + " already exists; save with overwrite"
                        + " to replace it");
            }
            // The archive of the row that gives way: a live one overwritten, or an expired one the sweeper has not
            // reached yet.
            Optional<String> replaced = h.createQuery("SELECT archive_key FROM " + db.table("checkpoints")
                            + " WHERE training_run_id = ? AND kind = ? AND name = ? AND archive_key IS NOT NULL")
                    .bind(0, ref.runId()).bind(1, ref.kind().segment()).bind(2, ref.name()).mapTo(String.class).findOne();
            replaced.ifPresent(key -> archiveRemoved(h, key, now));
            int removed = h.createUpdate("DELETE FROM " + db.table("checkpoints") + " WHERE training_run_id = ? AND kind = ?"
                            + " AND name = ?")
                    .bind(0, ref.runId()).bind(1, ref.kind().segment()).bind(2, ref.name()).execute();
            // The owner is the run's (listing a user's checkpoints reads it off an index); a run's owner never changes.
            h.createUpdate("INSERT INTO " + db.table("checkpoints") + " (training_run_id, kind, name, created_at, is_public,"
                            + " expires_at, owner_id) SELECT ?, ?, ?, ?, ?, ?, r.owner_id FROM " + db.table("training_runs")
                            + " r WHERE r.id = ?")
                    .bind(0, ref.runId()).bind(1, ref.kind().segment()).bind(2, ref.name()).bind(3, now.toEpochMilli())
                    .bind(4, false).bind(5, expiresAt == null ? null : expiresAt.toEpochMilli()).bind(6, ref.runId()).execute();
            if (removed == 0) {
                count(h, ref.runId(), 1);
            }
            return new Saved(find(h, ref, now).orElseThrow(), replaced);
        });
    }

    /** A live checkpoint, whoever owns it; callers check access. */
    Optional<Checkpoint> find(CheckpointRef ref) {
        return db.jdbi().withHandle(h -> find(h, ref, clock.instant()));
    }

    /** The run's live checkpoints the caller may read, newest first. */
    List<Checkpoint> ofRun(Caller caller, String runId) {
        Visibility v = Visibility.readableCheckpoints(caller);
        return db.jdbi().withHandle(h -> h.createQuery(SELECT + from() + " WHERE c.training_run_id = :run AND " + LIVE
                        + " AND " + v.sql() + " ORDER BY c.created_at DESC, c.id DESC")
                .bind("run", runId).bind("now", clock.millis()).bindMap(v.binds()).map((rs, ctx) -> row(rs)).list());
    }

    /** The newest live checkpoint of a kind the caller may read. */
    Optional<Checkpoint> latest(Caller caller, String runId, CheckpointKind kind) {
        Visibility v = Visibility.readableCheckpoints(caller);
        return db.jdbi().withHandle(h -> h.createQuery(SELECT + from() + " WHERE c.training_run_id = :run AND c.kind = :kind"
                        + " AND " + LIVE + " AND " + v.sql() + " ORDER BY c.created_at DESC, c.id DESC LIMIT 1")
                .bind("run", runId).bind("kind", kind.segment()).bind("now", clock.millis()).bindMap(v.binds())
                .map((rs, ctx) -> row(rs)).findOne());
    }

    /** Live checkpoints of every run the caller owns, newest first: one range of the {@code (owner_id, created_at, id)} index. */
    List<Checkpoint> owned(long ownerId, Paging paging) {
        return db.jdbi().withHandle(h -> h.createQuery(SELECT + from() + " WHERE c.owner_id = :me AND " + LIVE
                        + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
                .bind("me", ownerId).bind("now", clock.millis()).bind("limit", paging.limit())
                .bind("offset", paging.offset()).map((rs, ctx) -> row(rs)).list());
    }

    /**
     * The owner's checkpoint rows (kept in {@code checkpoint_counts}) less those past their expiry that the sweeper has
     * not removed yet (a range of the {@code (owner_id, expires_at)} index); every checkpoint has its run and session.
     */
    long countOwned(long ownerId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE((SELECT total FROM " + db.table("checkpoint_counts")
                        + " WHERE owner_id = :me), 0) - (SELECT count(*) FROM " + db.table("checkpoints")
                        + " WHERE owner_id = :me AND expires_at <= :now)")
                .bind("me", ownerId).bind("now", clock.millis()).mapTo(Long.class).one());
    }

    /** Adds {@code delta} to the checkpoint count of the owner of {@code runId}, in the caller's transaction. */
    private void count(Handle h, String runId, int delta) {
        h.createUpdate("INSERT INTO " + db.table("checkpoint_counts") + " AS k (owner_id, total) SELECT r.owner_id, ? FROM "
                        + db.table("training_runs") + " r WHERE r.id = ? ON CONFLICT (owner_id) DO UPDATE"
                        + " SET total = k.total + excluded.total")
                .bind(0, delta).bind(1, runId).execute();
    }

    /** Ends the lifetime of an archive (for storage usage), in the caller's transaction. */
    private void archiveRemoved(Handle h, String key, Instant at) {
        h.createUpdate("UPDATE " + db.table("archive_lifetimes") + " SET removed_at = ? WHERE archive_key = ? AND removed_at IS NULL")
                .bind(0, at.toEpochMilli()).bind(1, key).execute();
    }

    void setPublic(long id, boolean isPublic) {
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE " + db.table("checkpoints") + " SET is_public = ? WHERE id = ?")
                .bind(0, isPublic).bind(1, id).execute());
    }

    void setExpiry(long id, Instant expiresAt) {
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE " + db.table("checkpoints") + " SET expires_at = ? WHERE id = ?")
                .bind(0, expiresAt == null ? null : expiresAt.toEpochMilli()).bind(1, id).execute());
    }

    /** The outcome of attaching an archive: the key of the archive it replaced, or null. */
    record Attached(String replacedKey) {
    }

    /** Records the archive of a checkpoint; empty when the checkpoint was deleted meanwhile. */
    Optional<Attached> attachArchive(long id, String key, long size, String sha256) {
        return db.jdbi().inTransaction(h -> {
            Optional<Attached> previous = h.createQuery("SELECT archive_key FROM " + db.table("checkpoints") + " WHERE id = ?")
                    .bind(0, id).map((rs, ctx) -> new Attached(rs.getString(1))).findOne();
            if (previous.isEmpty()) {
                return previous;
            }
            Instant now = clock.instant();
            Optional.ofNullable(previous.get().replacedKey()).ifPresent(old -> archiveRemoved(h, old, now));
            h.createUpdate("UPDATE " + db.table("checkpoints") + " SET archive_key = ?, size_bytes = ?, sha256 = ? WHERE id = ?")
                    .bind(0, key).bind(1, size).bind(2, sha256).bind(3, id).execute();
            h.createUpdate("INSERT INTO " + db.table("archive_lifetimes") + " (archive_key, training_run_id, owner_id, size_bytes,"
                            + " stored_at) SELECT ?, training_run_id, owner_id, ?, ? FROM " + db.table("checkpoints") + " WHERE id = ?")
                    .bind(0, key).bind(1, size).bind(2, now.toEpochMilli()).bind(3, id).execute();
            return previous;
        });
    }

    /** Deletes a checkpoint row; answers whether it existed. */
    boolean delete(long id) {
        return db.jdbi().inTransaction(h -> {
            record Row(String run, String archive) {
            }
            Optional<Row> row = h.createQuery("SELECT training_run_id, archive_key FROM " + db.table("checkpoints") + " WHERE id = ?")
                    .bind(0, id).map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2))).findOne();
            boolean deleted = row.isPresent() && h.createUpdate("DELETE FROM " + db.table("checkpoints") + " WHERE id = ?")
                    .bind(0, id).execute() > 0;
            if (deleted) {
                count(h, row.get().run(), -1);
                Optional.ofNullable(row.get().archive()).ifPresent(key -> archiveRemoved(h, key, clock.instant()));
            }
            return deleted;
        });
    }

    /** Checkpoints whose expiry has passed, oldest expiry first, at most {@code max}. */
    List<Checkpoint> expired(Instant now, int max) {
        return db.jdbi().withHandle(h -> h.createQuery(SELECT + from() + " WHERE c.expires_at IS NOT NULL"
                        + " AND c.expires_at <= :now ORDER BY c.expires_at LIMIT :max")
                .bind("now", now.toEpochMilli()).bind("max", max).map((rs, ctx) -> row(rs)).list());
    }

    /** A live checkpoint by row id. */
    Optional<Checkpoint> byId(long id) {
        return db.jdbi().withHandle(h -> h.createQuery(SELECT + from() + " WHERE c.id = :id AND " + LIVE)
                .bind("id", id).bind("now", clock.millis()).map((rs, ctx) -> row(rs)).findOne());
    }

    /** The live checkpoint whose current archive is {@code key} (signed download URLs name the archive). */
    Optional<Checkpoint> byArchive(String key) {
        return db.jdbi().withHandle(h -> h.createQuery(SELECT + from() + " WHERE c.archive_key = :key AND " + LIVE)
                .bind("key", key).bind("now", clock.millis()).map((rs, ctx) -> row(rs)).findOne());
    }

    private Optional<Checkpoint> find(Handle h, CheckpointRef ref, Instant now) {
        return h.createQuery(SELECT + from() + " WHERE c.training_run_id = :run AND c.kind = :kind AND c.name = :name AND " + LIVE)
                .bind("run", ref.runId()).bind("kind", ref.kind().segment()).bind("name", ref.name())
                .bind("now", now.toEpochMilli()).map((rs, ctx) -> row(rs)).findOne();
    }

    private String from() {
        return " FROM " + db.table("checkpoints") + " c JOIN " + db.table("training_runs") + " r ON r.id = c.training_run_id"
                + " JOIN " + db.table("sessions") + " s ON s.id = r.session_id";
    }

    private static Checkpoint row(ResultSet rs) throws SQLException {
        long expires = rs.getLong(7);
        Instant expiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
        long size = rs.getLong(9);
        Long sizeBytes = rs.wasNull() ? null : size;
        CheckpointRef ref = new CheckpointRef(rs.getString(2), CheckpointKind.fromSegment(rs.getString(3)), rs.getString(4));
        return new Checkpoint(rs.getLong(1), ref, Instant.ofEpochMilli(rs.getLong(5)), rs.getBoolean(6), expiresAt,
                rs.getString(8), sizeBytes, rs.getString(10), rs.getLong(11), rs.getString(12));
    }
}
