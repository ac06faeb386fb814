package dev.mint.client.core;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Assembles the {@link HttpExecutor} every client in this repository uses: a pooled
 * {@link HttpClient}, a default timeout, a {@code User-Agent}, default headers, debug logging with
 * secrets redacted, and retries per a {@link RetryPolicy}.
 *
 * <p>HTTP/2 is negotiated for {@code https} base URLs (ALPN) and HTTP/1.1 keep-alive is used for plain
 * {@code http}, which spares every new connection the h2c upgrade attempt.
 */
public final class Transport {
    private Transport() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for {@link Transport}; {@link #baseUrl} and {@link #userAgent} are required. */
    public static final class Builder {
        private String baseUrl;
        private Duration timeout = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private String userAgent;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private HttpClient httpClient;
        private String loggerName = "dev.mint.client.http";
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder() {
        }

        /** {@code scheme://host[:port][/prefix]}; a trailing slash is dropped. */
        public Builder baseUrl(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl == null");
            URI uri = URI.create(baseUrl);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("base URL must be an http(s) URL with a host: " + baseUrl);
            }
            this.baseUrl = baseUrl.replaceAll("/+$", "");
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent == null");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
            return this;
        }

        public Builder defaultHeader(String name, String value) {
            defaultHeaders.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
            return this;
        }

        /** Use this client instead of creating one (it is then not closed with the transport). */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
            return this;
        }

        /** SLF4J logger for the request/response lines; default {@code dev.mint.client.http}. */
        public Builder loggerName(String loggerName) {
            this.loggerName = Objects.requireNonNull(loggerName, "loggerName == null");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
            return this;
        }

        public HttpExecutor build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required");
            }
            if (userAgent == null) {
                throw new IllegalStateException("userAgent is required");
            }
            boolean owns = httpClient == null;
            HttpClient client = owns ? newClient() : httpClient;
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("User-Agent", userAgent);
            headers.put("Accept", "application/json");
            headers.putAll(defaultHeaders);
            HttpExecutor executor = new JdkHttpExecutor(client, owns, baseUrl, timeout, headers, new HttpLog(loggerName));
            return retryPolicy.maxRetries() == 0 ? executor : new RetryingExecutor(executor, retryPolicy, clock, sleeper);
        }

        private HttpClient newClient() {
            return HttpClient.newBuilder()
                    .version(baseUrl.startsWith("https:") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name + " == null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
