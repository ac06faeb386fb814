package dev.mint.cli;

import dev.mint.server.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mint} command. {@code main} only runs the command line and exits with its code. */
@Command(name = "mint", mixinStandardHelpOptions = true, versionProvider = MintCommand.VersionProvider.class,
        description = "MINT platform: run the server, talk to it and its Tinker, build plugins.",
        subcommands = {ServeCommand.class, AuthCommand.class, StatusCommand.class, ExperimentCommand.class,
            ProjectCommand.class, PluginCommand.class, TinkerCommand.class, InitCommand.class, DevCommand.class, InfoCommand.class,
            DoctorCommand.class, BuildCommand.class, CompletionCommand.class,
            CommandLine.HelpCommand.class})
public final class MintCommand {
    final CliContext context;

    private MintCommand(CliContext context) {
        this.context = context;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        return commandLine(CliContext.system());
    }

    /**
     * A command line reading the world through {@code context}. Errors print one line,
     * {@code mint: <message>}, and exit with the code of {@link ExitCodes}: never a stack trace.
     */
    static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(new MintCommand(context));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("mint: " + ExitCodes.message(e));
            return ExitCodes.of(e);
        });
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("mint: " + e.getMessage() + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.USAGE;
        });
        return cli;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mint " + Version.CURRENT};
        }
    }
}
