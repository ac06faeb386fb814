package dev.mint.cli;

import dev.mint.client.MintClient;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every command group that talks to the platform has: the context, {@code --url}, output and a client. */
abstract class PlatformGroup {
    @ParentCommand
    MintCommand root;
    @Mixin
    Connection connection;
    @Spec
    CommandSpec spec;

    CliContext context() {
        return root.context;
    }

    Output out() {
        return new Output(spec.commandLine().getOut());
    }

    /** Runs {@code action} with a logged-in client, closed afterwards. */
    <T> T call(Function<MintClient, T> action) {
        try (MintClient client = connection.authenticated(root.context)) {
            return action.apply(client);
        }
    }

    void run(Consumer<MintClient> action) {
        call(client -> {
            action.accept(client);
            return null;
        });
    }
}
