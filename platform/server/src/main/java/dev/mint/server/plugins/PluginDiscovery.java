package dev.mint.server.plugins;

import dev.mint.sdk.AnalysisPlugin;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugins: {@link AnalysisPlugin} service providers ({@code META-INF/services/dev.mint.sdk.AnalysisPlugin})
 * on the platform's classpath, and in each jar of the plugins directory, loaded by a class loader of its
 * own (its parent is the platform's, so the SDK classes are shared). A jar that cannot be loaded is
 * reported, not fatal.
 */
final class PluginDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(PluginDiscovery.class);

    /** A plugin instance and where it came from, or a source that failed to give one. */
    record Found(AnalysisPlugin plugin, String source, String error) {
    }

    private PluginDiscovery() {
    }

    static List<Found> discover(Path pluginsDir) {
        List<Found> found = new ArrayList<>();
        load(PluginDiscovery.class.getClassLoader(), "classpath", found, false);
        for (Path jar : jars(pluginsDir)) {
            try {
                URLClassLoader loader = new URLClassLoader("plugin:" + jar.getFileName(),
                        new URL[] {jar.toUri().toURL()}, PluginDiscovery.class.getClassLoader());
                int before = found.size();
                load(loader, jar.getFileName().toString(), found, true);
                if (found.size() == before) {
                    found.add(new Found(null, jar.getFileName().toString(),
                            "no plugin in " + jar.getFileName() + ": it lists no dev.mint.sdk.AnalysisPlugin service"));
                }
            } catch (MalformedURLException e) {
                found.add(new Found(null, jar.toString(), "cannot open " + jar + ": " + e.getMessage()));
            }
        }
        return found;
    }

    /** What a jar says about one plugin it provides: its metadata, or why there is none. */
    record Inspected(dev.mint.sdk.PluginMetadata metadata, String error) {
    }

    /**
     * The metadata of each plugin {@code jar} provides, read with a throwaway class loader that is closed
     * before returning.
     */
    static List<Inspected> inspect(Path jar) {
        List<Inspected> inspected = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader("inspect:" + jar.getFileName(), new URL[] {jar.toUri().toURL()},
                PluginDiscovery.class.getClassLoader())) {
            List<Found> found = new ArrayList<>();
            load(loader, jar.getFileName().toString(), found, true);
            for (Found candidate : found) {
                if (candidate.plugin() == null) {
                    inspected.add(new Inspected(null, candidate.error()));
                    continue;
                }
                try {
                    inspected.add(new Inspected(candidate.plugin().metadata(), null));
                } catch (RuntimeException | LinkageError e) {
                    inspected.add(new Inspected(null, "metadata() failed: " + e));
                }
            }
        } catch (IOException e) {
            inspected.add(new Inspected(null, "cannot open the jar: " + e.getMessage()));
        }
        return inspected;
    }

    private static void load(ClassLoader loader, String source, List<Found> found, boolean ownLoaderOnly) {
        List<ServiceLoader.Provider<AnalysisPlugin>> providers;
        try {
            providers = ServiceLoader.load(AnalysisPlugin.class, loader).stream().toList();
        } catch (ServiceConfigurationError e) {
            found.add(new Found(null, source, "bad plugin service list: " + e.getMessage()));
            return;
        }
        for (ServiceLoader.Provider<AnalysisPlugin> provider : providers) {
            if (ownLoaderOnly && provider.type().getClassLoader() != loader) {
                continue; // found again through the parent: it belongs to the classpath
            }
            try {
                found.add(new Found(provider.get(), source, null));
                LOG.info("Discovered plugin class {} in {}", provider.type().getName(), source);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                found.add(new Found(null, source, "cannot create " + provider.type().getName() + ": " + e.getMessage()));
            }
        }
    }

    private static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            LOG.warn("Cannot list plugins directory {}: {}", dir, e.getMessage());
            return List.of();
        }
    }
}
