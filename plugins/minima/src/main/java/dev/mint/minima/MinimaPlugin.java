package dev.mint.minima;

import dev.mint.minima.engine.MiniLmEmbedder;
import dev.mint.minima.engine.Recommender;
import dev.mint.minima.engine.TextEncoder;
import dev.mint.minima.migrations.V1CreateMinimaTables;
import dev.mint.sdk.AnalysisPlugin;
import dev.mint.sdk.ConfigurationException;
import dev.mint.sdk.PlatformContext;
import dev.mint.sdk.PluginCapabilities;
import dev.mint.sdk.PluginHealth;
import dev.mint.sdk.PluginMetadata;
import dev.mint.sdk.PluginRouter;
import dev.mint.sdk.migrations.PluginMigration;
import java.time.Clock;
import java.util.List;

/**
 * Minima as a plugin of the platform: "which LLM should run this task". Mounted at {@code /api/minima}, so
 * its clients use base URL {@code http://host:8001/api/minima}. Its memory lives in the plugin's own
 * tables; any platform credential is a key, and each user is an account of its own.
 */
public final class MinimaPlugin extends AnalysisPlugin {
    static final String VERSION = "0.1.0";
    /** The encoder is heavy (an ONNX model): one per process, shared by every instance. */
    private static volatile TextEncoder sharedEncoder;

    private volatile MinimaApi api;
    private volatile DecisionLog decisions;

    @Override
    public PluginMetadata metadata() {
        return PluginMetadata.builder("minima", VERSION)
                .description("Which LLM should run this task: recommendations that learn from feedback")
                .routesPrefix("/minima")
                .capabilities(PluginCapabilities.builder().requiresSharedDatabase().build())
                .build();
    }

    @Override
    public List<PluginMigration> migrations() {
        return List.of(new V1CreateMinimaTables());
    }

    @Override
    public List<PluginRouter> routers() {
        return List.of(PluginRouter.at("/v1", () -> MinimaApi.routes(this::api)));
    }

    @Override
    public void initialize(PlatformContext context) {
        Clock clock = Clock.systemUTC();
        MinimaStore store = new MinimaStore(pluginDatabase());
        TextEncoder encoder = encoder();
        Scopes scopes = new Scopes(store, encoder.embedder().dimension());
        CatalogHolder catalog = new CatalogHolder(store, clock);
        Recommender recommender = new Recommender(encoder, clock);
        decisions = new DecisionLog(store);
        api = new MinimaApi(() -> context, new Recommendations(recommender, catalog, scopes, decisions, clock),
                new Feedbacks(store, decisions, scopes, catalog, clock), new Insights(decisions, scopes, clock), catalog, scopes,
                VERSION, encoder.embedder().id());
    }

    @Override
    public void shutdown() {
        api = null;
        DecisionLog log = decisions;
        if (log != null) {
            log.close(); // the decisions still queued are written before the database goes
            decisions = null;
        }
    }

    @Override
    public PluginHealth checkHealth() {
        return api == null ? PluginHealth.of(dev.mint.sdk.HealthStatus.UNHEALTHY, "not started") : PluginHealth.healthy();
    }

    private MinimaApi api() {
        MinimaApi current = api;
        if (current == null) {
            throw new ConfigurationException("Minima is not started", "minima");
        }
        return current;
    }

    private static TextEncoder encoder() {
        TextEncoder encoder = sharedEncoder;
        if (encoder == null) {
            synchronized (MinimaPlugin.class) {
                if (sharedEncoder == null) {
                    sharedEncoder = new TextEncoder(new MiniLmEmbedder());
                }
                encoder = sharedEncoder;
            }
        }
        return encoder;
    }
}
