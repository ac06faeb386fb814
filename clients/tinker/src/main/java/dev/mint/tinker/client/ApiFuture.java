package dev.mint.tinker.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The pending result of a {@link RestClient} call (upstream's {@code APIFuture}): {@link #result()} blocks until
 * it is there and throws the call's own exception, unwrapped; {@link #future()} gives the
 * {@link CompletableFuture} to compose instead. Thread-safe; {@code result()} may be called any number of times.
 *
 * @param <T> the result type; {@link Void} (result {@code null}) for calls that answer nothing
 */
public final class ApiFuture<T> {
    private final CompletableFuture<T> future;

    private ApiFuture(CompletableFuture<T> future) {
        this.future = future;
    }

    static <T> ApiFuture<T> of(CompletableFuture<T> future) {
        return new ApiFuture<>(Objects.requireNonNull(future, "future == null"));
    }

    /**
     * Waits for the result.
     *
     * @throws TinkerException          what the call failed with: an {@link ApiStatusException} subclass, an
     *                                  {@link ApiConnectionException}, …; also when the wait is interrupted (the
     *                                  thread's interrupt flag is set again)
     * @throws CancellationException    when the future was cancelled
     */
    public T result() {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TinkerException("Interrupted while waiting for a result", e);
        } catch (ExecutionException e) {
            throw rethrow(e);
        }
    }

    /**
     * Waits at most {@code timeout} for the result. Giving up does not cancel the call.
     *
     * @throws ResultTimeoutException when the result is not there in time
     * @throws TinkerException        as {@link #result()}
     */
    public T result(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout == null");
        try {
            return future.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TinkerException("Interrupted while waiting for a result", e);
        } catch (ExecutionException e) {
            throw rethrow(e);
        } catch (TimeoutException e) {
            throw new ResultTimeoutException("No result within " + timeout);
        }
    }

    /** The underlying future, completing with the result or failing with the exception {@link #result()} throws. */
    public CompletableFuture<T> future() {
        return future;
    }

    public boolean isDone() {
        return future.isDone();
    }

    /** Cancels waiting for the result; a request already sent may still reach the server. */
    public boolean cancel() {
        return future.cancel(true);
    }

    private static RuntimeException rethrow(ExecutionException e) {
        Throwable cause = e.getCause();
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new TinkerException(String.valueOf(cause), cause);
    }
}
