package dev.mint.sdk.migrations;

import java.util.List;

/**
 * Outcome of {@link MigrationRunner#run}.
 *
 * @param currentVersion highest version recorded as applied after the call (0 when none)
 * @param applied versions applied by this call
 * @param stamped versions recorded without running (fresh install over existing tables)
 * @param errors human-readable failures; a non-empty list is also raised as {@link MigrationError}
 */
public record MigrationResult(int currentVersion, List<Integer> applied, List<Integer> stamped, List<String> errors) {
    public MigrationResult {
        applied = List.copyOf(applied);
        stamped = List.copyOf(stamped);
        errors = List.copyOf(errors);
    }
}
