package dev.mint.minima.client.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@code GET /v1/models}: the catalog, cheapest input price first.
 *
 * @param catalogVersion e.g. {@code fallback-snapshot-2026-07}
 * @param refreshedAt    when prices were last refreshed; empty for a bundled snapshot
 * @param stale          whether prices are older than the server's freshness window
 */
public record ModelsResponse(List<ModelCard> models, String catalogVersion, Optional<Instant> refreshedAt,
                             boolean stale) {
    public ModelsResponse {
        models = Wire.list(models);
        catalogVersion = Wire.text(catalogVersion);
        refreshedAt = Wire.opt(refreshedAt);
    }

    /** The card of one model, by id. */
    public Optional<ModelCard> find(String modelId) {
        Objects.requireNonNull(modelId, "modelId == null");
        return models.stream().filter(card -> card.modelId().equals(modelId)).findFirst();
    }
}
