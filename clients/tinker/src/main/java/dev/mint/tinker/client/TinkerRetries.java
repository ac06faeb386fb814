package dev.mint.tinker.client;

import dev.mint.client.core.RetryPolicy;
import dev.mint.client.core.RetryRule;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Upstream's two retry layers folded into one policy (wire reference §8): 408, 409, 429 and every 5xx, and
 * connection failures, are retried with exponential backoff and jitter until a deadline (upstream: 300 s);
 * {@code Retry-After} replaces the computed wait when it fits in the deadline. Everything is resent with the
 * same {@code X-Idempotency-Key}, so every request counts as idempotent.
 */
final class TinkerRetries {
    static final Set<Integer> RETRIED_STATUSES = Set.copyOf(IntStream.concat(IntStream.of(408, 409, 429),
            IntStream.rangeClosed(500, 599)).boxed().collect(Collectors.toSet()));

    /**
     * An edge proxy's empty 400 is a connection glitch (upstream §8.3), and a server's {@code x-should-retry}
     * says what it knows better than the status does.
     */
    static final RetryRule RULE = response -> {
        Optional<String> shouldRetry = response.header("x-should-retry");
        if (shouldRetry.filter("true"::equalsIgnoreCase).isPresent()) {
            return RetryRule.Decision.RETRY;
        }
        if (shouldRetry.filter("false"::equalsIgnoreCase).isPresent()) {
            return RetryRule.Decision.FINAL;
        }
        if (response.status() == 400 && !response.hasBody()) {
            return RetryRule.Decision.RETRY;
        }
        return RetryRule.Decision.BY_STATUS;
    };

    private TinkerRetries() {
    }

    static RetryPolicy policy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration deadline) {
        return new RetryPolicy(maxRetries, initialDelay, maxDelay, deadline, Optional.of(deadline), RETRIED_STATUSES,
                RULE);
    }
}
