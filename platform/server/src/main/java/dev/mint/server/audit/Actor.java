package dev.mint.server.audit;

import dev.mint.sdk.RequestIds;
import dev.mint.server.auth.Principal;
import io.javalin.http.Context;

/** Who did something, and from where: the subject of an audit event. */
public record Actor(Long userId, String username, String requestId, String clientIp) {

    public static Actor of(Context ctx, Principal principal) {
        return user(ctx, principal.userId(), principal.username());
    }

    public static Actor user(Context ctx, long userId, String username) {
        return new Actor(userId, username, RequestIds.current(ctx), ctx.ip());
    }

    /** A request without an authenticated user, e.g. a failed login. */
    public static Actor anonymous(Context ctx, String claimedUsername) {
        return new Actor(null, claimedUsername, RequestIds.current(ctx), ctx.ip());
    }

    /** The platform itself, e.g. first-start set-up. */
    public static Actor system() {
        return new Actor(null, "system", null, null);
    }
}
