package dev.mint.server.plugins;

import dev.mint.sdk.AnalysisPlugin;
import dev.mint.sdk.PluginHealth;
import dev.mint.sdk.PluginMetadata;
import dev.mint.sdk.PluginMount;
import dev.mint.sdk.PluginType;
import dev.mint.server.auth.Authenticator;
import dev.mint.server.db.Database;
import dev.mint.server.experiments.ExperimentDataStore;
import dev.mint.server.experiments.ExperimentHooks;
import dev.mint.server.experiments.ExperimentStore;
import dev.mint.server.users.UserStore;
import io.javalin.config.RoutesConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts plugins: given instances and those discovered on the classpath and in the plugins directory, it
 * orders them by their declared dependencies, then for each runs its migrations, opens it with a
 * {@link HostedContext}, and (once the server is configured) mounts its routes at {@code /api{prefix}}.
 * A plugin that fails any step is marked failed in the {@link PluginRegistry} with the reason, and the
 * platform and the other plugins carry on. Closing shuts the open plugins down in reverse order.
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    /** First path segments the platform's own routes use: no plugin may mount there. */
    private static final Set<String> RESERVED = Set.of("auth", "users", "admin", "roles", "experiments", "projects",
            "plugins", "health", "setup", "internal");

    private final Database database;
    private final PluginRegistry registry;
    private final Authenticator auth;
    private final UserStore users;
    private final Map<String, Object> platformConfig;
    private final PlatformExperimentData experimentData;
    private final ExperimentStore experiments;
    private final PluginHooks hooks = new PluginHooks(this::plugins);
    private final List<Hosted> open = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Where each admitted plugin came from, by name. */
    private final Map<String, String> sources = new java.util.concurrent.ConcurrentHashMap<>();

    private record Hosted(AnalysisPlugin plugin, HostedContext context, PluginNamespace namespace) {
    }

    public PluginHost(Database database, PluginRegistry registry, Authenticator auth, UserStore users,
                      ExperimentStore experiments, ExperimentDataStore data, Map<String, Object> platformConfig) {
        this.database = database;
        this.experimentData = new PlatformExperimentData(database.jdbi(), experiments, data, hooks);
        this.experiments = experiments;
        this.registry = registry;
        this.auth = auth;
        this.users = users;
        this.platformConfig = Map.copyOf(platformConfig);
    }

    /** Discovers, orders and opens plugins; never throws for a plugin's fault. */
    public void start(List<AnalysisPlugin> given, Path pluginsDir) {
        List<PluginDiscovery.Found> found = new ArrayList<>();
        given.forEach(plugin -> found.add(new PluginDiscovery.Found(plugin, "configuration", null)));
        found.addAll(PluginDiscovery.discover(pluginsDir));
        Map<String, AnalysisPlugin> candidates = new LinkedHashMap<>();
        Map<String, String> prefixes = new LinkedHashMap<>();
        Map<String, String> slugs = new LinkedHashMap<>();
        for (PluginDiscovery.Found candidate : found) {
            if (candidate.plugin() == null) {
                registry.register(PluginInfo.unloadable(candidate.source(), candidate.source(), candidate.error()));
                LOG.error("Plugin source {} failed: {}", candidate.source(), candidate.error());
                continue;
            }
            PluginMetadata metadata;
            try {
                metadata = candidate.plugin().metadata();
            } catch (RuntimeException e) {
                registry.register(PluginInfo.unloadable(candidate.source(), candidate.source(),
                        "metadata() failed: " + e.getMessage()));
                continue;
            }
            if (candidates.containsKey(metadata.name())) {
                // The registry is keyed by name: the duplicate gets an entry of its own, named after its source.
                registry.register(PluginInfo.unloadable(metadata.name() + " (" + candidate.source() + ")", candidate.source(),
                        "another plugin named '" + metadata.name() + "' is already installed"));
                continue;
            }
            String problem = admissionProblem(metadata, prefixes, slugs);
            if (problem != null) {
                fail(metadata, problem);
                continue;
            }
            candidates.put(metadata.name(), candidate.plugin());
            sources.put(metadata.name(), candidate.source());
            prefixes.put(metadata.routesPrefix(), metadata.name());
            slugs.put(PluginNamespace.slug(metadata.name()), metadata.name());
        }
        PluginOrder.Result order = PluginOrder.of(candidates);
        order.failures().forEach((name, reason) -> fail(candidates.get(name).metadata(), reason));
        for (AnalysisPlugin plugin : order.ordered()) {
            PluginMetadata metadata = plugin.metadata();
            String missing = metadata.dependencies().stream()
                    .filter(dependency -> registry.find(dependency).map(i -> !i.status().equals(PluginInfo.READY)).orElse(true))
                    .findFirst().orElse(null);
            if (missing != null) {
                fail(metadata, "depends on plugin '" + missing + "', which did not start");
                continue;
            }
            startOne(plugin, metadata);
        }
    }

    private static String admissionProblem(PluginMetadata metadata, Map<String, String> prefixes, Map<String, String> slugs) {
        String slug = PluginNamespace.slug(metadata.name());
        if (slugs.containsKey(slug)) {
            return "its database name " + slug + " is already used by plugin '" + slugs.get(slug) + "'";
        }
        if (prefixes.containsKey(metadata.routesPrefix())) {
            return "routes prefix " + metadata.routesPrefix() + " is already used by plugin '"
                    + prefixes.get(metadata.routesPrefix()) + "'";
        }
        return reservedPrefixProblem(metadata.routesPrefix()).orElse(null);
    }

    /** Why a plugin may not use {@code routesPrefix} (the platform's own routes start so), if it may not. */
    public static java.util.Optional<String> reservedPrefixProblem(String routesPrefix) {
        String first = routesPrefix.substring(1).split("/")[0];
        return RESERVED.contains(first)
                ? java.util.Optional.of("routes prefix " + routesPrefix + " would shadow the platform's /api/" + first + " routes")
                : java.util.Optional.empty();
    }

    private void startOne(AnalysisPlugin plugin, PluginMetadata metadata) {
        PluginNamespace namespace;
        try {
            namespace = plugin.hasOwnTables() ? PluginNamespace.open(database, metadata.name()) : null;
        } catch (RuntimeException e) {
            fail(metadata, "cannot open its database namespace: " + e.getMessage());
            return;
        }
        HostedContext context = new HostedContext(metadata.name(), metadata.capabilities(), database.jdbi(), auth,
                new PlatformUsers(database.jdbi(), users), new PluginRoles(database.jdbi()), experimentData,
                new PlatformExperiments(database.jdbi(), experiments, hooks, metadata.name(),
                        metadata.pluginType() == PluginType.EXPERIMENT_DESIGN),
                new PluginConfigStore(database.dialect()), platformConfig,
                metadata.capabilities().requiresSharedDatabase() ? namespace : null);
        try {
            if (namespace != null) {
                namespace.migrations().run(plugin.migrations());
            }
        } catch (RuntimeException e) {
            namespace.close();
            fail(metadata, "migration failed: " + e.getMessage());
            return;
        }
        try {
            plugin.open(context);
        } catch (RuntimeException | LinkageError e) {
            if (namespace != null) {
                namespace.close();
            }
            fail(metadata, "initialize() failed: " + e);
            return;
        }
        open.add(new Hosted(plugin, context, namespace));
        registry.register(PluginInfo.of(metadata, PluginInfo.READY, null, sources.get(metadata.name())));
        LOG.info("Plugin {} {} ready at /api{}", metadata.name(), metadata.version(), metadata.routesPrefix());
    }

    private void fail(PluginMetadata metadata, String reason) {
        registry.register(PluginInfo.of(metadata, PluginInfo.FAILED, reason, sources.get(metadata.name())));
        LOG.error("Plugin {} failed: {}", metadata.name(), reason);
    }

    /** Mounts the routes of every open plugin; call inside the server's configuration. */
    public void mount(RoutesConfig routes) {
        for (Hosted hosted : open) {
            String name = hosted.plugin().metadata().name();
            // Routes cannot be removed from a running server: those of an uninstalled plugin answer 404.
            PluginMount.mount(routes, hosted.plugin(), hosted.context(), ctx -> {
                if (!open.contains(hosted)) {
                    throw new dev.mint.sdk.NotFoundException("Plugin '" + name + "' was uninstalled", "plugin", name);
                }
            });
        }
    }

    /**
     * Shuts an open plugin down and closes its database namespace; its routes answer 404 from then on.
     * Returns false when no open plugin has that name.
     */
    public synchronized boolean stop(String name) {
        for (Hosted hosted : open) {
            if (hosted.plugin().metadata().name().equals(name)) {
                open.remove(hosted);
                closeQuietly(hosted);
                return true;
            }
        }
        return false;
    }

    /** The database namespace of a plugin (open or not): for archiving or purging its data. */
    PluginNamespace namespace(String name) {
        return PluginNamespace.open(database, name);
    }

    /** The hooks the experiment routes call: every open plugin's. */
    public ExperimentHooks hooks() {
        return hooks;
    }

    /** Open plugins, in start order. */
    public List<AnalysisPlugin> plugins() {
        return open.stream().map(Hosted::plugin).toList();
    }

    /** Each open plugin's own health report; a check that throws reads as unhealthy. */
    public Map<String, PluginHealth> health() {
        Map<String, PluginHealth> health = new LinkedHashMap<>();
        for (Hosted hosted : open) {
            String name = hosted.plugin().metadata().name();
            try {
                health.put(name, hosted.plugin().checkHealth());
            } catch (RuntimeException e) {
                health.put(name, PluginHealth.of(dev.mint.sdk.HealthStatus.UNHEALTHY, "health check failed: " + e.getMessage()));
            }
        }
        return health;
    }

    @Override
    public void close() {
        List<Hosted> reversed = new ArrayList<>(open);
        Collections.reverse(reversed);
        for (Hosted hosted : reversed) {
            closeQuietly(hosted);
        }
        open.clear();
    }

    private static void closeQuietly(Hosted hosted) {
        try {
            hosted.plugin().close();
        } catch (RuntimeException e) {
            LOG.warn("Plugin {} failed to shut down: {}", hosted.plugin().metadata().name(), e.toString());
        }
        if (hosted.namespace() != null) {
            hosted.namespace().close();
        }
    }
}
