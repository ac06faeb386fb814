package dev.mint.tinker.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.client.core.ApiResponse;
import dev.mint.client.core.ErrorBody;
import dev.mint.client.core.JsonCodec;
import dev.mint.client.core.RetryAfter;
import dev.mint.tinker.client.ApiStatusException.Failure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Clock;

/** Turns a failed exchange into the exception of upstream's hierarchy (wire reference §7). */
final class TinkerErrors {
    private static final int MAX_SUMMARY = 300;
    private TinkerErrors() {
    }

    static ApiException from(ApiResponse response, JsonCodec json) {
        if (response.status() == 400 && !response.hasBody()) {
            // Upstream treats an empty 400 as an edge proxy's rejection, i.e. a connection problem.
            return new ApiConnectionException("Connection error: HTTP 400 with an empty body (an edge proxy's rejection)",
                    response.method(), response.uri().toString(), null);
        }
        Failure failure = failure(response, json);
        int status = response.status();
        return switch (status) {
            case 400 -> new BadRequestException(failure);
            case 401 -> new AuthenticationException(failure);
            case 403 -> new PermissionDeniedException(failure);
            case 404 -> new NotFoundException(failure);
            case 409 -> new ConflictException(failure);
            case 422 -> new UnprocessableEntityException(failure);
            case 429 -> new RateLimitException(failure, RetryAfter.of(response, Clock.systemUTC()).orElse(null));
            default -> status >= 500 ? new InternalServerException(failure) : new ApiStatusException(failure);
        };
    }

    static ApiConnectionException noResponse(String method, URI uri, Throwable failure) {
        if (failure instanceof HttpTimeoutException) {
            return new ApiTimeoutException("Request timed out: " + method + " " + uri, method, uri.toString(), failure);
        }
        if (failure instanceof InterruptedIOException) {
            return new ApiConnectionException("Interrupted: " + method + " " + uri, method, uri.toString(), failure);
        }
        String why = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage();
        return new ApiConnectionException("Connection error: " + method + " " + uri + ": " + why, method,
                uri.toString(), failure);
    }

    static ApiResponseValidationException invalidBody(ApiResponse response, String expected, IOException e) {
        String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        return new ApiResponseValidationException("Data returned by API invalid for expected schema (" + expected + "): "
                + why, response.status(), response.bodyText(), response.requestId().orElse(null), response.method(),
                response.uri().toString(), e);
    }

    private static Failure failure(ApiResponse response, JsonCodec json) {
        String detail = detail(response, json);
        String message = detail != null ? detail : summary(response, json);
        return new Failure(response.status(), message, response.bodyText(), detail, response.requestId().orElse(null),
                response.headers(), response.method(), response.uri().toString());
    }

    /** Without a {@code detail}: the body's own message field, else its first line, else the request. */
    private static String summary(ApiResponse response, JsonCodec json) {
        String parsed = ErrorBody.parse(response, json).message();
        if (!parsed.startsWith("HTTP ")) {
            return parsed;
        }
        String firstLine = response.bodyText().strip().lines().findFirst().orElse("");
        if (!firstLine.isEmpty()) {
            return firstLine.length() > MAX_SUMMARY ? firstLine.substring(0, MAX_SUMMARY) + "..." : firstLine;
        }
        return response.method() + " " + response.uri();
    }

    /** The {@code detail} of {@code {"detail": ...}}: text as it is, anything else as JSON. */
    private static String detail(ApiResponse response, JsonCodec json) {
        if (!response.hasBody()) {
            return null;
        }
        try {
            JsonNode detail = json.tree(response.body()).path("detail");
            if (detail.isMissingNode() || detail.isNull()) {
                return null;
            }
            return detail.isTextual() ? detail.asText() : detail.toString();
        } catch (IOException notJson) {
            return null;
        }
    }
}
