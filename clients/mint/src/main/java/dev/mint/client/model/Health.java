package dev.mint.client.model;

import java.util.List;
import java.util.Optional;

/** {@code GET /api/health}: platform status, version, database kind and loaded plugins. */
public record Health(String status, Optional<String> version, Optional<String> bootId, Optional<String> database,
                     List<PluginStatus> plugins) {
    public Health {
        plugins = Models.list(plugins);
    }

    /** One plugin's name, version and status as health reports it. */
    public record PluginStatus(String name, Optional<String> version, Optional<String> status) {
    }
}
