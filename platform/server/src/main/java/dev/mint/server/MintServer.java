package dev.mint.server;

import dev.mint.sdk.RequestIds;
import dev.mint.server.audit.Actor;
import dev.mint.server.audit.AuditLog;
import dev.mint.server.auth.AuthRoutes;
import dev.mint.server.auth.Authenticator;
import dev.mint.server.auth.LoginRateLimiter;
import dev.mint.server.auth.PasswordHasher;
import dev.mint.server.auth.Role;
import dev.mint.server.auth.RoleStore;
import dev.mint.server.auth.TokenService;
import dev.mint.server.db.Database;
import dev.mint.server.db.PlatformSchema;
import dev.mint.server.experiments.ExperimentDataStore;
import dev.mint.server.experiments.ExperimentRoutes;
import dev.mint.server.experiments.ExperimentStore;
import dev.mint.server.experiments.ExperimentTypeStore;
import dev.mint.server.http.ErrorHandling;
import dev.mint.server.http.Json;
import dev.mint.server.plugins.PluginHost;
import dev.mint.server.plugins.PluginRegistry;
import dev.mint.server.plugins.PluginInstallRoutes;
import dev.mint.server.plugins.PluginRoleRoutes;
import dev.mint.server.plugins.PluginRoutes;
import dev.mint.server.projects.Access;
import dev.mint.server.projects.ProjectRoutes;
import dev.mint.server.projects.ProjectStore;
import dev.mint.server.users.UserRoutes;
import dev.mint.server.users.UserStore;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.ContentType;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MINT platform: one HTTP server, one database. {@link #start} migrates the schema, creates the
 * {@code admin} user on first start, and serves the REST API under {@code /api}. Close it to stop.
 */
public final class MintServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MintServer.class);

    private final ServerConfig config;
    private final Database database;
    private final Javalin app;
    private final Optional<String> generatedAdminPassword;
    private final PluginRegistry plugins;
    private final PluginHost host;

    private MintServer(ServerConfig config, Database database, Javalin app, Optional<String> generatedAdminPassword,
                       PluginRegistry plugins, PluginHost host) {
        this.config = config;
        this.database = database;
        this.app = app;
        this.generatedAdminPassword = generatedAdminPassword;
        this.plugins = plugins;
        this.host = host;
    }

    public static MintServer start(ServerConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create data directory " + config.dataDir() + ": " + e.getMessage(), e);
        }
        Database database = Database.open(config.effectiveDatabaseUrl());
        try {
            PlatformSchema.migrate(database);
            RoleStore roles = new RoleStore(database.jdbi());
            UserStore users = new UserStore();
            AuditLog audit = new AuditLog();
            Optional<String> generated = createAdminIfMissing(database, users, audit, config);
            TokenService tokens = new TokenService(TokenService.loadSecret(config.jwtSecret(), config.dataDir()),
                    config.tokenTtl(), config.refreshGrace());
            Authenticator auth = new Authenticator(database.jdbi(), tokens, roles);
            Access access = new Access(config.experimentVisibility());
            PluginRegistry plugins = new PluginRegistry();
            ProjectStore projects = new ProjectStore();
            ExperimentStore experimentStore = new ExperimentStore(database);
            ExperimentDataStore dataStore = new ExperimentDataStore();
            PluginHost host = new PluginHost(database, plugins, auth, users, experimentStore, dataStore,
                    Map.of("version", Version.CURRENT, "database", database.dialect().wireName(),
                            "data_dir", config.dataDir().toAbsolutePath().toString()));
            host.start(config.plugins(), config.effectivePluginsDir());
            ExperimentRoutes experimentRoutes = new ExperimentRoutes(database.jdbi(), experimentStore,
                    new ExperimentTypeStore(), dataStore, projects, audit, auth, access, host.hooks());

            Javalin app = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
                cfg.http.maxRequestSize = config.maxBodyBytes();
                cfg.http.compressionStrategy = jsonCompression();
                cfg.router.ignoreTrailingSlashes = true;
                cfg.jetty.host = config.host();
                cfg.jetty.port = config.port();
                cfg.routes.before(RequestIds::assign);
                cfg.routes.after(ctx -> RequestIds.clear());
                ErrorHandling.register(cfg.routes);
                new SystemRoutes(database, audit, auth, config, plugins, host).register(cfg.routes);
                new AuthRoutes(database.jdbi(), users, audit, tokens, auth,
                        new LoginRateLimiter(config.loginAttemptsPerMinute())).register(cfg.routes);
                new UserRoutes(database.jdbi(), users, roles, audit, auth).register(cfg.routes);
                experimentRoutes.register(cfg.routes);
                new ProjectRoutes(database.jdbi(), projects, users, audit, auth, access, experimentRoutes).register(cfg.routes);
                new PluginRoutes(database, plugins, audit, auth).register(cfg.routes);
                new PluginRoleRoutes(database.jdbi(), plugins, users, audit, auth).register(cfg.routes);
                new PluginInstallRoutes(config.effectivePluginsDir(), config.maxPluginBytes(), plugins, host,
                        database.jdbi(), audit, auth).register(cfg.routes);
                host.mount(cfg.routes);
            });
            app.start();
            MintServer server = new MintServer(config, database, app, generated, plugins, host);
            server.logStartup();
            return server;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** {@code http://host:port} of this server. */
    public String baseUrl() {
        String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** The plugins this platform knows (loaded or failed). */
    public PluginRegistry plugins() {
        return plugins;
    }

    public Database database() {
        return database;
    }

    /** The admin password generated at this first start, when none was configured. */
    public Optional<String> generatedAdminPassword() {
        return generatedAdminPassword;
    }

    @Override
    public void close() {
        app.stop();
        host.close();
        database.close();
    }

    private void logStartup() {
        LOG.info("MINT platform {} listening on {}", Version.CURRENT, baseUrl());
        LOG.info("Data directory: {}", config.dataDir().toAbsolutePath());
        LOG.info("Database: {} ({})", database.displayUrl(), database.dialect().wireName());
        generatedAdminPassword.ifPresent(password -> LOG.info(
                "Created user 'admin' with generated password: {}  (shown once; set MINT_ADMIN_PASSWORD to choose it)",
                password));
        LOG.info("Log in: curl -X POST {}/api/auth/login -d '{\"username\": \"admin\", \"password\": \"...\"}'", baseUrl());
    }

    /**
     * Gzip for JSON bodies over Javalin's size threshold when the client accepts it. Naming the JSON type
     * as allowed spares every response Javalin's case-insensitive scan of its long excluded-types list.
     */
    private static CompressionStrategy jsonCompression() {
        CompressionStrategy strategy = new CompressionStrategy(null, new Gzip(6));
        strategy.setAllowedMimeTypes(List.of(ContentType.JSON));
        return strategy;
    }

    private static Optional<String> createAdminIfMissing(Database database, UserStore users, AuditLog audit,
                                                         ServerConfig config) {
        return database.jdbi().inTransaction(h -> {
            if (users.countUsers(h) > 0) {
                return Optional.<String>empty();
            }
            String password = config.adminPassword().orElseGet(MintServer::randomPassword);
            String problem = PasswordHasher.problem(password);
            if (problem != null) {
                throw new IllegalArgumentException("MINT_ADMIN_PASSWORD is not acceptable: " + problem);
            }
            var admin = users.create(h, "admin", PasswordHasher.hash(password), Role.ADMIN,
                    Map.of("shortname", "AD", "description", "Created at first start"), false);
            audit.record(h, Actor.system(), "user.create", "user", admin.id(), Map.of("username", "admin", "role", "admin"));
            return config.adminPassword().isPresent() ? Optional.<String>empty() : Optional.of(password);
        });
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
