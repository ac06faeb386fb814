package dev.mint.tinker.client;

import dev.mint.client.core.HttpExecutor;
import dev.mint.client.core.RetryPolicy;
import dev.mint.client.core.Sleeper;
import dev.mint.client.core.Transport;
import dev.mint.client.core.UserAgent;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point of the Tinker client: holds the credential, the base URL and the connection pool, and hands
 * out {@link RestClient}s.
 *
 * <pre>{@code
 * try (ServiceClient service = ServiceClient.builder().baseUrl("http://127.0.0.1:8001/api/tinker").apiKey(key).build()) {
 *     RestClient rest = service.createRestClient();
 *     TrainingRun run = rest.getTrainingRun("run-id").result();
 * }
 * }</pre>
 *
 * <h2>Configuration</h2>
 * Builder setting, then environment, then default:
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Setting</th><th>Environment</th><th>Default</th></tr>
 *   <tr><td>{@link Builder#apiKey}</td><td>{@code TINKER_API_KEY}</td><td>none: construction fails</td></tr>
 *   <tr><td>{@link Builder#baseUrl}</td><td>{@code TINKER_BASE_URL} (blank counts as unset)</td>
 *       <td>{@value #DEFAULT_BASE_URL}</td></tr>
 *   <tr><td>{@link Builder#timeout}</td><td></td><td>60 s per request</td></tr>
 *   <tr><td>{@link Builder#connectTimeout}</td><td></td><td>5 s</td></tr>
 *   <tr><td>{@link Builder#retryDeadline}</td><td></td><td>300 s (retries stop when the next wait would pass it)</td></tr>
 *   <tr><td>{@link Builder#maxRetries}</td><td></td><td>unbounded: the deadline bounds the retries</td></tr>
 *   <tr><td>{@link Builder#retryBackoff}</td><td></td><td>0.5 s doubling up to 10 s, times a random factor in [0.5, 1]</td></tr>
 *   <tr><td>{@link Builder#maxTransferAttempts}</td><td></td><td>5 attempts per archive download or upload</td></tr>
 *   <tr><td>{@link Builder#checkKeyPrefix}</td><td></td><td>on: the key must start with {@code tml-} (or {@code eyJ}, a JWT)</td></tr>
 *   <tr><td>{@link Builder#header}</td><td>{@code CLOUDFLARE_ACCESS_CLIENT_ID} / {@code _SECRET} become
 *       {@code CF-Access-Client-Id} / {@code -Secret}</td><td>none</td></tr>
 * </table>
 *
 * <h2>Thread-safety and lifecycle</h2>
 * Immutable and thread-safe; the rest clients it creates share its connection pool and stay usable until it is
 * closed.
 */
public final class ServiceClient implements AutoCloseable {
    /** The hosted service, used when neither {@link Builder#baseUrl} nor {@code TINKER_BASE_URL} is set. */
    public static final String DEFAULT_BASE_URL = "https://tinker.thinkingmachines.dev/services/tinker-prod";

    private final TinkerHttp http;

    private ServiceClient(TinkerHttp http) {
        this.http = http;
    }

    /** A client for this base URL (e.g. {@code http://host:8001/api/tinker}) and API key. */
    public static ServiceClient create(String baseUrl, String apiKey) {
        return builder().baseUrl(baseUrl).apiKey(apiKey).build();
    }

    /** A client configured from {@code TINKER_API_KEY} and {@code TINKER_BASE_URL}. */
    public static ServiceClient fromEnvironment() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A client for the REST endpoints: runs, checkpoints, sessions, samplers, audit log, archives. Cheap; no request. */
    public RestClient createRestClient() {
        return new RestClient(http);
    }

    /** The base URL in use, without a trailing slash; request paths ({@code /api/v1/...}) are appended to it. */
    public String baseUrl() {
        return http.settings().baseUrl();
    }

    /** Releases the connection pool (unless it was given with {@link Builder#httpClient}) and the transfer threads. */
    @Override
    public void close() {
        http.close();
    }

    /** The shared transport, for calls of this package that have no public method (tests send creation calls). */
    TinkerHttp http() {
        return http;
    }

    /** Options for {@link ServiceClient}; see the class description for defaults and environment variables. */
    public static final class Builder {
        private static final String ENV_API_KEY = "TINKER_API_KEY";
        private static final String ENV_BASE_URL = "TINKER_BASE_URL";

        private String apiKey;
        private String baseUrl;
        private Map<String, String> environment;
        private Duration timeout = Duration.ofSeconds(60);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration retryDeadline = Duration.ofSeconds(300);
        private int maxRetries = Integer.MAX_VALUE;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private int maxTransferAttempts = 5;
        private boolean checkKeyPrefix = true;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpClient httpClient;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Duration pollInterval = Duration.ofSeconds(5);

        private Builder() {
        }

        /** The credential, sent as {@code X-API-Key}; an API key starts with {@code tml-}. */
        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
            return this;
        }

        /**
         * The service's base URL, which may carry a path prefix: {@code http://host:8001/api/tinker} on the MINT
         * platform. A trailing slash is optional.
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
            return this;
        }

        /** Environment variables to resolve from instead of the process's (for embedding and tests). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment == null"));
            return this;
        }

        /** The time one request may take, default 60 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /** The time to open a connection, default 5 s (ignored with {@link #httpClient}). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * How long a call keeps retrying, counted from its first attempt, default 300 s as upstream. A retry whose
         * wait would end past it is not made; the last error is raised instead.
         */
        public Builder retryDeadline(Duration retryDeadline) {
            this.retryDeadline = positive(retryDeadline, "retryDeadline");
            return this;
        }

        /** At most this many retries per call, default unbounded (the deadline bounds them); 0 turns retries off. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** The first retry wait and the cap of the doubling, default 0.5 s and 10 s (jitter scales each by 0.5–1). */
        public Builder retryBackoff(Duration initial, Duration max) {
            this.initialBackoff = positive(initial, "initial");
            this.maxBackoff = positive(max, "max");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("max backoff must be >= initial backoff");
            }
            return this;
        }

        /** How many times an archive download or upload is tried (a broken download resumes), default 5. */
        public Builder maxTransferAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be >= 1");
            }
            this.maxTransferAttempts = attempts;
            return this;
        }

        /**
         * Whether to reject keys that do not start with {@code tml-} or {@code eyJ} at construction, as upstream
         * does; default on. Turn off for servers that issue other keys.
         */
        public Builder checkKeyPrefix(boolean check) {
            this.checkKeyPrefix = check;
            return this;
        }

        /** A header sent with every request (e.g. for a proxy in front of the service). */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
            return this;
        }

        /** Share an existing {@link HttpClient} (it is not closed with the client); it must not follow redirects. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
            return this;
        }

        /** How waits between transfer attempts are slept; tests record them instead. */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
            return this;
        }

        /** How often a session trace export is polled, default 5 s as upstream. */
        Builder pollInterval(Duration pollInterval) {
            this.pollInterval = positive(pollInterval, "pollInterval");
            return this;
        }

        /**
         * Resolves the configuration and creates the client. Sends no request.
         *
         * @throws TinkerException          when there is no API key, or it fails the prefix check
         * @throws IllegalArgumentException when the base URL is not an http(s) URL with a host
         */
        public ServiceClient build() {
            Map<String, String> env = environment != null ? environment : System.getenv();
            String key = Optional.ofNullable(apiKey).or(() -> nonBlank(env.get(ENV_API_KEY))).map(String::strip)
                    .filter(k -> !k.isEmpty())
                    .orElseThrow(() -> new TinkerException("No API key: pass one to ServiceClient.Builder.apiKey or set "
                            + ENV_API_KEY));
            if (checkKeyPrefix && !(key.startsWith("tml-") || key.startsWith("eyJ"))) {
                throw new TinkerException("Invalid API key: it must start with 'tml-' (a Tinker API key) or 'eyJ' (a JWT)");
            }
            String source = baseUrl != null ? "baseUrl" : nonBlank(env.get(ENV_BASE_URL)).isPresent() ? ENV_BASE_URL : "the default";
            String url = (baseUrl != null ? baseUrl : nonBlank(env.get(ENV_BASE_URL)).orElse(DEFAULT_BASE_URL)).strip();

            Map<String, String> common = new LinkedHashMap<>();
            common.put("User-Agent", UserAgent.of("TinkerServiceClient"));
            nonBlank(env.get("CLOUDFLARE_ACCESS_CLIENT_ID")).ifPresent(id -> common.put("CF-Access-Client-Id", id));
            nonBlank(env.get("CLOUDFLARE_ACCESS_CLIENT_SECRET")).ifPresent(s -> common.put("CF-Access-Client-Secret", s));
            common.putAll(headers);

            HttpClient client = httpClient != null ? httpClient : HttpClient.newBuilder()
                    .version(url.startsWith("https:") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            RetryPolicy policy = TinkerRetries.policy(maxRetries, initialBackoff, maxBackoff, retryDeadline);
            Transport.Builder transport;
            try {
                transport = Transport.builder().baseUrl(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid Tinker base URL from " + source + ": " + e.getMessage(), e);
            }
            transport.userAgent(common.get("User-Agent")).timeout(timeout).httpClient(client).retryPolicy(policy)
                    .sleeper(sleeper).loggerName("dev.mint.tinker.client.http").defaultHeader("X-API-Key", key);
            common.forEach((name, value) -> {
                if (!name.equals("User-Agent")) {
                    transport.defaultHeader(name, value);
                }
            });
            HttpExecutor executor = transport.build();
            TinkerHttp.Settings settings = new TinkerHttp.Settings(url.replaceAll("/+$", ""), key, Map.copyOf(common),
                    timeout, policy, sleeper, pollInterval, maxTransferAttempts);
            return new ServiceClient(new TinkerHttp(settings, executor, client, httpClient == null));
        }

        private static Optional<String> nonBlank(String value) {
            return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(String::strip);
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
