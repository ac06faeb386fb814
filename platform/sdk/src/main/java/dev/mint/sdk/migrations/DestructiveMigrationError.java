package dev.mint.sdk.migrations;

/** A drop was attempted by a migration that does not declare {@code destructive() == true}. */
public class DestructiveMigrationError extends MigrationError {
    public DestructiveMigrationError(String message) {
        super(message);
    }

    public DestructiveMigrationError(String message, Throwable cause, MigrationResult result) {
        super(message, cause, result);
    }
}
