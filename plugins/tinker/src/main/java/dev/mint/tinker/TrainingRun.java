package dev.mint.tinker;

import java.time.Instant;
import java.util.Map;

/** A training run (a LoRA over a base model) as stored; {@code ownerName} is the owner's username when it was created. */
record TrainingRun(String id, String sessionId, long ownerId, String ownerName, String baseModel, Integer loraRank, boolean trainUnembed,
                   boolean trainMlp, boolean trainAttn, Map<String, String> userMetadata, Instant createdAt,
                   Instant lastRequestAt) {
}
