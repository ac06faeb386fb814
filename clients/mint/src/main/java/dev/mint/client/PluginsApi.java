package dev.mint.client;

import dev.mint.client.core.ApiRequest;
import dev.mint.client.model.PluginConfig;
import dev.mint.client.model.PluginInfo;
import java.util.List;
import java.util.Map;

/**
 * Installed plugins and their configuration. Obtain through {@link MintClient#plugins()}. Installing and
 * uninstalling packages is not offered by this platform: plugins are jars placed in its plugins directory.
 */
public final class PluginsApi {
    private final MintHttp http;

    PluginsApi(MintHttp http) {
        this.http = http;
    }

    /** Loaded and failed plugins, by name. */
    public List<PluginInfo> list() {
        return http.list(ApiRequest.get("/api/plugins"), "plugins", PluginInfo.class);
    }

    /** {@code GET /api/plugins/{name}/config}. */
    public PluginConfig getConfig(String pluginName) {
        return http.call(ApiRequest.get(configPath(pluginName)), PluginConfig.class);
    }

    /**
     * {@code PATCH}: merges the given top-level keys into the stored config; a key mapped to {@code null}
     * is removed.
     */
    public PluginConfig updateConfig(String pluginName, Map<String, ?> changes) {
        return http.call(http.jsonRequest("PATCH", configPath(pluginName),
                Map.of("config", Fields.required(changes, "changes"))), PluginConfig.class);
    }

    /** {@code PUT}: replaces the whole config, whatever its revision. */
    public PluginConfig setConfig(String pluginName, Map<String, ?> config) {
        return http.call(http.jsonRequest("PUT", configPath(pluginName),
                Map.of("config", Fields.required(config, "config"))), PluginConfig.class);
    }

    /**
     * {@code PUT} with {@code If-Match}: replaces the config only if its revision is still
     * {@code expectedRevision}.
     *
     * @throws MintConflictException when someone changed it since; re-read and retry
     */
    public PluginConfig setConfig(String pluginName, Map<String, ?> config, String expectedRevision) {
        ApiRequest request = http.jsonRequest("PUT", configPath(pluginName),
                Map.of("config", Fields.required(config, "config"))).toBuilder()
                .header("If-Match", "\"" + Fields.required(expectedRevision, "expectedRevision") + "\"").build();
        return http.call(request, PluginConfig.class);
    }

    private static String configPath(String pluginName) {
        return "/api/plugins/" + MintHttp.segment(pluginName) + "/config";
    }
}
