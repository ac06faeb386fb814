package dev.mint.cli;

import picocli.CommandLine.Option;

/** {@code --json}: print JSON for scripts instead of a table. */
final class JsonFlag {
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;
}
