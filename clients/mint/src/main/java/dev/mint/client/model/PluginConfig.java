package dev.mint.client.model;

import java.util.Map;
import java.util.Optional;

/**
 * A plugin's stored configuration. {@code revision} is opaque; pass it back to
 * {@code plugins().setConfig(name, config, revision)} to replace the config only if nobody changed it since.
 */
public record PluginConfig(String pluginName, Map<String, Object> config, Optional<String> revision) {
    public PluginConfig {
        config = Models.map(config);
    }
}
