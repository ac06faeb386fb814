package dev.mint.sdk;

import io.javalin.apibuilder.ApiBuilder;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.List;

/**
 * Mounts a plugin's routers at {@code /api{routesPrefix}{subPrefix}}. The platform, the standalone app
 * and the test app all mount through here, so a plugin sees the same paths everywhere.
 */
public final class PluginMount {
    private PluginMount() {
    }

    /** The path prefix of all of a plugin's routes, e.g. {@code /api/hello-mint}. */
    public static String apiPrefix(PluginMetadata metadata) {
        return "/api" + metadata.routesPrefix();
    }

    /**
     * Adds every router of {@code plugin}. With a context and {@code requiresAuth} declared, every route
     * first requires an authenticated user (401 otherwise); a null context (standalone) has no users.
     */
    public static void mount(RoutesConfig routes, AnalysisPlugin plugin, PlatformContext context) {
        mount(routes, plugin, context, ctx -> { });
    }

    /** As {@link #mount(RoutesConfig, AnalysisPlugin, PlatformContext)}, with {@code gate} run first on each route. */
    public static void mount(RoutesConfig routes, AnalysisPlugin plugin, PlatformContext context, Handler gate) {
        List<Handler> guards = context != null && plugin.metadata().capabilities().requiresAuth()
                ? List.of(gate, context::requireUser) : List.of(gate);
        mount(routes, plugin, guards);
    }

    /** Adds every router of {@code plugin}; {@code guards} run, in order, before each of its matched routes. */
    public static void mount(RoutesConfig routes, AnalysisPlugin plugin, List<Handler> guards) {
        String prefix = apiPrefix(plugin.metadata());
        for (PluginRouter router : plugin.routers()) {
            String base = prefix + router.subPrefix();
            routes.apiBuilder(() -> ApiBuilder.path(base, () -> {
                for (Handler guard : guards) {
                    ApiBuilder.beforeMatched(ownPathsOnly(base, guard));
                }
                router.endpoints().addEndpoints();
            }));
        }
    }

    /** Javalin's {@code path/*} pattern also matches {@code /api/hello-mint-other}; keep guards to ours. */
    private static Handler ownPathsOnly(String base, Handler guard) {
        return ctx -> {
            String path = ctx.path();
            if (path.equals(base) || path.startsWith(base + "/")) {
                guard.handle(ctx);
            }
        };
    }
}
