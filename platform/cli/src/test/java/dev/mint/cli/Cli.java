package dev.mint.cli;

import dev.mint.client.CredentialsStore;
import dev.mint.client.HostCredentials;
import dev.mint.client.StoredCredentials;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code mint} in-process with a private HOME, a given environment and standard input. */
final class Cli {
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private final Map<String, String> env = new HashMap<>();

    Cli(Path home) {
        env.put("HOME", home.toString());
    }

    Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Stores {@code token} for {@code url} as `mint auth login` would, making it the default host. */
    Cli loggedIn(String url, String token) {
        CredentialsStore.forEnvironment(env).save(StoredCredentials.empty()
                .withHost(url, HostCredentials.bearer(token, "test", null)));
        return this;
    }

    Map<String, String> environment() {
        return Map.copyOf(env);
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        CommandLine cli = MintCommand.commandLine(CliContext.of(env, stdin));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
