package dev.mint.server.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * The authenticated caller of one request.
 *
 * @param tokenId the API token used, empty for a session JWT
 * @param expiresAt when the credential stops working, empty for a token without expiry
 */
public record Principal(long userId, String username, Role role, Optional<Long> tokenId, Optional<Instant> expiresAt) {

    public boolean isAdmin() {
        return role.isAdmin();
    }

    public boolean has(Permission permission) {
        return role.has(permission);
    }
}
