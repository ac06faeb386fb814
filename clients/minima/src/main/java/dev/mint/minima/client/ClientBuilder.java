package dev.mint.minima.client;

import dev.mint.client.core.HttpExecutor;
import dev.mint.client.core.RetryPolicy;
import dev.mint.client.core.Sleeper;
import dev.mint.client.core.Transport;
import dev.mint.client.core.UserAgent;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The options both Minima clients share, resolved in one place: builder setting, then environment, then
 * default. The public builders {@link MinimaClient.Builder} and {@link AsyncMinimaClient.Builder} extend it.
 */
abstract class ClientBuilder<B extends ClientBuilder<B>> {
    static final String DEFAULT_BASE_URL = "http://127.0.0.1:8001/api/minima";
    /** Where the MINT platform mounts the Minima plugin. */
    static final String PLATFORM_PREFIX = "/api/minima";
    private static final Set<Integer> FEEDBACK_RETRIED_STATUSES = Set.of(502, 503, 504);

    private String baseUrl;
    private String apiKey;
    private Duration timeout = Duration.ofSeconds(10);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private int maxRetries = 2;
    private HttpClient httpClient;
    private Map<String, String> environment;
    private Sleeper sleeper = Sleeper.SYSTEM;

    ClientBuilder() {
    }

    abstract B self();

    /**
     * The Minima API base URL, with or without a trailing slash: {@code http://host:8001/api/minima} on the
     * MINT platform, {@code https://api.minima.sh} for the hosted service.
     */
    public B baseUrl(String baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
        return self();
    }

    /**
     * Sent as {@code Authorization: Bearer <key>}: a Mubit key ({@code mbt_...}) for the hosted service, any
     * platform credential (JWT or API token) on the MINT platform. A blank key sends no header.
     */
    public B apiKey(String apiKey) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
        return self();
    }

    /** The time one request may take, default 10 s. */
    public B timeout(Duration timeout) {
        this.timeout = positive(timeout, "timeout");
        return self();
    }

    /** The time to open a connection, default 10 s (ignored with {@link #httpClient}). */
    public B connectTimeout(Duration connectTimeout) {
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        return self();
    }

    /**
     * How often feedback is resent after a transport error or a 502/503/504, default 2 (3 attempts, waits
     * of about 0.5 s then 1 s, at most 4 s). Other calls are never retried. 0 turns retries off.
     */
    public B maxRetries(int maxRetries) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        this.maxRetries = maxRetries;
        return self();
    }

    /** Share an existing {@link HttpClient} (it is not closed with the client). */
    public B httpClient(HttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
        return self();
    }

    /** Environment variables to resolve from instead of the process's (for embedding and tests). */
    public B environment(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment == null"));
        return self();
    }

    /** How retry waits are slept; tests record them instead. */
    B sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
        return self();
    }

    MinimaHttp buildHttp(String clientName) {
        Map<String, String> env = environment != null ? environment : System.getenv();
        String source;
        String url;
        boolean platformUrl;
        if (baseUrl != null) {
            url = baseUrl;
            source = "baseUrl";
            platformUrl = false;
        } else if (nonBlank(env.get("MINIMA_BASE_URL")).isPresent()) {
            url = env.get("MINIMA_BASE_URL").strip();
            source = "MINIMA_BASE_URL";
            platformUrl = false;
        } else if (nonBlank(env.get("MINT_URL")).isPresent()) {
            String mint = env.get("MINT_URL").strip().replaceAll("/+$", "");
            url = (mint.contains("://") ? mint : "https://" + mint) + PLATFORM_PREFIX;
            source = "MINT_URL";
            platformUrl = true;
        } else {
            url = DEFAULT_BASE_URL;
            source = "the default";
            platformUrl = true;
        }
        // MINT_TOKEN is a platform credential: it only goes to a URL that is the platform's own, so that a
        // MINIMA_BASE_URL or baseUrl pointing elsewhere never receives it.
        String key = Optional.ofNullable(apiKey)
                .or(() -> nonBlank(env.get("MINIMA_API_KEY")))
                .or(() -> platformUrl ? nonBlank(env.get("MINT_TOKEN")) : Optional.empty())
                .map(String::strip).filter(k -> !k.isEmpty()).orElse(null);

        HttpClient client = httpClient != null ? httpClient : HttpClient.newBuilder()
                .version(url.startsWith("https:") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        RetryPolicy feedbackPolicy = RetryPolicy.defaults()
                .withMaxRetries(maxRetries)
                .withDelays(Duration.ofMillis(500), Duration.ofSeconds(4))
                .withMaxRetryAfter(Duration.ofSeconds(4))
                .withRetriedStatuses(FEEDBACK_RETRIED_STATUSES);
        try {
            HttpExecutor once = transport(url, key, clientName, client, RetryPolicy.none());
            HttpExecutor retried = transport(url, key, clientName, client, feedbackPolicy);
            return new MinimaHttp(url.replaceAll("/+$", ""), once, retried, httpClient == null ? client : null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid Minima base URL from " + source + ": " + e.getMessage(), e);
        }
    }

    private HttpExecutor transport(String url, String key, String clientName, HttpClient client, RetryPolicy policy) {
        Transport.Builder transport = Transport.builder()
                .baseUrl(url)
                .userAgent(UserAgent.of(clientName))
                .defaultHeader("x-minima-client", UserAgent.CLIENT_VERSION)
                .timeout(timeout)
                .httpClient(client)
                .retryPolicy(policy)
                .sleeper(sleeper)
                .loggerName("dev.mint.minima.client.http");
        if (key != null) {
            transport.defaultHeader("Authorization", "Bearer " + key);
        }
        return transport.build();
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
