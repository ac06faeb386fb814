package dev.mint.client.core;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Sends requests with one shared {@link HttpClient}, so connections are pooled and reused. */
final class JdkHttpExecutor implements HttpExecutor {
    private final HttpClient client;
    private final boolean ownsClient;
    private final String baseUrl;
    private final Duration timeout;
    private final Map<String, String> defaultHeaders;
    private final HttpLog log;

    JdkHttpExecutor(HttpClient client, boolean ownsClient, String baseUrl, Duration timeout,
                    Map<String, String> defaultHeaders, HttpLog log) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.defaultHeaders = Map.copyOf(defaultHeaders);
        this.log = log;
    }

    @Override
    public ApiResponse execute(ApiRequest request) throws IOException {
        HttpRequest httpRequest = toHttpRequest(request);
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            return logged(request, httpRequest, response, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted during " + request.method()
                    + " " + httpRequest.uri());
            interrupted.initCause(e);
            throw interrupted;
        } catch (IOException e) {
            log.failure(request, httpRequest.uri(), e, started);
            throw e;
        }
    }

    @Override
    public CompletableFuture<ApiResponse> executeAsync(ApiRequest request) {
        HttpRequest httpRequest;
        try {
            httpRequest = toHttpRequest(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        long started = System.nanoTime();
        return client.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        if (cause instanceof IOException io) {
                            log.failure(request, httpRequest.uri(), io, started);
                        }
                        throw failure instanceof CompletionException ce ? ce : new CompletionException(cause);
                    }
                    return logged(request, httpRequest, response, started);
                });
    }

    @Override
    public URI resolve(ApiRequest request) {
        return URI.create(baseUrl + request.pathAndQuery());
    }

    private ApiResponse logged(ApiRequest request, HttpRequest httpRequest, HttpResponse<byte[]> response, long started) {
        ApiResponse apiResponse = new ApiResponse(response.statusCode(), response.headers(), response.body(),
                httpRequest.uri(), request.method());
        log.exchange(request, httpRequest, apiResponse, started);
        return apiResponse;
    }

    private HttpRequest toHttpRequest(ApiRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(request))
                .timeout(request.timeout().orElse(timeout));
        defaultHeaders.forEach(builder::header);
        request.headers().forEach(builder::setHeader);
        request.contentType().ifPresent(type -> builder.setHeader("Content-Type", type));
        HttpRequest.BodyPublisher body = request.body()
                .map(HttpRequest.BodyPublishers::ofByteArray)
                .orElseGet(HttpRequest.BodyPublishers::noBody);
        return builder.method(request.method(), body).build();
    }

    @Override
    public void close() {
        if (ownsClient) {
            // HttpClient has no close() before Java 21; dropping the reference lets its pool wind down.
            if (client instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // closing is best effort
                }
            }
        }
    }
}
