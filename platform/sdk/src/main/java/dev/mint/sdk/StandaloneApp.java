package dev.mint.sdk;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a plugin without a platform (what {@code mint dev} does): its routes at
 * {@code /api{routesPrefix}...} as on the platform, {@code GET /health} with {@link AnalysisPlugin#checkHealth()},
 * its frontend directory (if any) at {@code /} with unknown paths answered by {@code index.html}, the
 * error envelope for every failure, and request ids. The plugin is opened with a null context and a local
 * database on start, and closed on stop.
 *
 * <pre>{@code
 * Javalin app = StandaloneApp.create(new HelloPlugin(), StandaloneApp.Options.defaults()).start("127.0.0.1", 8003);
 * }</pre>
 */
public final class StandaloneApp {
    private StandaloneApp() {
    }

    /** Options of the standalone app. */
    public record Options(LocalDatabaseConfig database, Map<String, String> environment, boolean allowAnyOrigin) {
        public Options {
            Objects.requireNonNull(database, "database == null");
            environment = Map.copyOf(Objects.requireNonNull(environment, "environment == null"));
        }

        /** The default local database, the process environment, CORS open (a development server). */
        public static Options defaults() {
            return new Options(LocalDatabaseConfig.defaults(), System.getenv(), true);
        }

        public Options withDatabase(LocalDatabaseConfig database) {
            return new Options(database, environment, allowAnyOrigin);
        }
    }

    /** A configured, not yet started app; starting it opens the plugin, stopping it closes the plugin. */
    public static Javalin create(AnalysisPlugin plugin, Options options) {
        Objects.requireNonNull(plugin, "plugin == null");
        Optional<Path> frontend = plugin.frontendDir().filter(Files::isDirectory);
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.router.ignoreTrailingSlashes = true;
            cfg.jsonMapper(new JavalinJackson(WireJson.MAPPER, false));
            if (options.allowAnyOrigin()) {
                cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> rule.anyHost()));
            }
            cfg.routes.before(RequestIds::assign);
            cfg.routes.after(ctx -> RequestIds.clear());
            ErrorResponses.register(cfg.routes);
            cfg.routes.get("/health", ctx -> ctx.json(plugin.checkHealth().toMap()));
            PluginMount.mount(cfg.routes, plugin, (PlatformContext) null);
            frontend.ifPresent(dir -> cfg.routes.get("/*", new SpaFiles(dir, List.of("/api", "/health"))));
            cfg.events.serverStarting(() -> {
                plugin.setupStandaloneDb(options.database());
                plugin.open(null, options.environment());
            });
            cfg.events.serverStopped(() -> {
                plugin.close();
                plugin.teardownStandaloneDb();
            });
        });
        return app;
    }
}
