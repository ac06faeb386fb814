package dev.mint.sdk.migrations;

/** The database records a newer schema version than the code ships (a downgrade of the software). */
public class SchemaVersionAheadError extends MigrationError {
    public SchemaVersionAheadError(String message) {
        super(message);
    }
}
