package dev.mint.sdk.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the {@link PluginMigration} classes of one package (not its sub-packages) on a class loader,
 * in directories and jars alike: concrete, with a public no-argument constructor, sorted by version.
 */
final class MigrationDiscovery {
    private MigrationDiscovery() {
    }

    static List<PluginMigration> discover(ClassLoader loader, String packageName) {
        String path = packageName.replace('.', '/');
        TreeSet<String> classNames = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (root.getProtocol().equals("file")) {
                    classNames.addAll(fromDirectory(Paths.get(root.toURI()), packageName));
                } else if (root.getProtocol().equals("jar")) {
                    classNames.addAll(fromJar(root, path, packageName));
                }
            }
            // Jars written without directory entries are invisible to getResources: scan a plugin loader's jars.
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if (url.getProtocol().equals("file") && url.getPath().endsWith(".jar")) {
                        classNames.addAll(fromJar(new URL("jar:" + url + "!/"), path, packageName));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list migrations in package " + packageName, e);
        } catch (URISyntaxException e) {
            throw new MigrationError("Cannot list migrations in package " + packageName + ": " + e.getMessage());
        }
        List<PluginMigration> migrations = new ArrayList<>();
        for (String className : classNames) {
            instantiate(loader, className).ifPresent(migrations::add);
        }
        migrations.sort(Comparator.comparingInt(PluginMigration::version));
        return migrations;
    }

    private static List<String> fromDirectory(Path directory, String packageName) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> packageName + "." + name.substring(0, name.length() - ".class".length()))
                    .toList();
        }
    }

    private static List<String> fromJar(URL root, String path, String packageName) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            return jar.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith(path + "/") && name.endsWith(".class")
                            && name.indexOf('/', path.length() + 1) < 0 && !name.contains("$"))
                    .map(name -> packageName + "." + name.substring(path.length() + 1, name.length() - ".class".length()))
                    .toList();
        }
    }

    private static java.util.Optional<PluginMigration> instantiate(ClassLoader loader, String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MigrationError("Cannot load migration class " + className + ": " + e);
        }
        if (!PluginMigration.class.isAssignableFrom(type) || type.isInterface()
                || Modifier.isAbstract(type.getModifiers())) {
            return java.util.Optional.empty();
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            return java.util.Optional.of((PluginMigration) constructor.newInstance());
        } catch (NoSuchMethodException e) {
            throw new MigrationError("Migration " + className + " needs a public no-argument constructor");
        } catch (ReflectiveOperationException e) {
            throw new MigrationError("Cannot create migration " + className + ": " + e);
        }
    }
}
