package dev.mint.tinker.client;

import dev.mint.client.core.ApiResponse;
import dev.mint.client.core.HttpExecutor;
import dev.mint.client.core.JsonCodec;
import dev.mint.client.core.RetryPolicy;
import dev.mint.client.core.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a {@link ServiceClient} and its {@link RestClient}s share: the retrying transport for API calls, the
 * HTTP client and headers for archive transfers, and the settings both need. Every API call goes through
 * {@link #send}, which is asynchronous; blocking callers wait on its future, so there is one code path.
 */
final class TinkerHttp implements AutoCloseable {
    private final Settings settings;
    private final HttpExecutor executor;
    private final HttpClient client;
    private final boolean ownsClient;
    private final JsonCodec json = JsonCodec.snakeCase();
    private final Object transferLock = new Object();
    private ExecutorService transfers;

    /** The resolved configuration. */
    record Settings(String baseUrl, String apiKey, Map<String, String> headers, Duration timeout, RetryPolicy retryPolicy,
                    Sleeper sleeper, Duration pollInterval, int maxTransferAttempts) {
    }

    TinkerHttp(Settings settings, HttpExecutor executor, HttpClient client, boolean ownsClient) {
        this.settings = settings;
        this.executor = executor;
        this.client = client;
        this.ownsClient = ownsClient;
    }

    Settings settings() {
        return settings;
    }

    JsonCodec json() {
        return json;
    }

    HttpClient client() {
        return client;
    }

    /** Sends a call (retrying per the policy) and reads its final answer; the future fails with an {@link ApiException}. */
    <T> CompletableFuture<T> send(TinkerCall<T> call) {
        URI uri = executor.resolve(call.request());
        CompletableFuture<ApiResponse> sent;
        try {
            sent = executor.executeAsync(call.request());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sent.handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof IOException) {
                    throw TinkerErrors.noResponse(call.request().method(), uri, cause);
                }
                throw failure instanceof CompletionException ce ? ce : new CompletionException(cause);
            }
            return call.reader().read(response, json);
        });
    }

    /** The absolute URL of a path below the base URL. */
    URI resolve(String pathAndQuery) {
        return URI.create(settings.baseUrl() + pathAndQuery);
    }

    /**
     * Headers for a request to {@code target} outside the API transport: on the API's own origin the client's
     * headers and the API key; anywhere else (a signed storage URL) only the {@code User-Agent}, so that neither
     * the key nor configured secrets such as Cloudflare Access credentials leave for another host.
     */
    Map<String, String> headersFor(URI target) {
        if (!sameOrigin(target, URI.create(settings.baseUrl()))) {
            return Map.of("User-Agent", settings.headers().get("User-Agent"));
        }
        Map<String, String> headers = new LinkedHashMap<>(settings.headers());
        headers.put("X-API-Key", settings.apiKey());
        return headers;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme())) && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(java.util.Locale.ROOT);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Daemon threads for the blocking file transfers, created on first use. */
    ExecutorService transfers() {
        synchronized (transferLock) {
            if (transfers == null) {
                AtomicInteger count = new AtomicInteger();
                transfers = Executors.newCachedThreadPool(task -> {
                    Thread thread = new Thread(task, "tinker-transfer-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
            }
            return transfers;
        }
    }

    @Override
    public void close() {
        executor.close();
        synchronized (transferLock) {
            if (transfers != null) {
                transfers.shutdownNow();
            }
        }
        // HttpClient is AutoCloseable only from Java 21; before that dropping it lets its pool wind down.
        if (ownsClient && client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
    }
}
