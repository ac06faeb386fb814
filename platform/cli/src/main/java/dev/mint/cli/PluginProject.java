package dev.mint.cli;

import dev.mint.sdk.AnalysisPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * A plugin project on disk (a Maven project) and the plugin it builds: found through its
 * {@code META-INF/services/dev.mint.sdk.AnalysisPlugin} entry in {@code target/classes} or in a jar, and
 * loaded by a class loader of its own whose parent has the SDK, as the platform loads it.
 */
final class PluginProject {
    static final String SERVICE = "META-INF/services/" + AnalysisPlugin.class.getName();

    private final Path dir;

    private PluginProject(Path dir) {
        this.dir = dir;
    }

    /** The project in {@code dir}, which must exist. */
    static PluginProject at(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw CliException.usage("No such directory: " + dir);
        }
        return new PluginProject(absolute);
    }

    Path dir() {
        return dir;
    }

    Path pom() {
        return dir.resolve("pom.xml");
    }

    Path classes() {
        return dir.resolve("target/classes");
    }

    /**
     * The jar {@code mvn package} wrote: the newest {@code target/*.jar} that is not a sources, javadoc or
     * tests jar.
     */
    Optional<Path> builtJar() {
        Path target = dir.resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".jar") && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar")
                        && !name.endsWith("-tests.jar");
            }).max(Comparator.comparing(PluginProject::modified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Newest modification time of any file under {@code path} (0 when there is none). */
    static long newest(Path path) {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(PluginProject::modified).max().orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** A plugin loaded from a jar or a classes directory; closing it closes its class loader. */
    record Loaded(AnalysisPlugin plugin, URLClassLoader loader) implements AutoCloseable {
        @Override
        public void close() {
            try {
                loader.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    /**
     * Loads the one plugin {@code location} (a jar or a classes directory) provides.
     *
     * @throws CliException saying why there is no single plugin to load
     */
    static Loaded load(Path location) {
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin:" + location.getFileName(), new URL[] {location.toUri().toURL()},
                    PluginProject.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw CliException.usage("Cannot read " + location + ": " + e.getMessage());
        }
        try {
            List<AnalysisPlugin> plugins = new ArrayList<>();
            for (ServiceLoader.Provider<AnalysisPlugin> provider : ServiceLoader.load(AnalysisPlugin.class, loader)
                    .stream().toList()) {
                if (provider.type().getClassLoader() == loader) {
                    plugins.add(provider.get());
                }
            }
            if (plugins.size() != 1) {
                throw CliException.usage(plugins.isEmpty()
                        ? location + " provides no plugin: " + SERVICE + " must name the plugin class"
                        : location + " provides " + plugins.size() + " plugins; a project builds one");
            }
            plugins.get(0).metadata();
            return new Loaded(plugins.get(0), loader);
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            close(loader);
            if (e instanceof CliException cli) {
                throw cli;
            }
            throw CliException.usage("Cannot load the plugin from " + location + ": " + describe(e));
        }
    }

    /** Loads the plugin from the compiled classes, else from the built jar. */
    Loaded load() {
        if (Files.isDirectory(classes())) {
            return load(classes());
        }
        return load(builtJar().orElseThrow(() -> CliException.usage(dir + " is not built: run mvn package there first")));
    }

    private static String describe(Throwable e) {
        Throwable root = e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
