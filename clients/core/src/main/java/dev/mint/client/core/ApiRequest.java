package dev.mint.client.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request relative to a client's base URL: method, path, query, headers and an optional body
 * already encoded as bytes. Immutable; build with {@link #builder(String, String)}.
 *
 * <p>{@link #idempotent()} decides whether the retry layer may resend it after a failure the server may
 * have seen: GET, HEAD, PUT, DELETE and OPTIONS are idempotent by default, POST and PATCH are not unless
 * the caller says so (for example when the body carries an idempotency key).
 */
public final class ApiRequest {
    private final String method;
    private final String path;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, String> headers;
    private final byte[] body;
    private final String contentType;
    private final boolean idempotent;
    private final Duration timeout;

    private ApiRequest(Builder builder) {
        this.method = builder.method;
        this.path = builder.path;
        this.query = List.copyOf(builder.query);
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
        this.body = builder.body;
        this.contentType = builder.contentType;
        this.idempotent = builder.idempotent != null ? builder.idempotent : defaultIdempotent(builder.method);
        this.timeout = builder.timeout;
    }

    public static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    public static ApiRequest get(String path) {
        return builder("GET", path).build();
    }

    public static ApiRequest delete(String path) {
        return builder("DELETE", path).build();
    }

    public String method() {
        return method;
    }

    /** The path below the base URL, starting with {@code /}; segments are already encoded. */
    public String path() {
        return path;
    }

    public List<Map.Entry<String, String>> query() {
        return query;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Optional<byte[]> body() {
        return Optional.ofNullable(body);
    }

    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    public boolean idempotent() {
        return idempotent;
    }

    /** A per-request timeout overriding the transport's default. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** Path plus encoded query string, e.g. {@code /api/experiments?limit=10}. */
    public String pathAndQuery() {
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder out = new StringBuilder(path).append('?');
        for (int i = 0; i < query.size(); i++) {
            if (i > 0) {
                out.append('&');
            }
            out.append(encode(query.get(i).getKey())).append('=').append(encode(query.get(i).getValue()));
        }
        return out.toString();
    }

    public Builder toBuilder() {
        Builder builder = new Builder(method, path);
        builder.query.addAll(query);
        builder.headers.putAll(headers);
        builder.body = body;
        builder.contentType = contentType;
        builder.idempotent = idempotent;
        builder.timeout = timeout;
        return builder;
    }

    /** Percent-encodes one path segment or query component (spaces as {@code %20}). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean defaultIdempotent(String method) {
        return switch (method) {
            case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
            default -> false;
        };
    }

    /** Builds an {@link ApiRequest}. Query parameters keep their order; null values are skipped. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private String contentType;
        private Boolean idempotent;
        private Duration timeout;

        private Builder(String method, String path) {
            this.method = Objects.requireNonNull(method, "method == null").toUpperCase(java.util.Locale.ROOT);
            this.path = Objects.requireNonNull(path, "path == null");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with '/': " + path);
            }
        }

        /** Adds a query parameter; a null value is left out, so optional filters can be passed as they are. */
        public Builder query(String name, Object value) {
            Objects.requireNonNull(name, "name == null");
            if (value != null) {
                query.add(Map.entry(name, String.valueOf(value)));
            }
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
            return this;
        }

        public Builder body(byte[] body, String contentType) {
            this.body = Objects.requireNonNull(body, "body == null");
            this.contentType = Objects.requireNonNull(contentType, "contentType == null");
            return this;
        }

        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout == null");
            return this;
        }

        public ApiRequest build() {
            return new ApiRequest(this);
        }
    }
}
