package dev.mint.sdk.migrations;

import java.util.OptionalInt;

/**
 * One append-only schema step. Versions order the steps; once applied, a migration's operations must not
 * change (the runner keeps a checksum of them and refuses to start on a mismatch). Implementations are
 * usually small final classes, one per version.
 */
public interface PluginMigration {
    /** Positive, unique within a plugin; only this orders migrations. */
    int version();

    /** Short snake_case label, e.g. {@code create_samples}. */
    String name();

    /** A version that must already be applied, if any. */
    default OptionalInt dependsOn() {
        return OptionalInt.empty();
    }

    /** Must be true for {@link MigrationOps#dropTable} and {@link MigrationOps#dropColumn} to be allowed. */
    default boolean destructive() {
        return false;
    }

    /** Applies the step; runs inside one transaction together with its tracking row. */
    void upgrade(MigrationOps op);

    /** Reverts the step. Optional: the default refuses. */
    default void downgrade(MigrationOps op) {
        throw new MigrationError("Migration " + version() + " (" + name() + ") has no downgrade");
    }
}
