package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * One recalled past outcome behind a model's estimate.
 *
 * @param score               retrieval similarity of the past task to this one
 * @param knowledgeConfidence the memory's reliability estimate for the entry, in [0, 1]
 * @param observedSuccess     the recorded quality, else 1 / 0.5 / 0 for success / partial / failure
 */
public record EvidenceRef(String entryId, Optional<String> referenceId, String modelId, double score,
                          double knowledgeConfidence, double observedSuccess,
                          @JsonProperty("is_stale") boolean isStale) {
    public EvidenceRef {
        entryId = Wire.text(entryId);
        referenceId = Wire.opt(referenceId);
        modelId = Wire.text(modelId);
    }
}
