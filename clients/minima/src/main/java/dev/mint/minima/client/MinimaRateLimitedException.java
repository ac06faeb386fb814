package dev.mint.minima.client;

import java.time.Duration;
import java.util.Optional;

/** 429: too many requests. Never retried by the client; {@link #retryAfter()} says when to try again. */
public class MinimaRateLimitedException extends MinimaException {
    private final Duration retryAfter;

    MinimaRateLimitedException(Problem problem, Duration retryAfter) {
        super(problem, null);
        this.retryAfter = retryAfter;
    }

    /** The wait the server asked for in {@code Retry-After} (seconds or an HTTP date). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
