package dev.mint.tinker.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Optional;

/**
 * A saved checkpoint of a training run.
 *
 * @param checkpointId  {@code weights/<name>} or {@code sampler_weights/<name>}
 * @param tinkerPath    {@code tinker://<training_run_id>/<checkpointId>}
 * @param sizeBytes     the archive size, when the server knows it
 * @param isPublic      whether it is published (wire field {@code public})
 * @param expiresAt     when it expires; empty when it never does
 * @param trainingRunId the run, when the server sends it (upstream's type has no such field; see
 *                      {@link #runId()})
 */
public record Checkpoint(String checkpointId, CheckpointType checkpointType, Instant time, String tinkerPath,
                         Optional<Long> sizeBytes, @JsonProperty("public") boolean isPublic,
                         Optional<Instant> expiresAt, Optional<String> trainingRunId) {
    public Checkpoint {
        Wire.required(checkpointId, "checkpoint_id");
        Wire.required(checkpointType, "checkpoint_type");
        Wire.required(time, "time");
        Wire.required(tinkerPath, "tinker_path");
        sizeBytes = Wire.opt(sizeBytes);
        expiresAt = Wire.opt(expiresAt);
        trainingRunId = Wire.opt(trainingRunId);
    }

    /** The run this checkpoint belongs to: the server's {@code training_run_id}, else the run of its tinker path. */
    public Optional<String> runId() {
        if (trainingRunId.isPresent()) {
            return trainingRunId;
        }
        String rest = tinkerPath.startsWith("tinker://") ? tinkerPath.substring("tinker://".length()) : "";
        int slash = rest.indexOf('/');
        return slash > 0 ? Optional.of(rest.substring(0, slash)) : Optional.empty();
    }
}
