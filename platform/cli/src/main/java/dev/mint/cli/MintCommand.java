package dev.mint.cli;

import dev.mint.server.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mint} command. {@code main} only runs the command line and exits with its code. */
@Command(name = "mint", mixinStandardHelpOptions = true, versionProvider = MintCommand.VersionProvider.class,
        description = "MINT platform: run the server, talk to it, build plugins.",
        subcommands = {ServeCommand.class, CommandLine.HelpCommand.class})
public final class MintCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new MintCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("mint: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCodes.FAILURE;
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
