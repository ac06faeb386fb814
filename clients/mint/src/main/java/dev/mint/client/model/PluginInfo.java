package dev.mint.client.model;

import java.util.Optional;

/**
 * A plugin the platform has loaded, tried to, or installed for its next start: {@code status} is
 * {@code ready}, {@code failed} (see {@code error}) or {@code restart_required}; {@code source} is
 * {@code classpath}, {@code configuration} or the jar's file name in the plugins directory.
 */
public record PluginInfo(String name, String version, Optional<String> description, Optional<String> pluginType,
                         Optional<String> analysisType, Optional<String> routesPrefix, Optional<String> author,
                         Optional<String> homepage, Optional<String> license, String status, Optional<String> error,
                         Optional<String> source) {
}
