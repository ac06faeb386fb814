package dev.mint.server.plugins;

import dev.mint.sdk.PluginMetadata;

/**
 * What the platform knows of a plugin it loaded, tried to load, or installed for the next start, as
 * {@code GET /api/plugins} lists it. {@code status} is {@code ready}, {@code failed} (with {@code error}
 * saying why) or {@code restart_required} (installed, loads at the next start); {@code source} is
 * {@code classpath}, {@code configuration} or the jar's file name in the plugins directory.
 */
public record PluginInfo(String name, String version, String description, String pluginType, String analysisType,
                         String routesPrefix, String author, String homepage, String license, String status,
                         String error, String source) {
    public static final String READY = "ready";
    public static final String FAILED = "failed";
    public static final String RESTART_REQUIRED = "restart_required";
    /** The source of plugins handed to the server in its configuration. */
    public static final String CONFIGURATION = "configuration";

    public static PluginInfo ready(PluginMetadata metadata) {
        return of(metadata, READY, null, CONFIGURATION);
    }

    public static PluginInfo failed(PluginMetadata metadata, String error) {
        return of(metadata, FAILED, error, CONFIGURATION);
    }

    public static PluginInfo of(PluginMetadata m, String status, String error, String source) {
        return new PluginInfo(m.name(), m.version(), m.description(), m.pluginType().wireName(), m.analysisType(),
                m.routesPrefix(), m.author(), m.homepage(), m.license(), status, error, source);
    }

    /** A plugin source (a jar, a class) that gave no usable plugin: named after the source. */
    public static PluginInfo unloadable(String name, String source, String error) {
        return new PluginInfo(name, "", "", "", "", "", "", "", "", FAILED, error, source);
    }

    /** True when the plugin came from a jar in the plugins directory (so it can be uninstalled). */
    public boolean fromPluginsDir() {
        return source != null && source.endsWith(".jar");
    }
}
