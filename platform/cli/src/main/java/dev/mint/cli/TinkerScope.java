package dev.mint.cli;

import dev.mint.tinker.client.model.AccessScope;
import picocli.CommandLine.Option;

/** {@code --scope owned|accessible} of the Tinker reads that take one. */
final class TinkerScope {
    @Option(names = "--scope", defaultValue = "owned", paramLabel = "SCOPE",
            description = "owned (default), or accessible: also what your projects share and what is published.")
    String scope;

    /** The scope, checked here so a bad value never costs a request. */
    AccessScope value() {
        for (AccessScope value : AccessScope.values()) {
            if (value.wireName().equalsIgnoreCase(scope)) {
                return value;
            }
        }
        throw CliException.usage("--scope must be owned or accessible, not '" + scope + "'");
    }
}
