package dev.mint.minima.client;

import com.fasterxml.jackson.databind.JavaType;
import dev.mint.client.core.ApiRequest;
import dev.mint.client.core.ApiResponse;
import dev.mint.client.core.HttpExecutor;
import dev.mint.client.core.JsonCodec;
import dev.mint.minima.client.MinimaException.Problem;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends Minima calls and turns what comes back into values or {@link MinimaException}s. The sync and
 * async clients share it; only {@link #send} and {@link #sendAsync} differ. It holds two executors over
 * one connection pool, because the retry rules differ per endpoint: feedback is retried (it is
 * idempotent on the server), everything else is sent once so that callers fail over to their default
 * model quickly.
 */
final class MinimaHttp implements AutoCloseable {
    private final String baseUrl;
    private final HttpExecutor once;
    private final HttpExecutor retried;
    private final HttpClient ownedClient;
    private final JsonCodec json = JsonCodec.snakeCase();

    /** One outgoing call: the request, the type of its answer, and whether it may be retried. */
    record Call<T>(ApiRequest request, JavaType type, boolean retry) {
    }

    MinimaHttp(String baseUrl, HttpExecutor once, HttpExecutor retried, HttpClient ownedClient) {
        this.baseUrl = baseUrl;
        this.once = once;
        this.retried = retried;
        this.ownedClient = ownedClient;
    }

    String baseUrl() {
        return baseUrl;
    }

    JsonCodec json() {
        return json;
    }

    <T> T send(Call<T> call) {
        HttpExecutor executor = call.retry() ? retried : once;
        ApiResponse response;
        try {
            response = executor.execute(call.request());
        } catch (IOException e) {
            throw noResponse(executor.resolve(call.request()), e);
        }
        return read(response, call.type());
    }

    <T> CompletableFuture<T> sendAsync(Call<T> call) {
        HttpExecutor executor = call.retry() ? retried : once;
        return executor.executeAsync(call.request()).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof IOException io) {
                    throw noResponse(executor.resolve(call.request()), io);
                }
                throw failure instanceof CompletionException ce ? ce : new CompletionException(cause);
            }
            return read(response, call.type());
        });
    }

    private <T> T read(ApiResponse response, JavaType type) {
        if (response.status() >= 400) {
            throw MinimaErrors.from(response, json);
        }
        try {
            return json.read(response.body(), type);
        } catch (IOException e) {
            Problem problem = new Problem(response.status(), null, "Unexpected response from " + response.method()
                    + " " + response.uri() + ": " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage()), null, response.bodyText(),
                    java.util.List.of(), response.requestId().orElse(null));
            throw new MinimaException(problem, e);
        }
    }

    private static MinimaException noResponse(URI uri, IOException e) {
        if (e instanceof InterruptedIOException) {
            return new MinimaException(Problem.noResponse("Interrupted while calling " + uri), e);
        }
        if (e instanceof HttpTimeoutException) {
            return new MinimaUnavailableException(Problem.noResponse("Timed out calling " + uri), true, e);
        }
        String why = e instanceof ConnectException ? "connection refused"
                : e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return new MinimaUnavailableException(Problem.noResponse("Cannot reach " + uri + ": " + why), false, e);
    }

    @Override
    public void close() {
        once.close();
        retried.close();
        // HttpClient is AutoCloseable only from Java 21; before that dropping it lets its pool wind down.
        if (ownedClient instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
    }
}
