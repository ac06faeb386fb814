package dev.mint.sdk.data;

import java.time.Instant;
import java.util.Map;

/** An experiment's design payload: one per experiment, owned by the plugin that wrote it. */
public record DesignData(long id, long experimentId, String pluginId, Map<String, Object> data, String schemaVersion,
                         Instant createdAt, Instant updatedAt) {
    public DesignData {
        data = Json.copy(data);
    }
}
