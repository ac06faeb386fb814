package dev.mint.tinker.client.model;

import java.util.List;

/** The training runs and samplers created in a session. */
public record GetSessionResponse(List<String> trainingRunIds, List<String> samplerIds) {
    public GetSessionResponse {
        trainingRunIds = Wire.requiredList(trainingRunIds, "training_run_ids");
        samplerIds = Wire.requiredList(samplerIds, "sampler_ids");
    }
}
