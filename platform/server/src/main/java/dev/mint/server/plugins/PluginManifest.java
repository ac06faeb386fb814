package dev.mint.server.plugins;

import dev.mint.sdk.PluginCapabilities;
import dev.mint.sdk.PluginMetadata;
import dev.mint.sdk.PluginType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code manifest.json} of a {@code .mint} bundle: the plugin's metadata as the wire writes it, the SDK
 * version it was built against, and where its jar is inside the bundle with the jar's SHA-256.
 *
 * <pre>{@code
 * {"name": "plate-notes", "version": "1.0.0", "description": "...", "plugin_type": "analysis",
 *  "routes_prefix": "/plate-notes", "capabilities": {"requires_auth": true, ...}, "dependencies": [],
 *  "sdk": {"java": "0.1.0"}, "files": {"jar": "plugin/plate-notes-1.0.0.jar", "jar_sha256": "..."}}
 * }</pre>
 */
public record PluginManifest(String name, String version, String description, String author, String homepage,
                             String license, String pluginType, String analysisType, String routesPrefix,
                             PluginCapabilities capabilities, List<String> dependencies, Map<String, String> sdk,
                             Files files) {

    /** Where the bundle keeps the plugin's jar, and its SHA-256 in hex. */
    public record Files(String jar, String jarSha256) {
    }

    public static PluginManifest of(PluginMetadata m, String sdkVersion, Files files) {
        return new PluginManifest(m.name(), m.version(), m.description(), m.author(), m.homepage(), m.license(),
                m.pluginType().wireName(), m.analysisType(), m.routesPrefix(), m.capabilities(), m.dependencies(),
                Map.of("java", sdkVersion), files);
    }

    /**
     * The metadata this manifest describes, validated as plugin code's own is.
     *
     * @throws IllegalArgumentException naming the first field that is missing or invalid
     */
    public PluginMetadata toMetadata() {
        require(name, "name");
        require(version, "version");
        require(routesPrefix, "routes_prefix");
        PluginType type = Optional.ofNullable(pluginType).map(PluginType::fromWire).orElse(PluginType.ANALYSIS);
        return PluginMetadata.builder(name, version).description(orEmpty(description)).author(orEmpty(author))
                .homepage(orEmpty(homepage)).license(orEmpty(license)).pluginType(type)
                .analysisType(orEmpty(analysisType)).routesPrefix(routesPrefix)
                .capabilities(capabilities == null ? PluginCapabilities.none() : capabilities)
                .dependencies(dependencies == null ? List.of() : dependencies).build();
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("manifest.json has no " + field);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
