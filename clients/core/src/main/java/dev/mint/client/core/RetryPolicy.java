package dev.mint.client.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before resending a request.
 *
 * <ul>
 *   <li>Retried statuses: {@link #retriedStatuses()}, by default 408, 429, 500, 502, 503, 504. Idempotent
 *       requests are retried on all of them and on I/O failures; other requests only on 429 (the server
 *       refused before doing anything), when 429 is in the set, and on a refused connection (nothing was
 *       sent).</li>
 *   <li>The wait doubles from {@link #initialDelay()} up to {@link #maxDelay()}, scaled by a random factor
 *       in [0.5, 1] so that many clients do not retry in step.</li>
 *   <li>A {@code Retry-After} header (seconds or HTTP date) replaces the computed wait; one longer than
 *       {@link #maxRetryAfter()} ends the retries and the response is returned as it is.</li>
 *   <li>{@link #deadline()}, when set, bounds the whole call including waits.</li>
 *   <li>{@link #rule()} may overrule the status set for a response, e.g. to honour a server's
 *       {@code x-should-retry} header or to retry a status that only some bodies make transient.</li>
 * </ul>
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter,
                          Optional<Duration> deadline, Set<Integer> retriedStatuses, RetryRule rule) {
    private static final Set<Integer> DEFAULT_RETRIED_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    /** A policy retrying the default statuses. */
    public RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter,
                       Optional<Duration> deadline) {
        this(maxRetries, initialDelay, maxDelay, maxRetryAfter, deadline, DEFAULT_RETRIED_STATUSES);
    }

    /** A policy retrying these statuses, with no rule overruling them. */
    public RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter,
                       Optional<Duration> deadline, Set<Integer> retriedStatuses) {
        this(maxRetries, initialDelay, maxDelay, maxRetryAfter, deadline, retriedStatuses, RetryRule.BY_STATUS);
    }

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        Objects.requireNonNull(initialDelay, "initialDelay == null");
        Objects.requireNonNull(maxDelay, "maxDelay == null");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter == null");
        Objects.requireNonNull(deadline, "deadline == null");
        retriedStatuses = Set.copyOf(Objects.requireNonNull(retriedStatuses, "retriedStatuses == null"));
        Objects.requireNonNull(rule, "rule == null");
    }

    /** Two retries, 0.5 s then 1 s (before jitter), Retry-After honoured up to 60 s, no deadline. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60), Optional.empty());
    }

    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Optional.empty());
    }

    public RetryPolicy withMaxRetries(int maxRetries) {
        return new RetryPolicy(maxRetries, initialDelay, maxDelay, maxRetryAfter, deadline, retriedStatuses, rule);
    }

    public RetryPolicy withDeadline(Duration deadline) {
        return new RetryPolicy(maxRetries, initialDelay, maxDelay, maxRetryAfter, Optional.of(deadline), retriedStatuses, rule);
    }

    public RetryPolicy withMaxRetryAfter(Duration maxRetryAfter) {
        return new RetryPolicy(maxRetries, initialDelay, maxDelay, maxRetryAfter, deadline, retriedStatuses, rule);
    }

    public RetryPolicy withDelays(Duration initialDelay, Duration maxDelay) {
        return new RetryPolicy(maxRetries, initialDelay, maxDelay, maxRetryAfter, deadline, retriedStatuses, rule);
    }

    /**
     * Retries only these statuses. Some upstream clients retry a narrower set than the default, e.g. only
     * 502/503/504 and surface 429 at once; this lets a client match them.
     */
    public RetryPolicy withRetriedStatuses(Set<Integer> retriedStatuses) {
        return new RetryPolicy(maxRetries, initialDelay, maxDelay, maxRetryAfter, deadline, retriedStatuses, rule);
    }

    /** Lets {@code rule} overrule the status set; the retry count, delays and deadline still apply. */
    public RetryPolicy withRule(RetryRule rule) {
        return new RetryPolicy(maxRetries, initialDelay, maxDelay, maxRetryAfter, deadline, retriedStatuses, rule);
    }

    /** Whether this response may be retried for a request of this kind: the rule first, then the status set. */
    public boolean retries(ApiResponse response, boolean idempotent) {
        return switch (rule.decide(response)) {
            case RETRY -> true;
            case FINAL -> false;
            case BY_STATUS -> retriesStatus(response.status(), idempotent);
        };
    }

    /** Whether this status may be retried for a request of this kind. */
    public boolean retriesStatus(int status, boolean idempotent) {
        return idempotent ? retriedStatuses.contains(status) : status == 429 && retriedStatuses.contains(429);
    }

    /** The computed wait before retry number {@code retry} (0-based), jitter included. */
    public Duration backoff(int retry) {
        long base = initialDelay.toMillis() << Math.min(retry, 20);
        long capped = Math.min(Math.max(base, 0), maxDelay.toMillis());
        double factor = 0.5 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Duration.ofMillis((long) (capped * factor));
    }
}
