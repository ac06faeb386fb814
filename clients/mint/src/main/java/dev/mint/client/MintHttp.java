package dev.mint.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.client.core.ApiRequest;
import dev.mint.client.core.ApiResponse;
import dev.mint.client.core.HttpExecutor;
import dev.mint.client.core.JsonCodec;
import dev.mint.client.core.Page;
import dev.mint.client.model.TokenResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Sends MINT requests: adds the bearer token, turns error responses into {@link MintApiException}s,
 * decodes bodies, and recovers from one 401 by refreshing the token. Thread-safe: the token is an atomic
 * reference, and concurrent 401s share a single refresh.
 */
final class MintHttp implements AutoCloseable {
    private static final String LOGIN_PATH = "/api/auth/login";
    private static final String REFRESH_PATH = "/api/auth/refresh";

    private final HttpExecutor executor;
    private final JsonCodec json = JsonCodec.snakeCase();
    private final AtomicReference<String> token;
    private final Object refreshLock = new Object();
    private final Consumer<TokenResponse> onRefresh;

    MintHttp(HttpExecutor executor, String token, Consumer<TokenResponse> onRefresh) {
        this.executor = executor;
        this.token = new AtomicReference<>(token);
        this.onRefresh = onRefresh;
    }

    JsonCodec json() {
        return json;
    }

    String token() {
        return token.get();
    }

    void token(String newToken) {
        token.set(newToken);
    }

    /** Takes a refreshed token into use and tells the refresh listener. */
    void refreshed(TokenResponse refreshed) {
        token.set(refreshed.accessToken());
        onRefresh.accept(refreshed);
    }

    <T> T call(ApiRequest request, Class<T> type) {
        return decode(send(request), json.mapper().constructType(type));
    }

    void callNoContent(ApiRequest request) {
        send(request);
    }

    /** A list envelope {@code {"<key>": [...], "total": N}} as a page. */
    <T> Page<T> page(ApiRequest request, String key, Class<T> itemType, int skip) {
        ApiResponse response = send(request);
        JsonNode body = decode(response, json.mapper().constructType(JsonNode.class));
        List<T> items = list(response, body.path(key), key, itemType);
        long total = body.path("total").isNumber() ? body.path("total").asLong() : skip + items.size();
        return new Page<>(items, total, skip);
    }

    /** A list envelope, all of it. */
    <T> List<T> list(ApiRequest request, String key, Class<T> itemType) {
        ApiResponse response = send(request);
        JsonNode body = decode(response, json.mapper().constructType(JsonNode.class));
        return list(response, body.isArray() ? body : body.path(key), key, itemType);
    }

    private <T> List<T> list(ApiResponse response, JsonNode array, String key, Class<T> itemType) {
        if (!array.isArray()) {
            throw unexpected(response, "no \"" + key + "\" list in the response", null);
        }
        JavaType type = json.mapper().constructType(itemType);
        List<T> items = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            try {
                items.add(json.convert(item, type));
            } catch (IllegalArgumentException e) {
                throw unexpected(response, e.getMessage(), e);
            }
        }
        return items;
    }

    ApiRequest jsonRequest(String method, String path, Object body) {
        return ApiRequest.builder(method, path).body(json.write(body), "application/json").build();
    }

    /** Sends with the current token; on a 401 refreshes once (unless this is login or refresh) and resends. */
    ApiResponse send(ApiRequest request) {
        String used = token.get();
        try {
            return sendWith(request, used);
        } catch (MintAuthenticationException unauthorized) {
            if (used == null || isAuthCall(request)) {
                throw unauthorized;
            }
            String fresh = refreshAfter(used);
            if (fresh == null) {
                throw unauthorized;
            }
            return sendWith(request, fresh);
        }
    }

    /** Refreshes unless another thread already replaced {@code stale}; null when refresh is impossible. */
    private String refreshAfter(String stale) {
        synchronized (refreshLock) {
            String current = token.get();
            if (current != null && !current.equals(stale)) {
                return current;
            }
            try {
                TokenResponse refreshed = decode(sendWith(jsonRequest("POST", REFRESH_PATH, java.util.Map.of()), stale),
                        json.mapper().constructType(TokenResponse.class));
                refreshed(refreshed);
                return refreshed.accessToken();
            } catch (MintConnectionException unreachable) {
                throw unreachable;
            } catch (MintApiException refreshRejected) {
                return null;
            }
        }
    }

    private static boolean isAuthCall(ApiRequest request) {
        return request.path().equals(LOGIN_PATH) || request.path().equals(REFRESH_PATH);
    }

    private ApiResponse sendWith(ApiRequest request, String bearer) {
        ApiRequest authorized = bearer == null ? request
                : request.toBuilder().header("Authorization", "Bearer " + bearer).build();
        ApiResponse response;
        try {
            response = executor.execute(authorized);
        } catch (InterruptedIOException e) {
            throw new MintConnectionException(executor.resolve(request), false,
                    "Interrupted while calling " + executor.resolve(request), e);
        } catch (HttpTimeoutException e) {
            throw new MintConnectionException(executor.resolve(request), true,
                    "Timed out calling " + executor.resolve(request), e);
        } catch (IOException e) {
            throw new MintConnectionException(executor.resolve(request), false,
                    "Cannot reach " + executor.resolve(request) + ": " + describe(e), e);
        }
        if (!response.isSuccess()) {
            throw MintErrors.from(response, json);
        }
        return response;
    }

    private <T> T decode(ApiResponse response, JavaType type) {
        try {
            return json.read(response.body(), type);
        } catch (IOException e) {
            throw unexpected(response, e.getMessage(), e);
        }
    }

    private static MintApiException unexpected(ApiResponse response, String why, Throwable cause) {
        return new MintApiException(response.status(), "INVALID_RESPONSE",
                "Unexpected response from " + response.method() + " " + response.uri() + ": " + why,
                java.util.Map.of(), response.requestId().orElse(null), cause);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        executor.close();
    }

    static String segment(String value) {
        return ApiRequest.encode(Objects.requireNonNull(value, "value == null"));
    }

}
