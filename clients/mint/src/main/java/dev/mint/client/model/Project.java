package dev.mint.client.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A project. {@code status} is {@code active}, {@code archived} or {@code completed}; {@code visibility}
 * {@code open} (also when the server does not say) or {@code restricted}; {@code myRole} the caller's
 * project role, if any.
 */
public record Project(long id, String name, Optional<String> description, String status, String visibility,
                      Optional<Long> createdBy, long experimentCount, long memberCount, Optional<String> myRole,
                      Instant createdAt, Instant updatedAt) {
    public Project {
        visibility = visibility == null ? "open" : visibility;
    }
}
