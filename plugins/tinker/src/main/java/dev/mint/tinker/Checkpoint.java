package dev.mint.tinker;

import java.time.Instant;

/** A stored checkpoint, with the owner and project of its run. {@code archiveKey} is null until an archive is uploaded. */
record Checkpoint(long id, CheckpointRef ref, Instant createdAt, boolean isPublic, Instant expiresAt, String archiveKey,
                  Long sizeBytes, String sha256, long ownerId, String projectId) {

    boolean ownedBy(Caller caller) {
        return ownerId == caller.userId();
    }
}
