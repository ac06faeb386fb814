package dev.mint.client.core;

/**
 * Overrules a {@link RetryPolicy}'s status set for one response. Some servers say per response whether a
 * retry may help (Stainless-generated APIs send {@code x-should-retry}), and some statuses are transient
 * only with certain bodies (an edge proxy's empty 400); a rule expresses that without a new policy field
 * per server.
 */
@FunctionalInterface
public interface RetryRule {
    /** The status set decides, as if there were no rule. */
    RetryRule BY_STATUS = response -> Decision.BY_STATUS;

    Decision decide(ApiResponse response);

    /** What a rule says about one response. */
    enum Decision {
        /** Retry, whatever the status and the request's idempotency (count, delays and deadline still apply). */
        RETRY,
        /** Do not retry; the response is final. */
        FINAL,
        /** Let the policy's status set decide. */
        BY_STATUS
    }
}
