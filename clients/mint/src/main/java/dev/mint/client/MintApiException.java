package dev.mint.client;

import java.util.Map;
import java.util.Optional;

/**
 * The root of every error {@link MintClient} raises. A response error carries the HTTP status, the
 * platform's error code, message and details, and the request id to quote when asking an operator.
 * Subclasses name the status family: {@link MintAuthenticationException} (401),
 * {@link MintPermissionException} (403), {@link MintNotFoundException} (404), {@link MintConflictException}
 * (409), {@link MintValidationException} (400, 422), {@link MintRateLimitException} (429),
 * {@link MintServerException} (5xx). A request that got no response raises
 * {@link MintConnectionException}; a client that cannot be configured raises this class with status 0.
 */
public class MintApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, Object> details;
    private final String requestId;

    public MintApiException(String message) {
        this(0, null, message, Map.of(), null, null);
    }

    public MintApiException(int status, String code, String message, Map<String, Object> details, String requestId,
                            Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.details = details == null ? Map.of() : Map.copyOf(details.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        this.requestId = requestId;
    }

    /** The HTTP status, or 0 when there was no response. */
    public int status() {
        return status;
    }

    /** The platform's error code, e.g. {@code NOT_FOUND}. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** Structured details from the error body (null values dropped). */
    public Map<String, Object> details() {
        return details;
    }

    /** The request id the server logged this request under. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
