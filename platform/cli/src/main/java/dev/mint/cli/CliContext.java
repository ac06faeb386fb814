package dev.mint.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * What commands may read from the world: environment variables, standard input, and the console for
 * prompts. Tests replace it; commands never read {@code System.getenv()} or {@code System.in} directly.
 */
record CliContext(Map<String, String> environment, BufferedReader stdin, Console console) {

    static CliContext system() {
        return new CliContext(System.getenv(), new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                System.console());
    }

    /** For tests: no console, so prompts read lines from {@code stdin}. */
    static CliContext of(Map<String, String> environment, String stdin) {
        return new CliContext(Map.copyOf(environment), new BufferedReader(new java.io.StringReader(stdin)), null);
    }

    boolean interactive() {
        return console != null;
    }

    Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Asks for a line, showing {@code defaultValue}; empty input takes the default. */
    String prompt(String label, String defaultValue) {
        String shown = defaultValue == null ? label + ": " : label + " [" + defaultValue + "]: ";
        String line = console != null ? console.readLine("%s", shown) : readLine();
        if (line == null) {
            throw CliException.usage("No " + label.toLowerCase(java.util.Locale.ROOT) + " given (standard input ended)");
        }
        String value = line.strip();
        return value.isEmpty() && defaultValue != null ? defaultValue : value;
    }

    /** Asks for a secret without echo when there is a console; else reads a line from standard input. */
    String promptSecret(String label) {
        if (console != null) {
            char[] secret = console.readPassword("%s: ", label);
            if (secret == null) {
                throw CliException.usage("No " + label.toLowerCase(java.util.Locale.ROOT) + " given");
            }
            return new String(secret);
        }
        String line = readLine();
        if (line == null) {
            throw CliException.usage("No " + label.toLowerCase(java.util.Locale.ROOT) + " given (standard input ended)");
        }
        return line;
    }

    String readLine() {
        try {
            return stdin.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All of standard input. */
    String readAll() {
        StringBuilder out = new StringBuilder();
        String line;
        while ((line = readLine()) != null) {
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
