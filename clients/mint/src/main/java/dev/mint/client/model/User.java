package dev.mint.client.model;

import java.time.Instant;
import java.util.Optional;

/** A platform user, as {@code GET /api/users/me} returns it. {@code role} is a lowercase slug. */
public record User(long id, String username, Optional<String> email, Optional<String> shortname,
                   Optional<String> firstName, Optional<String> lastName, String role, Optional<RoleInfo> roleObj,
                   boolean isActive, boolean isServiceAccount, Optional<String> description,
                   Optional<Instant> lastLoginAt, Optional<Instant> createdAt, Optional<Instant> updatedAt) {
}
