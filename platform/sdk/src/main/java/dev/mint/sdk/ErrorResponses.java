package dev.mint.sdk;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into the error envelope {@code {"error", "message", "details"}}: a
 * {@link PluginException} with its own code and status, Javalin's HTTP responses (404 no route, 405, 413,
 * 401/403 from guards) with a code for their status, and anything else as a generic 500 logged with the
 * request id: no exception text or stack trace leaves the server. The platform and the standalone app
 * register the same mapping.
 */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(PluginException.class, (e, ctx) -> answer(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String message = switch (status) {
                case 404 -> "No route for " + ctx.method() + " " + ctx.path();
                case 405 -> "Method " + ctx.method() + " is not allowed on " + ctx.path();
                case 413 -> "Request body is larger than the configured limit";
                default -> e.getMessage();
            };
            answer(ctx, status, codeFor(status), message, Map.of());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Request {} {} {} failed", RequestIds.current(ctx), ctx.method(), ctx.path(), e);
            answer(ctx, 500, "INTERNAL_ERROR", "Internal server error; quote request id " + RequestIds.current(ctx),
                    Map.of("request_id", RequestIds.current(ctx)));
        });
    }

    /** Answers with the exception's status and envelope; server-side failures (5xx) are logged. */
    public static void answer(Context ctx, PluginException e) {
        if (e.httpStatus() >= 500) {
            LOG.error("Request {} failed: {}", RequestIds.current(ctx), e.getMessage(), e);
        }
        ctx.status(e.httpStatus()).json(e.toMap());
    }

    public static void answer(Context ctx, int status, String code, String message, Map<String, ?> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        if (!details.isEmpty()) {
            body.put("details", details);
        }
        ctx.status(status).json(body);
    }

    /** The envelope code for an HTTP status. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 422 -> "VALIDATION_ERROR";
            case 429 -> "RATE_LIMITED";
            default -> "HTTP_" + status;
        };
    }
}
