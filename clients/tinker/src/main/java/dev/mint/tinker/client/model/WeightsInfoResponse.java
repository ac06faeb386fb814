package dev.mint.tinker.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * What it takes to rebuild a trainer from a checkpoint. Upstream treats an absent {@code train_*} flag as true;
 * {@link #trainsUnembed()} and its siblings apply that default.
 */
public record WeightsInfoResponse(String baseModel, @JsonProperty("is_lora") boolean isLora, Optional<Integer> loraRank,
                                  Optional<Boolean> trainUnembed, Optional<Boolean> trainMlp,
                                  Optional<Boolean> trainAttn) {
    public WeightsInfoResponse {
        Wire.required(baseModel, "base_model");
        loraRank = Wire.opt(loraRank);
        trainUnembed = Wire.opt(trainUnembed);
        trainMlp = Wire.opt(trainMlp);
        trainAttn = Wire.opt(trainAttn);
    }

    public boolean trainsUnembed() {
        return trainUnembed.orElse(true);
    }

    public boolean trainsMlp() {
        return trainMlp.orElse(true);
    }

    public boolean trainsAttn() {
        return trainAttn.orElse(true);
    }
}
