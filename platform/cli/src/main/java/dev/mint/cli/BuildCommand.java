package dev.mint.cli;

import dev.mint.sdk.PluginMetadata;
import dev.mint.server.Version;
import dev.mint.server.plugins.PluginBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.ZipFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mint build}: the {@code .mint} bundle of a built plugin project. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Write the .mint bundle (manifest.json + the plugin's jar) of a plugin project built with",
            "mvn package, ready for 'mint plugin install'."})
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..1", defaultValue = ".", description = "The project (default: the current directory).")
    Path path;

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "dist",
            description = "Where to write the bundle, relative to the project (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @Override
    public Integer call() throws IOException {
        PluginProject project = PluginProject.at(path);
        Path jar = project.builtJar().orElseThrow(() -> CliException.usage("No jar in " + project.dir().resolve("target")
                + ": run mvn package first"));
        if (PluginProject.newest(project.classes()) > Files.getLastModifiedTime(jar).toMillis() + 1000) {
            spec.commandLine().getErr().println("mint: warning: " + project.classes() + " is newer than " + jar.getFileName()
                    + "; run mvn package to bundle your latest changes");
        }
        requireNoSdkInside(jar);
        PluginMetadata metadata;
        try (PluginProject.Loaded loaded = PluginProject.load(jar)) {
            metadata = loaded.plugin().metadata();
        }
        Path out = project.dir().resolve(outputDir).resolve(metadata.name() + "-" + metadata.version() + PluginBundle.EXTENSION);
        PluginBundle.write(jar, metadata, Version.CURRENT, out);
        new Output(spec.commandLine().getOut()).line("Wrote " + out + " (" + Files.size(out) / 1024 + " KiB): "
                + metadata.name() + " " + metadata.version() + " at /api" + metadata.routesPrefix());
        return ExitCodes.OK;
    }

    /** The platform supplies the SDK; a second copy inside the plugin's jar would shadow nothing but confuse everyone. */
    private static void requireNoSdkInside(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.stream().anyMatch(entry -> entry.getName().startsWith("dev/mint/sdk/"))) {
                throw CliException.usage(jar.getFileName() + " contains the MINT SDK (dev/mint/sdk/...): the platform"
                        + " supplies it, so give mint-sdk <scope>provided</scope> in pom.xml");
            }
        }
    }

    /** Extracts the jar of a {@code .mint} bundle to a temporary file (delete it with {@link #deleteQuietly}). */
    static Path jarOfBundle(Path bundle) {
        if (!Files.isRegularFile(bundle)) {
            throw CliException.usage("No such file: " + bundle);
        }
        try {
            Path jar = Files.createTempFile("mint-bundle-", ".jar");
            try {
                PluginBundle.read(bundle, jar, Long.MAX_VALUE);
                return jar;
            } catch (PluginBundle.InvalidBundleException e) {
                deleteQuietly(jar);
                throw CliException.usage(bundle + ": " + e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
