package dev.mint.tinker.client;

import dev.mint.client.core.ApiResponse;
import dev.mint.client.core.RetryAfter;
import java.io.InterruptedIOException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/** What the download and the upload share: sending one exchange, and waiting between attempts. */
final class Transfers {
    private Transfers() {
    }

    static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        try {
            return client.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted during " + request.method() + " "
                    + request.uri());
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    /** Whether a transfer answered this way is worth another attempt: the API's own retry rules. */
    static boolean retryable(TinkerHttp http, ApiResponse response) {
        return http.settings().retryPolicy().retries(response, true);
    }

    /** Waits before attempt {@code attempt + 1}: {@code Retry-After} when the answer gave one, else the backoff. */
    static void pause(TinkerHttp http, int attempt, ApiResponse response) {
        Duration wait = response == null ? null : RetryAfter.of(response, Clock.systemUTC()).orElse(null);
        if (wait == null || wait.compareTo(http.settings().retryPolicy().maxDelay()) > 0) {
            wait = http.settings().retryPolicy().backoff(attempt - 1);
        }
        try {
            http.settings().sleeper().sleep(wait);
        } catch (InterruptedIOException e) {
            throw new TinkerException("Interrupted while waiting to retry a transfer", e);
        }
    }
}
