package dev.mint.sdk;

import java.util.Map;
import java.util.Optional;

/** The write clashes with existing state (duplicate, stale revision). HTTP 409, code {@code CONFLICT}. */
public class ConflictException extends RepositoryException {
    private final String conflictField;

    public ConflictException(String message) {
        this(message, null, null, Map.of());
    }

    public ConflictException(String message, String entity, String conflictField) {
        this(message, entity, conflictField, Map.of());
    }

    public ConflictException(String message, String entity, String conflictField, Map<String, ?> details) {
        super(message, "CONFLICT", "create_or_update", entity, details);
        this.conflictField = conflictField;
        detail("conflict_field", conflictField);
    }

    public Optional<String> conflictField() {
        return Optional.ofNullable(conflictField);
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
