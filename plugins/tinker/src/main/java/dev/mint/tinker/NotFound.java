package dev.mint.tinker;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import io.javalin.http.Handler;

/**
 * Any other path under {@code /api/tinker/api/v1} answers as FastAPI does, {@code 404 {"detail": "Not Found"}},
 * rather than in the platform's envelope. Registered last, so every real route matches first.
 */
final class NotFound {
    private NotFound() {
    }

    static void routes() {
        Handler notFound = ctx -> Requests.detail(ctx, 404, "Not Found");
        get("/*", notFound);
        post("/*", notFound);
        put("/*", notFound);
        patch("/*", notFound);
        delete("/*", notFound);
    }
}
