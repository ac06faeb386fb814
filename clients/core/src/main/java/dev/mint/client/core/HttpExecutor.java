package dev.mint.client.core;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Sends {@link ApiRequest}s and returns whatever the server answered, errors included. Implementations
 * are thread-safe. A failure to get any response (refused connection, reset, timeout) is an
 * {@link IOException}; an interrupted call throws {@link java.io.InterruptedIOException} with the
 * thread's interrupt flag set again.
 */
public interface HttpExecutor extends AutoCloseable {

    ApiResponse execute(ApiRequest request) throws IOException;

    /** The asynchronous form; the future fails with the same {@link IOException}s. */
    CompletableFuture<ApiResponse> executeAsync(ApiRequest request);

    /** The absolute URI a request goes to. */
    java.net.URI resolve(ApiRequest request);

    @Override
    void close();
}
