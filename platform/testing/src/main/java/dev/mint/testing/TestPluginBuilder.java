package dev.mint.testing;

import dev.mint.sdk.AnalysisPlugin;
import dev.mint.sdk.HealthStatus;
import dev.mint.sdk.LifecycleHookResult;
import dev.mint.sdk.PlatformContext;
import dev.mint.sdk.PluginCapabilities;
import dev.mint.sdk.PluginHealth;
import dev.mint.sdk.PluginMetadata;
import dev.mint.sdk.PluginRouter;
import dev.mint.sdk.PluginType;
import io.javalin.apibuilder.EndpointGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Builds a small {@link AnalysisPlugin} inline for tests: {@code PluginTesting.makeTestPlugin("demo")
 * .routes(() -> get("/hi", ctx -> ctx.result("hi"))).beforeSave((id, data) -> ...).build()}. Hooks not
 * given keep the SDK defaults. Each {@link #build()} returns a new instance.
 */
public final class TestPluginBuilder {
    /** A status-change hook. */
    @FunctionalInterface
    public interface StatusChange {
        void changed(long experimentId, String oldStatus, String newStatus);
    }

    private final PluginMetadata.Builder metadata;
    private final List<PluginRouter> routers = new ArrayList<>();
    private BiFunction<Long, Map<String, Object>, LifecycleHookResult> beforeSave;
    private BiConsumer<Long, Map<String, Object>> afterSave;
    private StatusChange statusChange;
    private HealthStatus healthStatus = HealthStatus.HEALTHY;
    private String healthMessage;

    TestPluginBuilder(String name) {
        this.metadata = PluginMetadata.builder(name, "0.0.1").description("Test plugin " + name).analysisType("test");
    }

    public TestPluginBuilder version(String version) {
        metadata.version(version);
        return this;
    }

    public TestPluginBuilder pluginType(PluginType type) {
        metadata.pluginType(type);
        return this;
    }

    public TestPluginBuilder routesPrefix(String prefix) {
        metadata.routesPrefix(prefix);
        return this;
    }

    public TestPluginBuilder capabilities(PluginCapabilities capabilities) {
        metadata.capabilities(capabilities);
        return this;
    }

    public TestPluginBuilder dependencies(List<String> names) {
        metadata.dependencies(names);
        return this;
    }

    /** Routes directly under the plugin's prefix. */
    public TestPluginBuilder routes(EndpointGroup routes) {
        routers.add(PluginRouter.of(routes));
        return this;
    }

    public TestPluginBuilder routes(String subPrefix, EndpointGroup routes) {
        routers.add(PluginRouter.at(subPrefix, routes));
        return this;
    }

    public TestPluginBuilder beforeSave(BiFunction<Long, Map<String, Object>, LifecycleHookResult> hook) {
        this.beforeSave = Objects.requireNonNull(hook, "hook == null");
        return this;
    }

    public TestPluginBuilder afterSave(BiConsumer<Long, Map<String, Object>> hook) {
        this.afterSave = Objects.requireNonNull(hook, "hook == null");
        return this;
    }

    public TestPluginBuilder statusChange(StatusChange hook) {
        this.statusChange = Objects.requireNonNull(hook, "hook == null");
        return this;
    }

    /** What {@code checkHealth()} reports. */
    public TestPluginBuilder health(HealthStatus status, String message) {
        this.healthStatus = Objects.requireNonNull(status, "status == null");
        this.healthMessage = message;
        return this;
    }

    public AnalysisPlugin build() {
        PluginMetadata built = metadata.build();
        List<PluginRouter> builtRouters = List.copyOf(routers);
        var before = beforeSave;
        var after = afterSave;
        var status = statusChange;
        PluginHealth health = PluginHealth.of(healthStatus, healthMessage);
        return new AnalysisPlugin() {
            @Override
            public PluginMetadata metadata() {
                return built;
            }

            @Override
            public List<PluginRouter> routers() {
                return builtRouters;
            }

            @Override
            public void initialize(PlatformContext context) {
            }

            @Override
            public void shutdown() {
            }

            @Override
            public PluginHealth checkHealth() {
                return health;
            }

            @Override
            public LifecycleHookResult onBeforeExperimentSave(long experimentId, Map<String, Object> data) {
                return before == null ? super.onBeforeExperimentSave(experimentId, data) : before.apply(experimentId, data);
            }

            @Override
            public void onAfterExperimentSave(long experimentId, Map<String, Object> data) {
                if (after != null) {
                    after.accept(experimentId, data);
                }
            }

            @Override
            public void onExperimentStatusChange(long experimentId, String oldStatus, String newStatus) {
                if (status != null) {
                    status.changed(experimentId, oldStatus, newStatus);
                }
            }
        };
    }
}
