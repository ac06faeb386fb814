package dev.mint.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** 429 Too Many Requests, after the client's own retries; {@link #retryAfter()} says when to try again. */
public class MintRateLimitException extends MintApiException {
    private final Duration retryAfter;

    public MintRateLimitException(int status, String code, String message, Map<String, Object> details,
                                  String requestId, Duration retryAfter) {
        super(status, code, message, details, requestId, null);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
