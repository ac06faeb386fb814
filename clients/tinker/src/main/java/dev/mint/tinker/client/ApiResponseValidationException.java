package dev.mint.tinker.client;

import java.util.Optional;

/** A 2xx answer whose body does not fit the expected type: not JSON, a required field missing, a wrong type. */
public final class ApiResponseValidationException extends ApiException {
    private final int status;
    private final String body;
    private final String requestId;

    ApiResponseValidationException(String message, int status, String body, String requestId, String method,
                                   String uri, Throwable cause) {
        super(message, method, uri, cause);
        this.status = status;
        this.body = body;
        this.requestId = requestId;
    }

    public int status() {
        return status;
    }

    /** The body as received. */
    public String body() {
        return body;
    }

    @Override
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
