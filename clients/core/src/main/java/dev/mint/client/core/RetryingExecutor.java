package dev.mint.client.core;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Decorates an {@link HttpExecutor} with the {@link RetryPolicy}. The synchronous and asynchronous paths
 * share one decision ({@link #nextDelay}); only the waiting differs.
 */
final class RetryingExecutor implements HttpExecutor {
    private final HttpExecutor delegate;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;

    RetryingExecutor(HttpExecutor delegate, RetryPolicy policy, Clock clock, Sleeper sleeper) {
        this.delegate = delegate;
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public ApiResponse execute(ApiRequest request) throws IOException {
        Instant start = clock.instant();
        for (int retry = 0; ; retry++) {
            ApiResponse response;
            try {
                response = delegate.execute(request);
            } catch (java.io.InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                Optional<Duration> delay = nextDelay(request, retry, start, null, e);
                if (delay.isEmpty()) {
                    throw e;
                }
                sleeper.sleep(delay.get());
                continue;
            }
            Optional<Duration> delay = nextDelay(request, retry, start, response, null);
            if (delay.isEmpty()) {
                return response;
            }
            sleeper.sleep(delay.get());
        }
    }

    @Override
    public CompletableFuture<ApiResponse> executeAsync(ApiRequest request) {
        return attemptAsync(request, 0, clock.instant());
    }

    private CompletableFuture<ApiResponse> attemptAsync(ApiRequest request, int retry, Instant start) {
        return delegate.executeAsync(request).handle((response, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause != null && !(cause instanceof IOException)) {
                return CompletableFuture.<ApiResponse>failedFuture(cause);
            }
            Optional<Duration> delay = nextDelay(request, retry, start, response, (IOException) cause);
            if (delay.isEmpty()) {
                return cause != null ? CompletableFuture.<ApiResponse>failedFuture(cause) : CompletableFuture.completedFuture(response);
            }
            return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(delay.get().toMillis(), TimeUnit.MILLISECONDS))
                    .thenCompose(ignored -> attemptAsync(request, retry + 1, start));
        }).thenCompose(future -> future);
    }

    /** The wait before the next attempt, or empty when this outcome is final. */
    private Optional<Duration> nextDelay(ApiRequest request, int retry, Instant start, ApiResponse response,
                                         IOException failure) {
        if (retry >= policy.maxRetries()) {
            return Optional.empty();
        }
        Duration delay;
        if (failure != null) {
            boolean nothingSent = failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException;
            if (!request.idempotent() && !nothingSent) {
                return Optional.empty();
            }
            delay = policy.backoff(retry);
        } else {
            if (!policy.retries(response, request.idempotent())) {
                return Optional.empty();
            }
            Optional<Duration> retryAfter = RetryAfter.of(response, clock);
            if (retryAfter.isPresent() && retryAfter.get().compareTo(policy.maxRetryAfter()) > 0) {
                return Optional.empty();
            }
            delay = retryAfter.orElseGet(() -> policy.backoff(retry));
        }
        if (policy.deadline().isPresent()
                && clock.instant().plus(delay).isAfter(start.plus(policy.deadline().get()))) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    @Override
    public URI resolve(ApiRequest request) {
        return delegate.resolve(request);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
