package dev.mint.client.model;

import java.time.Instant;
import java.util.Optional;

/** {@code GET /api/auth/verify}; {@code expiresAt} is empty for an API token that never expires. */
public record TokenVerification(boolean valid, Optional<String> username, Optional<Instant> expiresAt) {
}
