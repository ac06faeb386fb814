package dev.mint.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mint init}: a new plugin project that builds and passes its test as generated. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a plugin project: a Maven build on the MINT SDK, the plugin class with one route,",
            "and a test. experiment-design plugins also get a table of their own (a migration).",
            "  mint init plate-notes && cd plate-notes && mvn package"})
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "Where to create it (default: ./NAME).")
    Path dir;

    @Option(names = {"--name", "-n"}, paramLabel = "NAME",
            description = "Plugin name, also its routes prefix /NAME (default: the directory's name).")
    String name;

    @Option(names = {"--description", "-d"}, paramLabel = "TEXT", defaultValue = "A MINT plugin",
            description = "One line about it (default: ${DEFAULT-VALUE}).")
    String description;

    @Option(names = {"--type", "-t"}, paramLabel = "TYPE", defaultValue = "analysis",
            description = "analysis or experiment-design (default: ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--package", paramLabel = "PACKAGE", description = "Java package (default: com.example.<name without dashes>).")
    String javaPackage;

    @Option(names = "--force", description = "Write into a directory that is not empty (files of the same name are replaced).")
    boolean force;

    @Override
    public Integer call() {
        if (dir == null && name == null) {
            throw CliException.usage("Give a directory or --name");
        }
        String pluginName = name != null ? name : dir.toAbsolutePath().normalize().getFileName().toString();
        Path target = dir != null ? dir : Path.of(pluginName);
        PluginScaffold.Spec project = new PluginScaffold.Spec(pluginName, description, PluginScaffold.Kind.parse(type),
                javaPackage != null ? javaPackage : PluginScaffold.Spec.defaultPackage(pluginName));
        if (!force && !isEmpty(target)) {
            throw CliException.usage(target + " is not empty; pick another directory or pass --force");
        }
        List<String> files = PluginScaffold.write(target, project);
        Output out = new Output(spec.commandLine().getOut());
        out.line("Created plugin " + pluginName + " in " + target + ":");
        files.forEach(file -> out.line("  " + file));
        out.line("Next: cd " + target + " && mvn package && mint dev");
        return ExitCodes.OK;
    }

    private static boolean isEmpty(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            throw CliException.usage(dir + " is a file, not a directory");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
