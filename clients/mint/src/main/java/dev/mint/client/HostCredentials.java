package dev.mint.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The token stored for one platform host in the credentials file. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record HostCredentials(String accessToken, Optional<String> tokenType, Optional<String> username,
                              Optional<Instant> expiresAt) {
    public HostCredentials {
        Objects.requireNonNull(accessToken, "accessToken == null");
        tokenType = tokenType == null ? Optional.empty() : tokenType;
        username = username == null ? Optional.empty() : username;
        expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
    }

    public static HostCredentials bearer(String accessToken, String username, Instant expiresAt) {
        return new HostCredentials(accessToken, Optional.of("bearer"), Optional.ofNullable(username),
                Optional.ofNullable(expiresAt));
    }
}
