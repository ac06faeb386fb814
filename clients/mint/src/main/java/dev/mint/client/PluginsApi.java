package dev.mint.client;

import dev.mint.client.core.ApiRequest;
import dev.mint.client.model.PluginConfig;
import dev.mint.client.model.PluginInfo;
import dev.mint.client.model.PluginInstallReport;
import dev.mint.client.model.PluginUninstallReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Installed plugins, their configuration, and installing and uninstalling {@code .mint} bundles (admins).
 * Obtain through {@link MintClient#plugins()}.
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

    /** Installs a {@code .mint} bundle (see {@code mint build}); refused when a plugin of that name is installed. */
    public PluginInstallReport install(Path bundle) {
        return install(bundle, false);
    }

    /**
     * {@code POST /api/plugins/upload}: installs a {@code .mint} bundle; with {@code force}, replaces an
     * installed plugin of the same name. The plugin loads when the platform restarts.
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws MintValidationException when the bundle is not valid (the message says why)
     * @throws MintConflictException when the name or routes prefix is taken
     */
    public PluginInstallReport install(Path bundle, boolean force) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Fields.required(bundle, "bundle"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + bundle + ": " + e.getMessage(), e);
        }
        ApiRequest.Builder request = ApiRequest.builder("POST", "/api/plugins/upload")
                .body(bytes, "application/octet-stream");
        if (force) {
            request.query("force", "true");
        }
        return http.call(request.build(), PluginInstallReport.class);
    }

    /** Uninstalls a plugin installed from a bundle, keeping its data. */
    public PluginUninstallReport uninstall(String pluginName) {
        return uninstall(pluginName, PluginDataMode.KEEP);
    }

    /**
     * {@code DELETE /api/plugins/{name}}: stops the plugin, deals with its tables as {@code data} says and
     * removes its jar.
     *
     * @throws MintConflictException for a plugin that is part of the platform rather than installed
     */
    public PluginUninstallReport uninstall(String pluginName, PluginDataMode data) {
        ApiRequest request = ApiRequest.builder("DELETE", "/api/plugins/" + MintHttp.segment(pluginName))
                .query("data", Fields.required(data, "data").wireName()).build();
        return http.call(request, PluginUninstallReport.class);
    }

    private static String configPath(String pluginName) {
        return "/api/plugins/" + MintHttp.segment(pluginName) + "/config";
    }
}
