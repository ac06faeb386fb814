package dev.mint.sdk.data;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A platform user. {@code role} is a lowercase slug: {@code admin}, {@code member} or {@code viewer}. */
public record User(long id, String username, String role, boolean isActive, Optional<String> email,
                   Optional<String> shortname, Optional<String> firstName, Optional<String> lastName,
                   Instant createdAt, Instant updatedAt) {
    public User {
        Objects.requireNonNull(username, "username == null");
        Objects.requireNonNull(role, "role == null");
        email = Objects.requireNonNullElse(email, Optional.empty());
        shortname = Objects.requireNonNullElse(shortname, Optional.empty());
        firstName = Objects.requireNonNullElse(firstName, Optional.empty());
        lastName = Objects.requireNonNullElse(lastName, Optional.empty());
    }

    /** Platform admins pass every plugin role check. */
    public boolean isAdmin() {
        return role.equalsIgnoreCase("admin");
    }
}
