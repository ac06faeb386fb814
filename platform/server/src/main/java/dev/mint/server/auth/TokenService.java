package dev.mint.server.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.JWTVerifier;
import dev.mint.server.http.ApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and checks session JWTs (HS256). Tokens carry the user id ({@code sub}), the username
 * ({@code name}) and a unique {@code jti}. A token that expired less than the refresh grace ago may still
 * be exchanged for a new one, which is what lets a client recover from a 401 by refreshing.
 */
public final class TokenService {
    private static final String ISSUER = "mint";

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final JWTVerifier refreshVerifier;
    private final Duration ttl;

    public TokenService(byte[] secret, Duration ttl, Duration refreshGrace) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("The JWT secret must be at least 32 bytes");
        }
        this.algorithm = Algorithm.HMAC256(secret);
        this.ttl = ttl;
        // Leeway for clock skew applies to "issued at" only: a token stops working at the expiry it announces.
        this.verifier = JWT.require(algorithm).withIssuer(ISSUER).acceptLeeway(5).acceptExpiresAt(0).build();
        this.refreshVerifier = JWT.require(algorithm).withIssuer(ISSUER).acceptLeeway(5)
                .acceptExpiresAt(refreshGrace.toSeconds()).build();
    }

    /** The secret from configuration, else the one kept in {@code dataDir/jwt-secret}, created on first use. */
    public static byte[] loadSecret(Optional<String> configured, Path dataDir) {
        if (configured.isPresent()) {
            return configured.get().getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDir.resolve("jwt-secret");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            byte[] secret = new byte[48];
            new SecureRandom().nextBytes(secret);
            Files.createDirectories(dataDir);
            Files.writeString(file, Base64.getEncoder().encodeToString(secret));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the data directory's own protection applies
            }
            return secret;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read or create the JWT secret " + file + ": " + e.getMessage(), e);
        }
    }

    public record Issued(String token, Instant expiresAt, long expiresInSeconds) {
    }

    public Issued issue(long userId, String username) {
        Instant now = Instant.now();
        Instant expires = now.plus(ttl);
        String token = JWT.create().withIssuer(ISSUER).withSubject(Long.toString(userId)).withClaim("name", username)
                .withIssuedAt(now).withExpiresAt(expires).withJWTId(UUID.randomUUID().toString()).sign(algorithm);
        return new Issued(token, expires, ttl.toSeconds());
    }

    /** A valid, unexpired token. */
    public DecodedJWT verify(String token) {
        return check(verifier, token);
    }

    /** A genuine token, expired at most the refresh grace ago. */
    public DecodedJWT verifyForRefresh(String token) {
        return check(refreshVerifier, token);
    }

    private static DecodedJWT check(JWTVerifier verifier, String token) {
        try {
            return verifier.verify(token);
        } catch (TokenExpiredException e) {
            throw ApiException.unauthorized("Token expired");
        } catch (JWTVerificationException e) {
            throw ApiException.unauthorized("Invalid token");
        }
    }

    public static long userId(DecodedJWT jwt) {
        try {
            return Long.parseLong(jwt.getSubject());
        } catch (NumberFormatException e) {
            throw ApiException.unauthorized("Invalid token");
        }
    }
}
