package dev.mint.tinker.client.model;

import java.util.Optional;

/**
 * A sampler (sampling session).
 *
 * @param samplerId e.g. {@code <session>:sample:0}
 * @param modelPath the sampler checkpoint it samples from; empty for a base-model sampler
 */
public record GetSamplerResponse(String samplerId, String baseModel, Optional<String> modelPath) {
    public GetSamplerResponse {
        Wire.required(samplerId, "sampler_id");
        Wire.required(baseModel, "base_model");
        modelPath = Wire.opt(modelPath);
    }
}
