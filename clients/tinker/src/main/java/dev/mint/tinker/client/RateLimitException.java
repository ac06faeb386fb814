package dev.mint.tinker.client;

import java.time.Duration;
import java.util.Optional;

/** 429 Too Many Requests, after the retries ran out. */
public final class RateLimitException extends ApiStatusException {
    private final Duration retryAfter;

    RateLimitException(Failure failure, Duration retryAfter) {
        super(failure);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked to wait ({@code Retry-After}), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
