package dev.mint.server.http;

import dev.mint.sdk.ErrorResponses;
import io.javalin.config.RoutesConfig;

/**
 * The platform's error answers: the SDK's envelope mapping ({@link ErrorResponses}), which plugins share,
 * plus the response headers some platform errors carry (e.g. {@code Retry-After} on 429).
 */
public final class ErrorHandling {
    private ErrorHandling() {
    }

    public static void register(RoutesConfig routes) {
        ErrorResponses.register(routes);
        routes.exception(ApiException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            ErrorResponses.answer(ctx, e);
        });
    }
}
