package dev.mint.sdk;

import java.util.Map;
import java.util.Optional;

/** A storage operation failed. HTTP 500, code {@code REPOSITORY_ERROR}. */
public class RepositoryException extends PluginException {
    private final String operation;
    private final String entity;

    public RepositoryException(String message) {
        this(message, null, null, Map.of());
    }

    public RepositoryException(String message, String operation, String entity, Map<String, ?> details) {
        this(message, "REPOSITORY_ERROR", operation, entity, details);
    }

    RepositoryException(String message, String code, String operation, String entity, Map<String, ?> details) {
        super(message, code, details);
        this.operation = operation;
        this.entity = entity;
        detail("operation", operation);
        detail("entity", entity);
    }

    public Optional<String> operation() {
        return Optional.ofNullable(operation);
    }

    public Optional<String> entity() {
        return Optional.ofNullable(entity);
    }
}
