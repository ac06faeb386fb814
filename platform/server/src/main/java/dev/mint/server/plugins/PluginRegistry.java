package dev.mint.server.plugins;

import dev.mint.sdk.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The plugins this platform knows, by name. Filled by the plugin host; thread-safe. */
public final class PluginRegistry {
    private final Map<String, PluginInfo> plugins = new ConcurrentSkipListMap<>();

    /** Adds or replaces the entry of {@code info.name()}. */
    public void register(PluginInfo info) {
        plugins.put(info.name(), info);
    }

    public Optional<PluginInfo> find(String name) {
        return Optional.ofNullable(plugins.get(name));
    }

    /**
     * The entry of an installed (ready or failed) plugin.
     *
     * @throws NotFoundException (404) for a name the platform does not know
     */
    public PluginInfo require(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("Plugin '" + name + "' is not installed", "plugin", name));
    }

    /** All entries, ordered by name. */
    public List<PluginInfo> list() {
        return List.copyOf(plugins.values());
    }

    public void remove(String name) {
        plugins.remove(name);
    }
}
