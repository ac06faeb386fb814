package dev.mint.server.plugins;

import dev.mint.sdk.AnalysisPlugin;
import dev.mint.sdk.PlatformContext;
import dev.mint.sdk.PluginHealth;
import dev.mint.sdk.PluginMetadata;
import dev.mint.sdk.PluginRouter;
import java.util.List;

/** A plugin that takes metadata, routes and health from another, so a test can override one member. */
class Delegating extends AnalysisPlugin {
    private final AnalysisPlugin inner;

    Delegating(AnalysisPlugin inner) {
        this.inner = inner;
    }

    @Override
    public PluginMetadata metadata() {
        return inner.metadata();
    }

    @Override
    public List<PluginRouter> routers() {
        return inner.routers();
    }

    @Override
    public void initialize(PlatformContext context) {
    }

    @Override
    public void shutdown() {
    }

    @Override
    public PluginHealth checkHealth() {
        return inner.checkHealth();
    }
}
