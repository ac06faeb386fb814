package dev.mint.client;

import dev.mint.client.core.ApiRequest;
import dev.mint.client.core.HttpExecutor;
import dev.mint.client.core.RetryPolicy;
import dev.mint.client.core.Transport;
import dev.mint.client.core.UserAgent;
import dev.mint.client.model.Health;
import dev.mint.client.model.TokenResponse;
import dev.mint.client.model.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java client of the MINT platform REST API.
 *
 * <pre>{@code
 * try (MintClient client = MintClient.create()) {              // MINT_URL / MINT_TOKEN, else `mint auth login`
 *     Experiment experiment = client.experiments().get(42);
 * }
 * MintClient.create("https://mint.example.org", token);          // explicit URL and token
 * MintClient.create("https://mint.example.org", "alice", pw);    // logs in now
 * }</pre>
 *
 * <h2>Configuration</h2>
 * Builder setting, then environment, then stored credentials, then default:
 * <table>
 *   <tr><th>Setting</th><th>Environment</th><th>Default</th></tr>
 *   <tr><td>{@link Builder#baseUrl}</td><td>{@code MINT_URL}</td><td>the credentials file's default host, else an error</td></tr>
 *   <tr><td>{@link Builder#token} / {@link Builder#credentials}</td><td>{@code MINT_TOKEN}</td><td>the credentials file's token for the URL, else none</td></tr>
 *   <tr><td>{@link Builder#timeout}</td><td>{@code MINT_PLATFORM_TIMEOUT} (seconds)</td><td>30 s</td></tr>
 *   <tr><td>{@link Builder#connectTimeout}</td><td>{@code MINT_PLATFORM_CONNECT_TIMEOUT} (seconds)</td><td>10 s</td></tr>
 *   <tr><td>{@link Builder#maxRetries}</td><td></td><td>2 (idempotent requests; 429 for all)</td></tr>
 * </table>
 * The credentials file is described at {@link CredentialsStore}.
 *
 * <h2>Errors</h2>
 * Every failure is a {@link MintApiException}: a subclass per HTTP status family for error responses, and
 * {@link MintConnectionException} when there was no response. A 401 while a token is set triggers one
 * {@code auth().refresh()} and one resend; a token that came from the credentials file is written back
 * there when refreshed.
 *
 * <h2>Thread-safety</h2>
 * Unlike the Python client, a {@code MintClient} is safe to share between threads, and sharing one is the
 * better choice: all threads reuse its connection pool, and when a token expires concurrent calls wait for
 * a single refresh instead of each refreshing. {@link #login} and {@link #logout} change the token for
 * every thread using the client.
 */
public final class MintClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MintClient.class);

    private final String baseUrl;
    private final MintHttp http;
    private final Lazy<AuthApi> auth;
    private final Lazy<ExperimentsApi> experiments;
    private final Lazy<ProjectsApi> projects;
    private final Lazy<PluginsApi> plugins;

    private MintClient(String baseUrl, MintHttp http) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.auth = new Lazy<>(() -> new AuthApi(http));
        this.experiments = new Lazy<>(() -> new ExperimentsApi(http));
        this.projects = new Lazy<>(() -> new ProjectsApi(http, experiments()));
        this.plugins = new Lazy<>(() -> new PluginsApi(http));
    }

    /** Resolves URL and token from the environment and the credentials file. */
    public static MintClient create() {
        return builder().build();
    }

    public static MintClient create(String baseUrl, String token) {
        return builder().baseUrl(baseUrl).token(token).build();
    }

    /** Logs in with username and password while constructing. */
    public static MintClient create(String baseUrl, String username, String password) {
        return builder().baseUrl(baseUrl).credentials(username, password).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The platform URL this client calls, e.g. {@code https://mint.example.org}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The bearer token in use, if any. */
    public Optional<String> token() {
        return Optional.ofNullable(http.token());
    }

    public AuthApi auth() {
        return auth.get();
    }

    public ExperimentsApi experiments() {
        return experiments.get();
    }

    public ProjectsApi projects() {
        return projects.get();
    }

    public PluginsApi plugins() {
        return plugins.get();
    }

    /** Same as {@code auth().login(username, password)}. */
    public TokenResponse login(String username, String password) {
        return auth().login(username, password);
    }

    /** Same as {@code auth().logout()}: this client forgets its token. */
    public void logout() {
        auth().logout();
    }

    /** Same as {@code auth().whoami()}. */
    public User whoami() {
        return auth().whoami();
    }

    /** {@code GET /api/health} (needs no token). */
    public Health health() {
        return http.call(ApiRequest.get("/api/health"), Health.class);
    }

    /** Releases the connection pool. */
    @Override
    public void close() {
        http.close();
    }

    /** Options for {@link MintClient}. Setters reject null; {@link #build} resolves what was not set. */
    public static final class Builder {
        private String baseUrl;
        private String token;
        private String username;
        private String password;
        private Duration timeout;
        private Duration connectTimeout;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Map<String, String> environment;
        private CredentialsStore credentialsStore;
        private HttpClient httpClient;
        private Consumer<TokenResponse> onTokenRefresh = refreshed -> { };

        private Builder() {
        }

        /** The platform URL, e.g. {@code https://mint.example.org}; {@code https://} is assumed without a scheme. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
            return this;
        }

        /** A JWT or an API token ({@code mint_pat_...}). */
        public Builder token(String token) {
            this.token = Objects.requireNonNull(token, "token == null");
            return this;
        }

        /** Log in with these during {@link #build}. */
        public Builder credentials(String username, String password) {
            this.username = Objects.requireNonNull(username, "username == null");
            this.password = Objects.requireNonNull(password, "password == null");
            return this;
        }

        /** Per-request timeout (default 30 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout == null");
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout == null");
            return this;
        }

        /** Retries after a failure (default 2; 0 turns retries off). */
        public Builder maxRetries(int maxRetries) {
            this.retryPolicy = retryPolicy.withMaxRetries(maxRetries);
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
            return this;
        }

        /** Environment variables to resolve from instead of the process's ({@code MINT_*}, {@code HOME}, ...). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment == null"));
            return this;
        }

        /** Where stored credentials are read (default: the standard locations, see {@link CredentialsStore}). */
        public Builder credentialsStore(CredentialsStore credentialsStore) {
            this.credentialsStore = Objects.requireNonNull(credentialsStore, "credentialsStore == null");
            return this;
        }

        /** Share an existing {@link HttpClient} (it is not closed with this client). */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
            return this;
        }

        /** Called after every automatic or explicit token refresh. */
        public Builder onTokenRefresh(Consumer<TokenResponse> listener) {
            this.onTokenRefresh = Objects.requireNonNull(listener, "listener == null");
            return this;
        }

        /**
         * Resolves the configuration, and logs in when {@link #credentials} were given.
         *
         * @throws MintApiException when no URL can be found, the credentials file is unusable, or login fails
         */
        public MintClient build() {
            Map<String, String> env = environment != null ? environment : System.getenv();
            CredentialsStore store = credentialsStore != null ? credentialsStore : CredentialsStore.forEnvironment(env);
            Lazy<Optional<StoredCredentials>> stored = new Lazy<>(store::load);

            String url = Optional.ofNullable(baseUrl).or(() -> nonBlank(env.get("MINT_URL")))
                    .or(() -> stored.get().flatMap(StoredCredentials::defaultHost))
                    .orElseThrow(() -> new MintApiException("No MINT platform URL: pass baseUrl(...), set MINT_URL, "
                            + "or run `mint auth login` to store one in " + store.location()));
            String given = url;
            try {
                url = CredentialsStore.normalizeHost(given);
                URI parsed = URI.create(url);
                if (parsed.getHost() == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                    throw new IllegalArgumentException("not an http(s) URL with a host");
                }
            } catch (IllegalArgumentException e) {
                throw new MintApiException("Invalid MINT platform URL '" + given + "': " + e.getMessage());
            }

            boolean tokenFromFile = false;
            String resolvedToken = token;
            if (resolvedToken == null && username == null) {
                resolvedToken = nonBlank(env.get("MINT_TOKEN")).orElse(null);
                if (resolvedToken == null) {
                    String host = url;
                    resolvedToken = stored.get().flatMap(s -> s.forHost(host))
                            .map(HostCredentials::accessToken).orElse(null);
                    tokenFromFile = resolvedToken != null;
                }
            }

            HttpExecutor executor = transport(url, env);
            Consumer<TokenResponse> listener = tokenFromFile
                    ? onTokenRefresh.andThen(writeBack(store, url)) : onTokenRefresh;
            MintClient client = new MintClient(url, new MintHttp(executor, resolvedToken, listener));
            if (username != null) {
                try {
                    client.login(username, password);
                } catch (RuntimeException e) {
                    client.close();
                    throw e;
                }
            }
            return client;
        }

        private HttpExecutor transport(String url, Map<String, String> env) {
            Transport.Builder transport = Transport.builder()
                    .baseUrl(url)
                    .userAgent(UserAgent.of("MintClient"))
                    .retryPolicy(retryPolicy)
                    .loggerName("dev.mint.client.http")
                    .timeout(Optional.ofNullable(timeout).orElseGet(() -> seconds(env, "MINT_PLATFORM_TIMEOUT", 30)))
                    .connectTimeout(Optional.ofNullable(connectTimeout)
                            .orElseGet(() -> seconds(env, "MINT_PLATFORM_CONNECT_TIMEOUT", 10)));
            if (httpClient != null) {
                transport.httpClient(httpClient);
            }
            return transport.build();
        }

        private static Consumer<TokenResponse> writeBack(CredentialsStore store, String url) {
            return refreshed -> {
                try {
                    StoredCredentials current = store.load().orElse(StoredCredentials.empty());
                    Optional<String> username = current.forHost(url).flatMap(HostCredentials::username);
                    store.save(current.withToken(url, HostCredentials.bearer(refreshed.accessToken(),
                            username.orElse(null), Instant.now().plusSeconds(refreshed.expiresIn()))));
                } catch (MintApiException e) {
                    LOG.warn("Token refreshed but not saved: {}", e.getMessage());
                }
            };
        }

        private static Duration seconds(Map<String, String> env, String name, long defaultSeconds) {
            Optional<String> value = nonBlank(env.get(name));
            if (value.isEmpty()) {
                return Duration.ofSeconds(defaultSeconds);
            }
            try {
                double seconds = Double.parseDouble(value.get());
                if (seconds > 0) {
                    return Duration.ofMillis((long) (seconds * 1000));
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new MintApiException(name + " must be a positive number of seconds, got '" + value.get() + "'");
        }

        private static Optional<String> nonBlank(String value) {
            return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
        }
    }

    /** A value made on first use, once, safely across threads. */
    static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> factory;
        private volatile T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        @Override
        public T get() {
            T current = value;
            if (current == null) {
                synchronized (this) {
                    current = value;
                    if (current == null) {
                        current = factory.get();
                        value = current;
                    }
                }
            }
            return current;
        }
    }
}
