package dev.mint.server;

import dev.mint.sdk.AnalysisPlugin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the platform needs to start. Each option has one default, declared in {@link Builder}; the
 * CLI layers flags over environment ({@code MINT_...}, see {@link #fromEnvironment}) over those defaults.
 */
public record ServerConfig(
        String host,
        int port,
        Path dataDir,
        Optional<String> databaseUrl,
        Optional<String> jwtSecret,
        Duration tokenTtl,
        Duration refreshGrace,
        long maxBodyBytes,
        long maxPluginBytes,
        int loginAttemptsPerMinute,
        Optional<String> adminPassword,
        VisibilityMode experimentVisibility,
        List<AnalysisPlugin> plugins,
        Optional<Path> pluginsDir) {

    /** {@code open}: everyone with experiments.view sees unrestricted projects; {@code restricted}: members only. */
    public enum VisibilityMode {
        OPEN, RESTRICTED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static VisibilityMode parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("experiment visibility must be 'open' or 'restricted', not '" + value + "'");
            }
        }
    }

    public ServerConfig {
        Objects.requireNonNull(host, "host == null");
        Objects.requireNonNull(dataDir, "dataDir == null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("token TTL must be positive");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("max body size must be at least 1024 bytes");
        }
        if (maxPluginBytes < 1024) {
            throw new IllegalArgumentException("max plugin bundle size must be at least 1024 bytes");
        }
        if (loginAttemptsPerMinute < 1) {
            throw new IllegalArgumentException("login attempts per minute must be at least 1");
        }
        plugins = List.copyOf(plugins);
    }

    /** Where plugin jars are loaded from: the configured directory, else {@code <data-dir>/plugins}. */
    public Path effectivePluginsDir() {
        return pluginsDir.orElse(dataDir.resolve("plugins"));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().host(host).port(port).dataDir(dataDir).databaseUrl(databaseUrl.orElse(null))
                .jwtSecret(jwtSecret.orElse(null)).tokenTtl(tokenTtl).refreshGrace(refreshGrace)
                .maxBodyBytes(maxBodyBytes).maxPluginBytes(maxPluginBytes).loginAttemptsPerMinute(loginAttemptsPerMinute)
                .adminPassword(adminPassword.orElse(null)).experimentVisibility(experimentVisibility)
                .plugins(plugins).pluginsDir(pluginsDir.orElse(null));
    }

    /** Defaults overlaid with the {@code MINT_...} variables of {@code env}. */
    public static Builder fromEnvironment(Map<String, String> env) {
        Builder b = builder().dataDir(defaultDataDir(env));
        value(env, "MINT_HOST").ifPresent(b::host);
        value(env, "MINT_PORT").ifPresent(v -> b.port(parseInt("MINT_PORT", v)));
        value(env, "MINT_DATA_DIR").ifPresent(v -> b.dataDir(Path.of(v)));
        value(env, "MINT_DATABASE_URL").ifPresent(b::databaseUrl);
        value(env, "MINT_JWT_SECRET").ifPresent(b::jwtSecret);
        value(env, "MINT_JWT_TTL_MINUTES").ifPresent(v -> b.tokenTtl(Duration.ofMinutes(parseInt("MINT_JWT_TTL_MINUTES", v))));
        value(env, "MINT_MAX_BODY_BYTES").ifPresent(v -> b.maxBodyBytes(parseInt("MINT_MAX_BODY_BYTES", v)));
        value(env, "MINT_MAX_PLUGIN_BYTES").ifPresent(v -> b.maxPluginBytes(parseLong("MINT_MAX_PLUGIN_BYTES", v)));
        value(env, "MINT_LOGIN_RATE_LIMIT").ifPresent(v -> b.loginAttemptsPerMinute(parseInt("MINT_LOGIN_RATE_LIMIT", v)));
        value(env, "MINT_ADMIN_PASSWORD").ifPresent(b::adminPassword);
        value(env, "MINT_EXPERIMENT_VISIBILITY").ifPresent(v -> b.experimentVisibility(VisibilityMode.parse(v)));
        value(env, "MINT_PLUGINS_DIR").ifPresent(v -> b.pluginsDir(Path.of(v)));
        return b;
    }

    /** The data directory used when none is given: {@code $XDG_DATA_HOME/mint} or {@code ~/.local/share/mint}. */
    public static Path defaultDataDir(Map<String, String> env) {
        Path base = value(env, "XDG_DATA_HOME").map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".local", "share"));
        return base.resolve("mint");
    }

    /** The JDBC URL in force: the configured one, or an SQLite file in the data directory. */
    public String effectiveDatabaseUrl() {
        return databaseUrl.orElse("jdbc:sqlite:" + dataDir.resolve("mint.db").toAbsolutePath());
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8001;
        private Path dataDir;
        private String databaseUrl;
        private String jwtSecret;
        private Duration tokenTtl = Duration.ofHours(24);
        private Duration refreshGrace = Duration.ofDays(7);
        private long maxBodyBytes = 10L * 1024 * 1024;
        private long maxPluginBytes = 256L * 1024 * 1024;
        private int loginAttemptsPerMinute = 20;
        private String adminPassword;
        private VisibilityMode experimentVisibility = VisibilityMode.OPEN;
        private List<AnalysisPlugin> plugins = List.of();
        private Path pluginsDir;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host == null");
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir == null");
            return this;
        }

        /** {@code null} means an SQLite file in the data directory. */
        public Builder databaseUrl(String databaseUrl) {
            this.databaseUrl = databaseUrl;
            return this;
        }

        /** {@code null} means a secret generated once and kept in the data directory. */
        public Builder jwtSecret(String jwtSecret) {
            this.jwtSecret = jwtSecret;
            return this;
        }

        public Builder tokenTtl(Duration tokenTtl) {
            this.tokenTtl = Objects.requireNonNull(tokenTtl, "tokenTtl == null");
            return this;
        }

        /** How long after its expiry a session token may still be exchanged at {@code /api/auth/refresh}. */
        public Builder refreshGrace(Duration refreshGrace) {
            this.refreshGrace = Objects.requireNonNull(refreshGrace, "refreshGrace == null");
            return this;
        }

        /** Largest plugin bundle {@code POST /api/plugins/upload} accepts (default 256 MiB). */
        public Builder maxPluginBytes(long maxPluginBytes) {
            this.maxPluginBytes = maxPluginBytes;
            return this;
        }

        public Builder maxBodyBytes(long maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public Builder loginAttemptsPerMinute(int attempts) {
            this.loginAttemptsPerMinute = attempts;
            return this;
        }

        /** Password of the {@code admin} user created at first start; {@code null} generates and prints one. */
        public Builder adminPassword(String adminPassword) {
            this.adminPassword = adminPassword;
            return this;
        }

        public Builder experimentVisibility(VisibilityMode mode) {
            this.experimentVisibility = Objects.requireNonNull(mode, "mode == null");
            return this;
        }

        /** Plugin instances to host besides those discovered on the classpath and in the plugins directory. */
        public Builder plugins(List<AnalysisPlugin> plugins) {
            this.plugins = List.copyOf(Objects.requireNonNull(plugins, "plugins == null"));
            return this;
        }

        /** Directory of plugin jars; {@code null} means {@code <data-dir>/plugins}. */
        public Builder pluginsDir(Path pluginsDir) {
            this.pluginsDir = pluginsDir;
            return this;
        }

        public ServerConfig build() {
            if (dataDir == null) {
                throw new IllegalStateException("dataDir is required");
            }
            return new ServerConfig(host, port, dataDir, Optional.ofNullable(databaseUrl), Optional.ofNullable(jwtSecret),
                    tokenTtl, refreshGrace, maxBodyBytes, maxPluginBytes, loginAttemptsPerMinute, Optional.ofNullable(adminPassword),
                    experimentVisibility, plugins, Optional.ofNullable(pluginsDir));
        }
    }
}
