package dev.mint.tinker;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of checkpoints: who may see and change them, saving by name, publishing, TTLs, deletion and
 * the sweep of expired ones. Every change is written to the audit log; deleting a checkpoint deletes its
 * archive too.
 */
final class Registry {
    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);
    private static final int SWEEP_BATCH = 500;
    private static final long MAX_TTL_SECONDS = 100L * 365 * 24 * 3600;

    private final TrainingRuns runs;
    private final Checkpoints checkpoints;
    private final ArchiveStorage archives;
    private final AuditLog audit;
    private final Clock clock;

    Registry(TrainingRuns runs, Checkpoints checkpoints, ArchiveStorage archives, AuditLog audit, Clock clock) {
        this.runs = runs;
        this.checkpoints = checkpoints;
        this.archives = archives;
        this.audit = audit;
        this.clock = clock;
    }

    /** Saves a checkpoint of a run the caller owns (404 otherwise; 409 on an existing name without overwrite). */
    Checkpoint save(Caller caller, CheckpointRef ref, boolean overwrite, Long ttlSeconds) {
        requireOwnedRun(caller, ref.runId());
        Instant now = clock.instant();
        Instant expiresAt = ttlSeconds == null ? null : now.plusSeconds(positiveTtl(ttlSeconds));
        Checkpoints.Saved saved = checkpoints.save(ref, overwrite, expiresAt);
        saved.replacedArchive().ifPresent(archives::deleteQuietly);
        runs.touch(ref.runId(), now);
        audit.record(caller.userId(), AuditLog.Event.CHECKPOINT_CREATED, ref, now);
        return saved.checkpoint();
    }

    /** A checkpoint of a run the caller owns; 404 for anything else, as for one that does not exist. */
    Checkpoint owned(Caller caller, CheckpointRef ref) {
        requireOwnedRun(caller, ref.runId());
        return checkpoints.find(ref).filter(c -> c.ownedBy(caller)).orElseThrow(() -> notFound(ref));
    }

    /** A checkpoint the caller may read: their own, shared with one of their projects, or published. */
    Checkpoint readable(Caller caller, CheckpointRef ref) {
        return checkpoints.find(ref)
                .filter(c -> c.ownedBy(caller) || c.isPublic() || caller.inProject(c.projectId()))
                .orElseThrow(() -> notFound(ref));
    }

    /** Publishes (idempotent: publishing a public checkpoint changes nothing). */
    void publish(Caller caller, CheckpointRef ref, boolean isPublic) {
        Checkpoint checkpoint = owned(caller, ref);
        if (checkpoint.isPublic() == isPublic) {
            return;
        }
        checkpoints.setPublic(checkpoint.id(), isPublic);
        audit.record(caller.userId(), isPublic ? AuditLog.Event.CHECKPOINT_PUBLISHED : AuditLog.Event.CHECKPOINT_UNPUBLISHED,
                ref, clock.instant());
    }

    /** Sets the checkpoint to expire {@code ttlSeconds} from now, or (null) never. */
    void setTtl(Caller caller, CheckpointRef ref, Long ttlSeconds) {
        Checkpoint checkpoint = owned(caller, ref);
        Instant now = clock.instant();
        checkpoints.setExpiry(checkpoint.id(), ttlSeconds == null ? null : now.plusSeconds(positiveTtl(ttlSeconds)));
        audit.record(caller.userId(), ttlSeconds == null ? AuditLog.Event.CHECKPOINT_TTL_REMOVED
                : AuditLog.Event.CHECKPOINT_TTL_SET, ref, now);
    }

    /** Deletes the checkpoint and its archive. */
    void delete(Caller caller, CheckpointRef ref) {
        Checkpoint checkpoint = owned(caller, ref);
        remove(checkpoint, caller.userId(), AuditLog.Event.CHECKPOINT_DELETED);
    }

    /** Deletes every checkpoint whose TTL has passed, with its archive; answers how many. */
    int sweep() {
        Instant now = clock.instant();
        int swept = 0;
        List<Checkpoint> batch;
        do {
            batch = checkpoints.expired(now, SWEEP_BATCH);
            for (Checkpoint checkpoint : batch) {
                remove(checkpoint, null, AuditLog.Event.CHECKPOINT_EXPIRED);
                swept++;
            }
        } while (batch.size() == SWEEP_BATCH);
        if (swept > 0) {
            LOG.info("Swept {} expired checkpoint(s)", swept);
        }
        return swept;
    }

    private void remove(Checkpoint checkpoint, Long actor, AuditLog.Event event) {
        if (checkpoints.delete(checkpoint.id())) {
            Optional.ofNullable(checkpoint.archiveKey()).ifPresent(archives::deleteQuietly);
            audit.record(actor, event, checkpoint.ref(), clock.instant());
        }
    }

    private void requireOwnedRun(Caller caller, String runId) {
        if (runs.findOwned(caller, runId).isEmpty()) {
            throw TinkerError.notFound("Training run not found: " + runId);
        }
    }

    private static long positiveTtl(long ttlSeconds) {
        if (ttlSeconds <= 0) {
            throw TinkerError.badRequest("ttl_seconds must be positive (a TTL in the past or now is not accepted), not "
                    + ttlSeconds + "; send null to remove the TTL");
        }
        if (ttlSeconds > MAX_TTL_SECONDS) {
            throw TinkerError.badRequest("ttl_seconds may be at most " + MAX_TTL_SECONDS + " (100 years), not " + ttlSeconds);
        }
        return ttlSeconds;
    }

    static TinkerError notFound(CheckpointRef ref) {
        return TinkerError.notFound("Checkpoint not found: " + ref.tinkerPath());
    }
}
