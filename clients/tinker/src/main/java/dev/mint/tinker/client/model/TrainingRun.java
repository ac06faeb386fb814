package dev.mint.tinker.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A training run (a model; upstream's docs also call it {@code ModelEntry}).
 *
 * @param trainingRunId         the model id, e.g. {@code <session>:train:0}
 * @param modelOwner            the owning principal
 * @param lastCheckpoint        the latest training checkpoint
 * @param lastSamplerCheckpoint the latest sampler checkpoint
 * @param userMetadata          what the run was created with; empty when none
 */
public record TrainingRun(String trainingRunId, String baseModel, String modelOwner,
                          @JsonProperty("is_lora") boolean isLora, boolean corrupted, Optional<Integer> loraRank,
                          Instant lastRequestTime, Optional<Checkpoint> lastCheckpoint,
                          Optional<Checkpoint> lastSamplerCheckpoint, Map<String, String> userMetadata) {
    public TrainingRun {
        Wire.required(trainingRunId, "training_run_id");
        Wire.required(baseModel, "base_model");
        Wire.required(modelOwner, "model_owner");
        Wire.required(lastRequestTime, "last_request_time");
        loraRank = Wire.opt(loraRank);
        lastCheckpoint = Wire.opt(lastCheckpoint);
        lastSamplerCheckpoint = Wire.opt(lastSamplerCheckpoint);
        userMetadata = Wire.map(userMetadata);
    }
}
