package dev.mint.minima.client.model;

import java.util.List;
import java.util.Optional;

/**
 * The answer of {@code GET /v1/strategies}. When the memory layer is down the list is empty and
 * {@code warnings} holds {@code memory_unavailable}.
 *
 * @param lane the memory lane read, {@code minima:<namespace>}
 */
public record StrategiesResponse(Optional<String> namespace, String lane, List<Strategy> strategies, int count,
                                 List<String> warnings) {
    public StrategiesResponse {
        namespace = Wire.opt(namespace);
        lane = Wire.text(lane);
        strategies = Wire.list(strategies);
        warnings = Wire.list(warnings);
    }
}
