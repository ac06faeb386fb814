package dev.mint.tinker.client;

import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * A non-2xx answer (upstream's {@code APIStatusError}). Subclasses name the common statuses; this class itself
 * stands for the others. The message is {@code HTTP <status>: <detail>}.
 */
public class ApiStatusException extends ApiException {
    private final int status;
    private final String body;
    private final String detail;
    private final String requestId;
    private final HttpHeaders headers;

    ApiStatusException(Failure failure) {
        super("HTTP " + failure.status() + ": " + failure.message()
                        + (failure.requestId() != null ? " (request id " + failure.requestId() + ")" : ""),
                failure.method(), failure.uri(), null);
        this.status = failure.status();
        this.body = failure.body();
        this.detail = failure.detail();
        this.requestId = failure.requestId();
        this.headers = failure.headers();
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The response body as received (empty when there was none). */
    public String body() {
        return body;
    }

    /**
     * The {@code detail} of a FastAPI-style {@code {"detail": ...}} body: its text, or its JSON when it is not
     * a string (validation lists). Empty when the body has no {@code detail}.
     */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    @Override
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The response headers. */
    public HttpHeaders headers() {
        return headers;
    }

    /** What an error response said, read once by {@link TinkerErrors} and handed to the constructors. */
    record Failure(int status, String message, String body, String detail, String requestId, HttpHeaders headers,
                   String method, String uri) {
    }
}
