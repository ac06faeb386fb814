package dev.mint.cli;

import dev.mint.sdk.LocalDatabaseConfig;
import dev.mint.sdk.StandaloneApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mint dev}: the plugin of a project, standalone, reloaded on every recompile. */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {"Run a plugin project standalone (no platform; a local SQLite database) from target/classes,",
            "restarting it whenever its classes change: recompile (mvn compile, or your IDE) to reload."})
final class DevCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..1", defaultValue = ".", description = "The project (default: the current directory).")
    Path path;

    @Option(names = {"--port", "-p"}, defaultValue = "8003", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the plugin's local database lives (default: <data dir>/plugins/<name>/, the data dir being MINT_DATA_DIR or ~/.local/share/mint).")
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        PluginProject project = PluginProject.at(path);
        if (!Files.isDirectory(project.classes())) {
            throw CliException.usage("No compiled classes in " + project.classes() + ": run mvn compile (or mvn package) first");
        }
        StandaloneApp.Options options = StandaloneApp.Options.defaults();
        if (dataDir != null) {
            options = options.withDatabase(LocalDatabaseConfig.in(dataDir));
        }
        DevServer server = new DevServer(project, host, port, options, spec.commandLine().getOut(),
                spec.commandLine().getErr());
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            server.close();
            main.interrupt();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            server.run();
        } catch (InterruptedException e) {
            // Ctrl+C: run() has stopped the plugin on its way out
        }
        return ExitCodes.OK;
    }
}
