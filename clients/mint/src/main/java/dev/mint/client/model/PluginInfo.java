package dev.mint.client.model;

import java.util.Optional;

/** A plugin the platform has loaded, or tried to: {@code status} is {@code ready} or {@code failed}. */
public record PluginInfo(String name, String version, Optional<String> description, Optional<String> pluginType,
                         Optional<String> analysisType, Optional<String> routesPrefix, Optional<String> author,
                         Optional<String> homepage, Optional<String> license, String status, Optional<String> error) {
}
