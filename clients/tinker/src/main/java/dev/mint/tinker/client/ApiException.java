package dev.mint.tinker.client;

import java.util.Optional;

/** An error about one HTTP exchange (upstream's {@code APIError}); see {@link TinkerException} for the subclasses. */
public class ApiException extends TinkerException {
    private final String method;
    private final String uri;

    ApiException(String message, String method, String uri, Throwable cause) {
        super(message, cause);
        this.method = method;
        this.uri = uri;
    }

    /** The HTTP method of the failed request, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    /** The URL of the failed request. */
    public String uri() {
        return uri;
    }

    /** The server's {@code X-Request-Id}, when an answer carried one. */
    public Optional<String> requestId() {
        return Optional.empty();
    }
}
