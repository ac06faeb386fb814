package dev.mint.minima.client;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Small helpers for futures. */
final class Futures {
    private Futures() {
    }

    /** The exception a future failed with, without the wrappers futures add. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Rethrows a failure inside a future's stage, keeping the original exception as the cause. */
    static CompletionException rethrow(Throwable failure) {
        return failure instanceof CompletionException ce ? ce : new CompletionException(unwrap(failure));
    }
}
