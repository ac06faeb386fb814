package dev.mint.tinker;

import dev.mint.sdk.AnalysisPlugin;
import dev.mint.sdk.ConfigurationException;
import dev.mint.sdk.HealthStatus;
import dev.mint.sdk.PlatformContext;
import dev.mint.sdk.PluginCapabilities;
import dev.mint.sdk.PluginHealth;
import dev.mint.sdk.PluginMetadata;
import dev.mint.sdk.PluginRouter;
import dev.mint.sdk.PluginSettings;
import dev.mint.sdk.migrations.PluginMigration;
import dev.mint.tinker.migrations.V1CreateTinkerTables;
import dev.mint.tinker.migrations.V2CheckpointOwner;
import dev.mint.tinker.migrations.V3ArchiveLifetimes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tinker as a plugin of the platform: the registry of training runs, checkpoints, sessions and samplers that
 * the Tinker SDK's RestClient reads, with checkpoint archives. Mounted at {@code /api/tinker}, so the SDK's
 * base URL is {@code http://host:8001/api/tinker} and its routes are {@code /api/tinker/api/v1/...}.
 */
public final class TinkerPlugin extends AnalysisPlugin {
    static final String VERSION = "0.1.0";
    static final String ROUTES_PREFIX = "/tinker";
    static final String ROUTER_PREFIX = "/api/v1";
    /** The signed download route, relative to the router. */
    static final String DOWNLOADS = "/archives";
    /** The signed session-trace route, relative to the router. */
    static final String TRACES = "/traces";

    private final MovableClock clock = new MovableClock();
    private volatile Running running;

    /** Everything built by {@link #initialize}, released by {@link #shutdown}. */
    private record Running(RestApi rest, CreationApi creation, ArchiveApi archives, TraceApi traces, Registry registry,
                           Sweeper sweeper, BlobStore blobs) {
    }

    @Override
    public PluginMetadata metadata() {
        return PluginMetadata.builder("tinker", VERSION)
                .description("Training runs, checkpoints and their archives, for the Tinker SDK")
                .routesPrefix(ROUTES_PREFIX)
                .capabilities(PluginCapabilities.builder().requiresSharedDatabase().build())
                .build();
    }

    @Override
    public List<PluginMigration> migrations() {
        return List.of(new V1CreateTinkerTables(), new V2CheckpointOwner(), new V3ArchiveLifetimes());
    }

    @Override
    public List<String> ownedTables() {
        return List.of("sessions", "training_runs", "samplers", "checkpoints", "checkpoint_counts", "futures", "audit_events");
    }

    @Override
    public Optional<PluginSettings<? extends Record>> settingsModel() {
        return Optional.of(PluginSettings.of(TinkerSettings.class));
    }

    @Override
    public List<PluginRouter> routers() {
        return List.of(PluginRouter.at(ROUTER_PREFIX, () -> {
            RestApi.routes(() -> running().rest());
            CreationApi.routes(() -> running().creation());
            ArchiveApi.routes(() -> running().archives(), DOWNLOADS);
            TraceApi.routes(() -> running().traces(), TRACES);
            NotFound.routes();
        }));
    }

    @Override
    public void initialize(PlatformContext context) {
        TinkerSettings settings = settings(TinkerSettings.class);
        Path home = dataDirectory(context);
        var db = pluginDatabase();
        Requests requests = new Requests(() -> context);
        TrainingRuns runs = new TrainingRuns(db);
        Checkpoints checkpoints = new Checkpoints(db, clock);
        Sessions sessions = new Sessions(db);
        AuditLog audit = new AuditLog(db);
        try {
            BlobStore blobs = settings.storage().equals("s3") ? S3BlobStore.fromSettings(settings)
                    : new FileBlobStore(home.resolve("archives"));
            ArchiveReceiver receiver = new ArchiveReceiver(home.resolve("uploads"),
                    () -> settings(TinkerSettings.class).maxArchiveBytes());
            UrlSigner signer = new UrlSigner(UrlSecret.load(settings.urlSecret(), home));
            String downloadPath = "/api" + ROUTES_PREFIX + ROUTER_PREFIX + DOWNLOADS;
            Supplier<Duration> urlTtl = () -> Duration.ofSeconds(settings(TinkerSettings.class).archiveUrlTtlSeconds());
            ArchiveStorage storage = new ArchiveStorage(blobs, receiver, checkpoints, audit, signer, urlTtl, downloadPath, clock);
            Registry registry = new Registry(runs, checkpoints, storage, audit, clock);
            running = new Running(
                    new RestApi(requests, runs, checkpoints, sessions, registry, audit, new Usage(db, clock), clock),
                    new CreationApi(requests, sessions, runs, registry, new Futures(db), clock),
                    new ArchiveApi(requests, registry, storage, downloadPath, settings.publicUrl()),
                    new TraceApi(requests, sessions, runs, checkpoints, signer, urlTtl,
                            "/api" + ROUTES_PREFIX + ROUTER_PREFIX + TRACES, settings.publicUrl(), clock),
                    registry, Sweeper.start(registry, Duration.ofSeconds(settings.sweepIntervalSeconds())), blobs);
        } catch (IOException e) {
            throw new UncheckedIOException("Tinker cannot prepare its storage under " + home, e);
        }
    }

    @Override
    public void shutdown() {
        Running current = running;
        running = null;
        if (current != null) {
            current.sweeper().close();
            if (current.blobs() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // closing a client at shutdown; nothing left to do with the failure
                }
            }
        }
    }

    @Override
    public PluginHealth checkHealth() {
        return running == null ? PluginHealth.of(HealthStatus.UNHEALTHY, "not started") : PluginHealth.healthy();
    }

    /** Deletes checkpoints whose TTL has passed (the sweeper does this on its schedule); answers how many. */
    public int sweepExpired() {
        return running().registry().sweep();
    }

    /** The clock of TTLs and URL expiries (tests move it forward). */
    MovableClock clock() {
        return clock;
    }

    private Running running() {
        Running current = running;
        if (current == null) {
            throw new ConfigurationException("Tinker is not started", "tinker");
        }
        return current;
    }

    /** {@code <platform data dir>/tinker}. */
    private static Path dataDirectory(PlatformContext context) {
        Object dataDir = context == null ? null : context.config().get("data_dir");
        if (dataDir == null) {
            throw new ConfigurationException("Tinker needs the platform's data directory (config data_dir) for its archives",
                    "data_dir");
        }
        return Path.of(dataDir.toString()).resolve("tinker");
    }
}
