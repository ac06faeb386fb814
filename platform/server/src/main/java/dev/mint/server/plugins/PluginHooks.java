package dev.mint.server.plugins;

import dev.mint.sdk.AnalysisPlugin;
import dev.mint.sdk.LifecycleHookResult;
import dev.mint.sdk.ValidationException;
import dev.mint.server.experiments.ExperimentHooks;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls every open plugin's lifecycle hooks. A before-save veto (or a hook that throws) refuses the write
 * with 400 naming the plugin; after-save and status-change hooks that throw are logged and ignored, as the
 * change is already committed.
 */
final class PluginHooks implements ExperimentHooks {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHooks.class);

    private final Supplier<List<AnalysisPlugin>> plugins;

    PluginHooks(Supplier<List<AnalysisPlugin>> plugins) {
        this.plugins = plugins;
    }

    @Override
    public void beforeDesignSave(long experimentId, Map<String, Object> data) {
        for (AnalysisPlugin plugin : plugins.get()) {
            String name = plugin.metadata().name();
            LifecycleHookResult result;
            try {
                result = plugin.onBeforeExperimentSave(experimentId, data);
            } catch (RuntimeException e) {
                LOG.error("Plugin {} failed in onBeforeExperimentSave", name, e);
                throw new ValidationException("Plugin '" + name + "' could not check the design data", "data", null,
                        Map.of("plugin", name));
            }
            if (!result.success()) {
                throw new ValidationException("Plugin '" + name + "' rejected the design data: "
                        + result.message().orElse("no reason given"), "data", null,
                        Map.of("plugin", name, "hook_data", result.data()));
            }
        }
    }

    @Override
    public void afterDesignSave(long experimentId, Map<String, Object> data) {
        each("onAfterExperimentSave", plugin -> plugin.onAfterExperimentSave(experimentId, data));
    }

    @Override
    public void statusChanged(long experimentId, String oldStatus, String newStatus) {
        each("onExperimentStatusChange", plugin -> plugin.onExperimentStatusChange(experimentId, oldStatus, newStatus));
    }

    private void each(String hook, java.util.function.Consumer<AnalysisPlugin> call) {
        for (AnalysisPlugin plugin : plugins.get()) {
            try {
                call.accept(plugin);
            } catch (RuntimeException e) {
                LOG.error("Plugin {} failed in {}", plugin.metadata().name(), hook, e);
            }
        }
    }
}
