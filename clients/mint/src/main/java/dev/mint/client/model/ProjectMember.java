package dev.mint.client.model;

import java.time.Instant;
import java.util.Optional;

/** A project member and their project role ({@code owner}, {@code editor} or {@code viewer}). */
public record ProjectMember(long userId, String username, Optional<String> shortname, Optional<String> email,
                            Optional<String> firstName, Optional<String> lastName, String role,
                            Optional<Instant> createdAt, Optional<Instant> updatedAt) {
}
