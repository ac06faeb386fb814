package dev.mint.server.plugins;

import dev.mint.sdk.ConflictException;
import dev.mint.sdk.PluginMetadata;
import dev.mint.server.http.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Installs plugin bundles into the plugins directory and uninstalls plugins from it. An install checks the
 * bundle completely (manifest, jar, the plugin the jar provides, names and prefixes in use) before the jar
 * lands, atomically, as {@code <name>.jar}; the plugin loads at the next start. An uninstall shuts the
 * plugin down at once, deals with its data as asked, and deletes its jar. One operation at a time.
 */
final class PluginInstaller {
    /** What happens to an uninstalled plugin's own tables. */
    enum DataMode {
        /** Left as they are; a reinstall carries on with them. */
        KEEP,
        /** Renamed aside as {@code archived_<timestamp>_...}; a reinstall starts afresh. */
        ARCHIVE,
        /** Dropped, with the plugin's stored config and plugin roles. */
        PURGE;

        static DataMode parse(String value) {
            if (value == null || value.isBlank()) {
                return KEEP;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("data", "data must be keep, archive or purge, not '" + value + "'");
            }
        }

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What an install did. */
    record Installed(PluginMetadata metadata, String file, String replacedVersion, List<String> warnings) {
    }

    /** What an uninstall did. */
    record Uninstalled(PluginInfo plugin, DataMode data, List<String> tables) {
    }

    private final Path pluginsDir;
    private final long maxBundleBytes;
    private final PluginRegistry registry;
    private final PluginHost host;
    private final Jdbi jdbi;
    private final Clock clock;

    PluginInstaller(Path pluginsDir, long maxBundleBytes, PluginRegistry registry, PluginHost host, Jdbi jdbi, Clock clock) {
        this.pluginsDir = pluginsDir;
        this.maxBundleBytes = maxBundleBytes;
        this.registry = registry;
        this.host = host;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Installs the bundle read from {@code body}; with {@code force}, replaces an installed plugin of the
     * same name. Nothing in the plugins directory changes unless every check passes.
     */
    synchronized Installed install(InputStream body, boolean force) {
        Path upload = null;
        Path jar = null;
        try {
            Files.createDirectories(pluginsDir);
            upload = Files.createTempFile(pluginsDir, ".upload-", ".part");
            copyLimited(body, upload);
            jar = Files.createTempFile(pluginsDir, ".jar-", ".part");
            PluginBundle.Contents contents = readBundle(upload, jar);
            PluginMetadata metadata = contents.metadata();
            checkJar(jar, metadata);
            Optional<PluginInfo> existing = registry.find(metadata.name());
            checkConflicts(metadata, existing, force);
            String file = metadata.name() + ".jar";
            Files.move(jar, pluginsDir.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            existing.filter(PluginInfo::fromPluginsDir).filter(info -> !info.source().equals(file))
                    .ifPresent(info -> deleteJar(info.source()));
            if (existing.isEmpty() || !existing.get().status().equals(PluginInfo.READY)) {
                registry.register(PluginInfo.of(metadata, PluginInfo.RESTART_REQUIRED, null, file));
            }
            return new Installed(metadata, file, existing.filter(PluginInfo::fromPluginsDir).map(PluginInfo::version)
                    .orElse(null), missingDependencies(metadata));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the plugins directory " + pluginsDir + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(upload);
            deleteQuietly(jar);
        }
    }

    /** Uninstalls {@code name}: stops it, archives or purges its data as asked, deletes its jar. */
    synchronized Uninstalled uninstall(String name, DataMode mode) {
        PluginInfo plugin = registry.require(name);
        if (!plugin.fromPluginsDir()) {
            throw new ConflictException("Plugin '" + name + "' is part of this platform (" + plugin.source()
                    + "), not installed from a bundle; it cannot be uninstalled", "plugin", "name");
        }
        host.stop(name);
        List<String> tables = List.of();
        if (mode != DataMode.KEEP) {
            try (PluginNamespace namespace = host.namespace(name)) {
                tables = mode == DataMode.ARCHIVE ? namespace.archive(clock.instant()) : namespace.purge();
            }
        }
        if (mode == DataMode.PURGE) {
            jdbi.useTransaction(h -> {
                h.createUpdate("DELETE FROM plugin_configs WHERE plugin_name = ?").bind(0, name).execute();
                h.createUpdate("DELETE FROM plugin_roles WHERE plugin_id = ?").bind(0, name).execute();
            });
        }
        deleteJar(plugin.source());
        registry.remove(name);
        return new Uninstalled(plugin, mode, tables);
    }

    private void copyLimited(InputStream body, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBundleBytes) {
                    throw new ApiException(413, "PAYLOAD_TOO_LARGE", "A plugin bundle may have at most " + maxBundleBytes
                            + " bytes (MINT_MAX_PLUGIN_BYTES)");
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw ApiException.badRequest("BAD_REQUEST", "The request has no body: send the .mint file's bytes");
            }
        }
    }

    private PluginBundle.Contents readBundle(Path upload, Path jar) {
        try {
            return PluginBundle.read(upload, jar, maxBundleBytes);
        } catch (PluginBundle.InvalidBundleException e) {
            throw e.status() == 400 ? ApiException.badRequest("INVALID_BUNDLE", e.getMessage())
                    : new ApiException(422, "INVALID_BUNDLE", e.getMessage());
        }
    }

    /** The jar must provide exactly the plugin its manifest describes. */
    private static void checkJar(Path jar, PluginMetadata manifest) {
        List<PluginDiscovery.Inspected> inspected = PluginDiscovery.inspect(jar);
        if (inspected.isEmpty()) {
            throw new ApiException(422, "INVALID_BUNDLE", "The jar provides no plugin: it lists no"
                    + " dev.mint.sdk.AnalysisPlugin in META-INF/services");
        }
        List<String> seen = new ArrayList<>();
        for (PluginDiscovery.Inspected one : inspected) {
            if (one.metadata() == null) {
                throw new ApiException(422, "INVALID_BUNDLE", "The jar's plugin cannot be loaded: " + one.error());
            }
            if (one.metadata().name().equals(manifest.name())) {
                if (!one.metadata().version().equals(manifest.version())
                        || !one.metadata().routesPrefix().equals(manifest.routesPrefix())) {
                    throw new ApiException(422, "INVALID_BUNDLE", "The manifest says " + manifest.name() + " "
                            + manifest.version() + " at " + manifest.routesPrefix() + " but the jar's plugin is "
                            + one.metadata().version() + " at " + one.metadata().routesPrefix() + "; rebuild the bundle");
                }
                return;
            }
            seen.add(one.metadata().name());
        }
        throw new ApiException(422, "INVALID_BUNDLE", "The jar provides " + seen + ", not the plugin '" + manifest.name()
                + "' its manifest names");
    }

    private void checkConflicts(PluginMetadata metadata, Optional<PluginInfo> existing, boolean force) {
        if (existing.isPresent() && !existing.get().fromPluginsDir()) {
            throw new ConflictException("Plugin '" + metadata.name() + "' is part of this platform ("
                    + existing.get().source() + "); a bundle cannot replace it", "plugin", "name");
        }
        if (existing.isPresent() && !force) {
            throw new ConflictException("Plugin '" + metadata.name() + "' " + existing.get().version()
                    + " is already installed; install with force=true to replace it", "plugin", "name");
        }
        String slug = PluginNamespace.slug(metadata.name());
        for (PluginInfo other : registry.list()) {
            if (other.name().equals(metadata.name())) {
                continue;
            }
            if (other.routesPrefix().equals(metadata.routesPrefix())) {
                throw new ConflictException("Routes prefix " + metadata.routesPrefix() + " is already used by plugin '"
                        + other.name() + "'", "plugin", "routes_prefix");
            }
            if (!other.version().isEmpty() && PluginNamespace.slug(other.name()).equals(slug)) {
                throw new ConflictException("Plugin '" + other.name() + "' already uses the database name " + slug,
                        "plugin", "name");
            }
        }
    }

    private List<String> missingDependencies(PluginMetadata metadata) {
        return metadata.dependencies().stream().filter(dependency -> registry.find(dependency).isEmpty())
                .map(dependency -> "depends on plugin '" + dependency + "', which is not installed").toList();
    }

    private void deleteJar(String file) {
        try {
            Files.deleteIfExists(pluginsDir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + pluginsDir.resolve(file) + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file in the plugins directory; discovery only reads *.jar
            }
        }
    }

    /** The answer body of an install. */
    static Map<String, Object> describe(Installed installed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", installed.metadata().name());
        body.put("version", installed.metadata().version());
        body.put("routes_prefix", installed.metadata().routesPrefix());
        body.put("file", installed.file());
        body.put("replaced_version", installed.replacedVersion());
        body.put("restart_required", true);
        body.put("warnings", installed.warnings());
        return body;
    }

    /** The answer body of an uninstall. */
    static Map<String, Object> describe(Uninstalled uninstalled) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", uninstalled.plugin().name());
        body.put("version", uninstalled.plugin().version());
        body.put("data", uninstalled.data().wireName());
        body.put("archived_as", uninstalled.data() == DataMode.ARCHIVE ? uninstalled.tables() : List.of());
        body.put("dropped_tables", uninstalled.data() == DataMode.PURGE ? uninstalled.tables() : List.of());
        body.put("restart_required", false);
        return body;
    }
}
