package dev.mint.server.auth;

import com.auth0.jwt.interfaces.DecodedJWT;
import dev.mint.server.audit.Actor;
import dev.mint.server.audit.AuditLog;
import dev.mint.server.http.ApiException;
import dev.mint.server.http.JsonBody;
import dev.mint.server.users.UserStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@code /api/auth/login}, {@code /refresh} and {@code /verify}. */
public final class AuthRoutes {
    private static final String INVALID = "Invalid credentials";

    private final Jdbi jdbi;
    private final UserStore users;
    private final AuditLog audit;
    private final TokenService tokens;
    private final Authenticator auth;
    private final LoginRateLimiter limiter;

    public AuthRoutes(Jdbi jdbi, UserStore users, AuditLog audit, TokenService tokens, Authenticator auth,
                      LoginRateLimiter limiter) {
        this.jdbi = jdbi;
        this.users = users;
        this.audit = audit;
        this.tokens = tokens;
        this.auth = auth;
        this.limiter = limiter;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/auth/login", this::login);
        routes.post("/api/auth/refresh", this::refresh);
        routes.get("/api/auth/verify", this::verify);
    }

    private void login(Context ctx) {
        limiter.acquire(ctx.ip());
        JsonBody body = JsonBody.of(ctx);
        String username = body.requiredString("username", 150);
        String password = body.requiredSecret("password", 1024);
        var found = jdbi.withHandle(h -> users.credentials(h, username));
        String hash = found.filter(c -> c.user().isActive() && !c.user().isServiceAccount())
                .map(UserStore.Credentials::passwordHash).orElse(null);
        // The same work and the same answer whether the user is unknown, disabled or the password wrong.
        if (!PasswordHasher.verify(password, hash)) {
            jdbi.useTransaction(h -> audit.record(h, Actor.anonymous(ctx, username), "auth.login_failed", "user",
                    found.map(c -> c.user().id()).orElse(null), Map.of()));
            throw ApiException.unauthorized(INVALID);
        }
        var user = found.orElseThrow().user();
        TokenService.Issued issued = tokens.issue(user.id(), user.username());
        jdbi.useTransaction(h -> {
            users.touchLogin(h, user.id());
            audit.record(h, Actor.user(ctx, user.id(), user.username()),
                    "auth.login", "user", user.id(), Map.of());
        });
        ctx.json(tokenResponse(issued));
    }

    private void refresh(Context ctx) {
        String credential = Authenticator.bearer(ctx).orElseThrow(() -> ApiException.unauthorized("Authentication required"));
        if (ApiTokens.looksLikeToken(credential)) {
            auth.authenticate(ctx);
            throw ApiException.badRequest("NOT_REFRESHABLE", "API tokens do not expire by session and cannot be refreshed");
        }
        DecodedJWT jwt = tokens.verifyForRefresh(credential);
        Principal principal = auth.activeUser(TokenService.userId(jwt), Optional.empty(), Optional.empty());
        ctx.json(tokenResponse(tokens.issue(principal.userId(), principal.username())));
    }

    private void verify(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", true);
        body.put("username", principal.username());
        body.put("expires_at", principal.expiresAt().map(Instant::toString).orElse(null));
        ctx.json(body);
    }

    private static Map<String, Object> tokenResponse(TokenService.Issued issued) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.token());
        body.put("token_type", "bearer");
        body.put("expires_in", issued.expiresInSeconds());
        return body;
    }
}
