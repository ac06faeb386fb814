package dev.mint.sdk;

import java.util.Map;
import java.util.Optional;

/** A plugin failed in a lifecycle phase (migrate, initialize, ...). HTTP 500, code {@code LIFECYCLE_ERROR}. */
public class PluginLifecycleException extends PluginException {
    private final String phase;
    private final String pluginName;

    public PluginLifecycleException(String message, String phase, String pluginName) {
        this(message, phase, pluginName, Map.of());
    }

    public PluginLifecycleException(String message, String phase, String pluginName, Map<String, ?> details) {
        super(message, "LIFECYCLE_ERROR", details);
        this.phase = phase;
        this.pluginName = pluginName;
        detail("phase", phase);
        detail("plugin_name", pluginName);
    }

    public Optional<String> phase() {
        return Optional.ofNullable(phase);
    }

    public Optional<String> pluginName() {
        return Optional.ofNullable(pluginName);
    }
}
