package dev.mint.sdk.migrations;

import java.util.Optional;

/** Base of migration failures. Not a {@code PluginException}: it stops a plugin from starting. */
public class MigrationError extends RuntimeException {
    private final transient MigrationResult result;

    public MigrationError(String message) {
        this(message, null, null);
    }

    public MigrationError(String message, Throwable cause, MigrationResult result) {
        super(message, cause);
        this.result = result;
    }

    /** What the run had done before it stopped, when the error comes from {@link MigrationRunner#run}. */
    public Optional<MigrationResult> result() {
        return Optional.ofNullable(result);
    }
}
