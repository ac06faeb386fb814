package dev.mint.cli;

import dev.mint.sdk.AnalysisPlugin;
import dev.mint.sdk.LocalDatabase;
import dev.mint.sdk.LocalDatabaseConfig;
import dev.mint.sdk.PluginMetadata;
import dev.mint.server.Version;
import dev.mint.server.plugins.PluginHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mint doctor}: checks a plugin project from its build file to its migrations and says what is
 * wrong and how to fix it. Exits 1 when something would keep the plugin from working.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check a plugin project: pom.xml and the SDK dependency, the service entry, tests, the build,",
            "the plugin's metadata and routes, its migrations (applied to a scratch database) and its settings.",
            "Exits 1 when it finds a problem."})
final class DoctorCommand implements Callable<Integer> {
    private static final Pattern SDK_DEPENDENCY = Pattern.compile(
            "<dependency>(?:(?!</dependency>).)*<artifactId>mint-sdk</artifactId>(?:(?!</dependency>).)*</dependency>",
            Pattern.DOTALL);
    private static final Pattern MINT_VERSION = Pattern.compile("<mint\\.version>([^<]+)</mint\\.version>");
    /** The project's own version: the first artifactId/version pair once a parent block is removed. */
    private static final Pattern POM_VERSION = Pattern.compile("<artifactId>[^<]+</artifactId>\\s*<version>([^<]+)</version>");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..1", defaultValue = ".", description = "The project (default: the current directory).")
    Path path;

    private final List<String> lines = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Output out = new Output(spec.commandLine().getOut());
        PluginProject project = PluginProject.at(path);
        checkProject(project);
        int warnings = (int) lines.stream().filter(l -> l.startsWith("!")).count();
        lines.forEach(out::line);
        out.line(problems.isEmpty() ? "No problems" + (warnings == 0 ? "." : ", " + warnings + " warning(s).")
                : problems.size() + " problem(s), " + warnings + " warning(s).");
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private void ok(String message) {
        lines.add("✓ " + message);
    }

    private void warn(String message) {
        lines.add("! " + message);
    }

    private void fail(String message) {
        lines.add("✗ " + message);
        problems.add(message);
    }

    private void checkProject(PluginProject project) throws IOException {
        if (!Files.isRegularFile(project.pom())) {
            fail("No pom.xml in " + project.dir() + ": not a Maven project (mint init writes one)");
            return;
        }
        String pom = Files.readString(project.pom());
        checkSdkDependency(pom);
        List<String> classes = checkServiceEntry(project);
        checkTests(project);
        if (!Files.isDirectory(project.classes())) {
            warn("Not built yet: run mvn package, then mint doctor again to check the plugin itself");
            return;
        }
        if (PluginProject.newest(project.dir().resolve("src/main")) > PluginProject.newest(project.classes())) {
            warn("Sources changed since the last build: run mvn package (these checks use target/classes)");
        }
        if (classes.isEmpty()) {
            return;
        }
        try (PluginProject.Loaded loaded = PluginProject.load(project.classes())) {
            checkPlugin(loaded.plugin(), pom);
        } catch (CliException e) {
            fail(e.getMessage());
        }
    }

    private void checkSdkDependency(String pom) {
        Matcher dependency = SDK_DEPENDENCY.matcher(pom);
        if (!dependency.find()) {
            fail("pom.xml does not depend on dev.mint:mint-sdk");
            return;
        }
        if (!dependency.group().contains("<scope>provided</scope>")) {
            warn("mint-sdk is not <scope>provided</scope>: the platform supplies the SDK, so the plugin's jar must not"
                    + " carry it (mint build refuses such jars)");
        } else {
            ok("pom.xml depends on mint-sdk (provided)");
        }
        Matcher version = MINT_VERSION.matcher(pom);
        if (version.find() && !version.group(1).strip().equals(Version.CURRENT)) {
            warn("Built against SDK " + version.group(1).strip() + "; this mint is " + Version.CURRENT);
        }
    }

    private List<String> checkServiceEntry(PluginProject project) throws IOException {
        Path services = project.dir().resolve("src/main/resources").resolve(PluginProject.SERVICE);
        if (!Files.isRegularFile(services)) {
            fail("No src/main/resources/" + PluginProject.SERVICE + ": the platform finds plugins through it; write the"
                    + " plugin class's full name in it");
            return List.of();
        }
        List<String> classes = Files.readAllLines(services).stream().map(l -> l.replaceFirst("#.*", "").strip())
                .filter(l -> !l.isEmpty()).toList();
        if (classes.size() != 1) {
            fail(PluginProject.SERVICE + " names " + classes.size() + " classes; a plugin project names exactly one");
            return List.of();
        }
        Path source = project.dir().resolve("src/main/java").resolve(classes.get(0).replace('.', '/') + ".java");
        if (!Files.isRegularFile(source)) {
            fail(PluginProject.SERVICE + " names " + classes.get(0) + ", but there is no " + project.dir().relativize(source));
            return List.of();
        }
        ok("Service entry names " + classes.get(0));
        return classes;
    }

    private void checkTests(PluginProject project) {
        Path tests = project.dir().resolve("src/test/java");
        long count = 0;
        if (Files.isDirectory(tests)) {
            try (Stream<Path> files = Files.walk(tests)) {
                count = files.filter(f -> f.getFileName().toString().endsWith("Test.java")).count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (count == 0) {
            warn("No tests (src/test/java/**/*Test.java): dev.mint.testing.PluginTesting serves the plugin for them");
        } else {
            ok(count + " test class(es)");
        }
    }

    private void checkPlugin(AnalysisPlugin plugin, String pom) {
        PluginMetadata metadata = plugin.metadata();
        ok("Plugin " + metadata.name() + " " + metadata.version() + " loads (" + metadata.pluginType().wireName() + ")");
        PluginHost.reservedPrefixProblem(metadata.routesPrefix()).ifPresentOrElse(problem -> fail("The " + problem),
                () -> ok("Routes at /api" + metadata.routesPrefix()));
        Matcher pomVersion = POM_VERSION.matcher(pom.replaceFirst("(?s)<parent>.*?</parent>", ""));
        if (pomVersion.find() && !pomVersion.group(1).strip().equals(metadata.version())) {
            warn("pom.xml version " + pomVersion.group(1).strip() + " differs from the metadata's " + metadata.version()
                    + " (the bundle is named after the metadata)");
        }
        try {
            int routers = plugin.routers().size();
            if (routers == 0) {
                warn("routers() is empty: the plugin serves no routes");
            }
        } catch (RuntimeException e) {
            fail("routers() throws: " + e);
        }
        checkMigrations(plugin, metadata);
        try {
            plugin.configurableSettings();
            plugin.settingsModel().ifPresent(model -> ok("Settings: " + (model.jsonSchema().get("properties")
                    instanceof java.util.Map<?, ?> properties ? String.join(", ", properties.keySet().stream()
                    .map(String::valueOf).toList()) : "none")));
        } catch (RuntimeException e) {
            fail("The settings model is invalid: " + e.getMessage());
        }
    }

    private void checkMigrations(AnalysisPlugin plugin, PluginMetadata metadata) {
        List<dev.mint.sdk.migrations.PluginMigration> migrations;
        try {
            migrations = plugin.migrations();
        } catch (RuntimeException e) {
            fail("migrations() throws: " + e.getMessage());
            return;
        }
        if (migrations.isEmpty()) {
            return;
        }
        if (!metadata.capabilities().requiresSharedDatabase()) {
            warn("The plugin has migrations but does not declare requiresSharedDatabase: on the platform"
                    + " pluginDatabase() will refuse");
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("mint-doctor-");
            try (LocalDatabase database = new LocalDatabase(metadata.name(), LocalDatabaseConfig.in(scratch))) {
                database.initialize(migrations);
            }
            ok(migrations.size() + " migration(s) apply to a fresh database");
        } catch (RuntimeException e) {
            fail("Migrations fail on a fresh database: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(scratch);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
