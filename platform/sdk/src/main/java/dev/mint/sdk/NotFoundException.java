package dev.mint.sdk;

import java.util.Map;
import java.util.Optional;

/** The addressed entity does not exist (or is invisible to the caller). HTTP 404, code {@code NOT_FOUND}. */
public class NotFoundException extends RepositoryException {
    private final String entityId;

    public NotFoundException(String message) {
        this(message, null, null, Map.of());
    }

    public NotFoundException(String message, String entity, Object entityId) {
        this(message, entity, entityId, Map.of());
    }

    public NotFoundException(String message, String entity, Object entityId, Map<String, ?> details) {
        super(message, "NOT_FOUND", "get", entity, details);
        this.entityId = entityId == null ? null : String.valueOf(entityId);
        detail("entity_id", this.entityId);
    }

    public Optional<String> entityId() {
        return Optional.ofNullable(entityId);
    }

    @Override
    public int httpStatus() {
        return 404;
    }
}
