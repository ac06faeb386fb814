package dev.mint.server.plugins;

import dev.mint.sdk.PluginMetadata;

/**
 * What the platform knows of a plugin it loaded or tried to load, as {@code GET /api/plugins} lists it.
 * {@code status} is {@code ready} or {@code failed}; {@code error} says why a plugin failed.
 */
public record PluginInfo(String name, String version, String description, String pluginType, String analysisType,
                         String routesPrefix, String author, String homepage, String license, String status,
                         String error) {
    public static final String READY = "ready";
    public static final String FAILED = "failed";

    public static PluginInfo ready(PluginMetadata metadata) {
        return of(metadata, READY, null);
    }

    public static PluginInfo failed(PluginMetadata metadata, String error) {
        return of(metadata, FAILED, error);
    }

    /** A plugin source (a jar, a class) that gave no usable plugin: named after the source. */
    public static PluginInfo unloadable(String source, String error) {
        return new PluginInfo(source, "", "", "", "", "", "", "", "", FAILED, error);
    }

    private static PluginInfo of(PluginMetadata m, String status, String error) {
        return new PluginInfo(m.name(), m.version(), m.description(), m.pluginType().wireName(), m.analysisType(),
                m.routesPrefix(), m.author(), m.homepage(), m.license(), status, error);
    }
}
