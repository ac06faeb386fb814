package dev.mint.server.plugins;

import dev.mint.sdk.AnalysisPlugin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders plugins so each comes after the plugins it depends on. Plugins in a dependency cycle are left
 * out with the cycle as their reason; a dependency that is not installed is left to the host to report.
 */
final class PluginOrder {
    record Result(List<AnalysisPlugin> ordered, Map<String, String> failures) {
    }

    private PluginOrder() {
    }

    static Result of(Map<String, AnalysisPlugin> plugins) {
        List<AnalysisPlugin> ordered = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        Set<String> done = new LinkedHashSet<>();
        for (String name : plugins.keySet()) {
            visit(name, plugins, new ArrayList<>(), done, ordered, failures);
        }
        return new Result(ordered, failures);
    }

    private static void visit(String name, Map<String, AnalysisPlugin> plugins, List<String> path, Set<String> done,
                              List<AnalysisPlugin> ordered, Map<String, String> failures) {
        if (done.contains(name) || failures.containsKey(name) || !plugins.containsKey(name)) {
            return;
        }
        int at = path.indexOf(name);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(name);
            for (String member : cycle) {
                failures.putIfAbsent(member, "dependency cycle: " + String.join(" -> ", cycle));
            }
            return;
        }
        path.add(name);
        for (String dependency : plugins.get(name).metadata().dependencies()) {
            visit(dependency, plugins, path, done, ordered, failures);
        }
        path.remove(path.size() - 1);
        if (!failures.containsKey(name)) {
            done.add(name);
            ordered.add(plugins.get(name));
        }
    }
}
