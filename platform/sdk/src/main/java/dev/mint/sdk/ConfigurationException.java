package dev.mint.sdk;

import java.util.Map;
import java.util.Optional;

/** Missing or wrong configuration. HTTP 500, code {@code CONFIGURATION_ERROR}. */
public class ConfigurationException extends PluginException {
    private final String configKey;

    public ConfigurationException(String message) {
        this(message, null, Map.of());
    }

    public ConfigurationException(String message, String configKey) {
        this(message, configKey, Map.of());
    }

    public ConfigurationException(String message, String configKey, Map<String, ?> details) {
        super(message, "CONFIGURATION_ERROR", details);
        this.configKey = configKey;
        detail("config_key", configKey);
    }

    public Optional<String> configKey() {
        return Optional.ofNullable(configKey);
    }
}
