package dev.mint.client.core;

import java.io.InterruptedIOException;
import java.time.Duration;

/** Waits between retries; injectable so tests need not sleep. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting to retry");
            interrupted.initCause(e);
            throw interrupted;
        }
    };

    void sleep(Duration duration) throws InterruptedIOException;
}
