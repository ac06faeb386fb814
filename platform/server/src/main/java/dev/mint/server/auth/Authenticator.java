package dev.mint.server.auth;

import com.auth0.jwt.interfaces.DecodedJWT;
import dev.mint.sdk.PermissionException;
import dev.mint.server.http.ApiException;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Resolves a request's credential ({@code Authorization: Bearer ...} or {@code X-API-Key}), a session JWT or an API token,
 * into a {@link Principal}. Routes call {@link #require} with the permission they need; the principal is
 * computed once per request.
 *
 * <p>This sits on every request, so it keeps two small caches: JWTs already verified (their signature
 * cannot change; expiry is still checked on each use) and each user's name, role and active flag for
 * {@link #USER_TTL}. Changes made through this process call {@link #forget} and apply at once; a change
 * made by another server process on the same database applies within {@code USER_TTL}. API tokens are
 * looked up on every use, so a revocation applies at once everywhere.
 */
public final class Authenticator {
    private static final String ATTRIBUTE = "mint.principal";
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    static final Duration USER_TTL = Duration.ofSeconds(2);
    private static final int CACHE_LIMIT = 10_000;

    private final Jdbi jdbi;
    private final TokenService tokens;
    private final RoleStore roles;
    private final ConcurrentHashMap<String, VerifiedJwt> verifiedJwts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, CachedUser> users = new ConcurrentHashMap<>();

    private record VerifiedJwt(long userId, Instant expiresAt) {
    }

    private record CachedUser(String username, String role, boolean active, long loadedAtNanos) {
    }

    public Authenticator(Jdbi jdbi, TokenService tokens, RoleStore roles) {
        this.jdbi = jdbi;
        this.tokens = tokens;
        this.roles = roles;
    }

    /** The authenticated caller, or 401. */
    public Principal authenticate(Context ctx) {
        Principal cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        Principal principal = resolve(bearer(ctx).orElseThrow(() -> ApiException.unauthorized("Authentication required")));
        ctx.attribute(ATTRIBUTE, principal);
        return principal;
    }

    /** The authenticated caller holding {@code permission} through their platform role, else 401 or 403. */
    public Principal require(Context ctx, Permission permission) {
        Principal principal = authenticate(ctx);
        if (!principal.has(permission)) {
            throw new PermissionException("Your role '" + principal.role().slug() + "' lacks permission "
                    + permission.wireName(), permission.wireName());
        }
        return principal;
    }

    /**
     * The credential of the request, if any: {@code Authorization: Bearer <credential>}, else the
     * {@code X-API-Key} header, which is where the Tinker SDK sends its {@code tml-} key or JWT. Both name
     * the same kinds of credential; when both are present, Authorization wins.
     */
    public static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            String apiKey = ctx.header("X-API-Key");
            return apiKey == null || apiKey.isBlank() ? Optional.empty() : Optional.of(apiKey.strip());
        }
        String trimmed = header.trim();
        if (trimmed.regionMatches(true, 0, "Bearer ", 0, 7) && trimmed.length() > 7) {
            return Optional.of(trimmed.substring(7).trim());
        }
        throw ApiException.unauthorized("Authorization header must be 'Bearer <token>'");
    }

    private Principal resolve(String credential) {
        if (ApiTokens.looksLikeToken(credential)) {
            return fromApiToken(credential);
        }
        VerifiedJwt jwt = verifiedJwts.get(credential);
        if (jwt == null || !Instant.now().isBefore(jwt.expiresAt())) {
            DecodedJWT decoded = tokens.verify(credential);
            jwt = new VerifiedJwt(TokenService.userId(decoded), decoded.getExpiresAtAsInstant());
            bounded(verifiedJwts).put(credential, jwt);
        }
        return activeUser(jwt.userId(), Optional.empty(), Optional.of(jwt.expiresAt()));
    }

    /** Drops what is cached about a user; call after changing the user's role, password or active flag. */
    public void forget(long userId) {
        users.remove(userId);
    }

    private static <K, V> ConcurrentHashMap<K, V> bounded(ConcurrentHashMap<K, V> cache) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        return cache;
    }

    /** The principal for a user id, if the user exists and is active; else 401. */
    public Principal activeUser(long userId, Optional<Long> tokenId, Optional<Instant> expiresAt) {
        CachedUser row = users.get(userId);
        if (row == null || System.nanoTime() - row.loadedAtNanos() > USER_TTL.toNanos()) {
            row = jdbi.withHandle(h -> h.createQuery("SELECT username, role, is_active FROM users WHERE id = :id")
                    .bind("id", userId)
                    .map((rs, ctx) -> new CachedUser(rs.getString(1), rs.getString(2), rs.getBoolean(3), System.nanoTime()))
                    .findOne())
                    .orElseThrow(() -> ApiException.unauthorized("User no longer exists"));
            bounded(users).put(userId, row);
        }
        if (!row.active()) {
            throw ApiException.unauthorized("User account is disabled");
        }
        return new Principal(userId, row.username(), roles.of(row.role()), tokenId, expiresAt);
    }

    private Principal fromApiToken(String token) {
        record Row(long id, long userId, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
        }
        Row row = jdbi.withHandle(h -> h.createQuery("SELECT id, user_id, expires_at, revoked_at, last_used_at"
                        + " FROM api_tokens WHERE token_hash = :hash")
                .bind("hash", ApiTokens.hash(token))
                .map((rs, ctx) -> {
                    var instant = ctx.findColumnMapperFor(Instant.class).orElseThrow();
                    return new Row(rs.getLong("id"), rs.getLong("user_id"), instant.map(rs, "expires_at", ctx),
                            instant.map(rs, "revoked_at", ctx), instant.map(rs, "last_used_at", ctx));
                }).findOne())
                .orElseThrow(() -> ApiException.unauthorized("Invalid token"));
        Instant now = Instant.now();
        if (row.revokedAt() != null) {
            throw ApiException.unauthorized("Token has been revoked");
        }
        if (row.expiresAt() != null && !now.isBefore(row.expiresAt())) {
            throw ApiException.unauthorized("Token expired");
        }
        Principal principal = activeUser(row.userId(), Optional.of(row.id()), Optional.ofNullable(row.expiresAt()));
        if (row.lastUsedAt() == null || row.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            jdbi.useHandle(h -> h.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE id = :id")
                    .bind("now", now).bind("id", row.id()).execute());
        }
        return principal;
    }
}
