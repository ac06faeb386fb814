package dev.mint.server.http;

import dev.mint.sdk.PluginException;
import java.util.Map;

/**
 * A platform-native error with an explicit status: 401, 413, 422, 429, 503 and the like. Answered in the
 * same envelope as every {@link PluginException}: {@code {"error", "message", "details"}}.
 */
public final class ApiException extends PluginException {
    private final int status;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String message, Map<String, ?> details, Map<String, String> headers) {
        super(message, code, details);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of(), Map.of());
    }

    @Override
    public int httpStatus() {
        return status;
    }

    /** Response headers that belong to the error, such as {@code Retry-After} or {@code WWW-Authenticate}. */
    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "UNAUTHORIZED", message, Map.of(), Map.of("WWW-Authenticate", "Bearer"));
    }

    /** A request field that is missing, of the wrong type, or out of range: 422. */
    public static ApiException invalid(String field, String message) {
        return new ApiException(422, "VALIDATION_ERROR", message, Map.of("field", field), Map.of());
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException rateLimited(long retryAfterSeconds) {
        return new ApiException(429, "RATE_LIMITED", "Too many attempts; retry in " + retryAfterSeconds + " s",
                Map.of("retry_after", retryAfterSeconds), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
}
