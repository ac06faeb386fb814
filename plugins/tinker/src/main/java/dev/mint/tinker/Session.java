package dev.mint.tinker;

import java.time.Instant;

/** A client session: what creates training runs and samplers. */
record Session(String id, long ownerId, String projectId, Instant createdAt) {
}
