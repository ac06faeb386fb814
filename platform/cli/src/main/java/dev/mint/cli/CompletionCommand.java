package dev.mint.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mint completion}: prints the shell completion script. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a completion script for bash (and zsh, through bashcompinit).",
            "  bash:  source <(mint completion)",
            "  zsh:   autoload -U +X bashcompinit && bashcompinit && source <(mint completion)"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("mint", spec.root().commandLine()));
        return ExitCodes.OK;
    }
}
