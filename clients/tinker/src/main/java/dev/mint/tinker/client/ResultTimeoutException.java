package dev.mint.tinker.client;

/** {@link ApiFuture#result(java.time.Duration)} gave up waiting; the call itself goes on. */
public final class ResultTimeoutException extends TinkerException {
    ResultTimeoutException(String message) {
        super(message);
    }
}
