package dev.mint.sdk.migrations;

/** An applied migration's operations differ from what was recorded: migrations are append-only. */
public class MigrationChecksumError extends MigrationError {
    public MigrationChecksumError(String message) {
        super(message);
    }
}
