package dev.mint.cli;

import dev.mint.sdk.AnalysisPlugin;
import dev.mint.sdk.PluginCapabilities;
import dev.mint.sdk.PluginMetadata;
import dev.mint.sdk.migrations.PluginMigration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mint info}: a plugin's metadata, from its project (compiled), its jar or its bundle. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print a plugin's metadata, migrations and settings: from a built project, a jar, or a .mint bundle.")
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..1", defaultValue = ".",
            description = "Project directory, plugin jar or .mint bundle (default: the current directory).")
    Path path;

    @Mixin
    JsonFlag json;

    @Override
    public Integer call() {
        Path location = path.toString().endsWith(".mint") ? BuildCommand.jarOfBundle(path) : path;
        try (PluginProject.Loaded loaded = Files.isDirectory(location) ? PluginProject.at(location).load()
                : PluginProject.load(location)) {
            Map<String, Object> info = describe(loaded.plugin());
            Output out = new Output(spec.commandLine().getOut());
            if (json.json) {
                out.json(info);
                return ExitCodes.OK;
            }
            PluginMetadata m = loaded.plugin().metadata();
            out.line("Name:          " + m.name());
            out.line("Version:       " + m.version());
            out.line("Type:          " + m.pluginType().wireName() + (m.analysisType().isEmpty() ? "" : " (" + m.analysisType() + ")"));
            out.line("Routes:        /api" + m.routesPrefix());
            out.line("Description:   " + m.description());
            if (!m.author().isEmpty()) {
                out.line("Author:        " + m.author());
            }
            out.line("Capabilities:  " + String.join(", ", capabilities(m.capabilities())));
            out.line("Dependencies:  " + (m.dependencies().isEmpty() ? "none" : String.join(", ", m.dependencies())));
            out.line("Migrations:    " + listed(info.get("migrations"), "versions "));
            out.line("Settings:      " + listed(info.get("settings"), ""));
            return ExitCodes.OK;
        } finally {
            if (location != path) {
                BuildCommand.deleteQuietly(location);
            }
        }
    }

    private static String listed(Object values, String label) {
        List<?> list = (List<?>) values;
        return list.isEmpty() ? "none" : list.size() + " (" + label
                + String.join(", ", list.stream().map(String::valueOf).toList()) + ")";
    }

    private static Map<String, Object> describe(AnalysisPlugin plugin) {
        PluginMetadata m = plugin.metadata();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", m.name());
        info.put("version", m.version());
        info.put("description", m.description());
        info.put("plugin_type", m.pluginType().wireName());
        info.put("analysis_type", m.analysisType());
        info.put("routes_prefix", m.routesPrefix());
        info.put("author", m.author());
        info.put("capabilities", capabilities(m.capabilities()));
        info.put("dependencies", m.dependencies());
        info.put("migrations", plugin.migrations().stream().map(PluginMigration::version).toList());
        info.put("owned_tables", plugin.ownedTables());
        info.put("settings", new ArrayList<>(settingKeys(plugin)));
        return info;
    }

    private static List<String> settingKeys(AnalysisPlugin plugin) {
        Object properties = plugin.configurableSettings().get("properties");
        return properties instanceof Map<?, ?> map ? map.keySet().stream().map(String::valueOf).toList() : List.of();
    }

    static List<String> capabilities(PluginCapabilities c) {
        List<String> out = new ArrayList<>();
        if (c.requiresAuth()) {
            out.add("requires_auth");
        }
        if (c.requiresDatabase()) {
            out.add("requires_database");
        }
        if (c.requiresExperiments()) {
            out.add("requires_experiments");
        }
        if (c.requiresSharedDatabase()) {
            out.add("requires_shared_database");
        }
        if (c.supportsExperimentLinking()) {
            out.add("supports_experiment_linking");
        }
        return out.isEmpty() ? List.of("none") : out;
    }
}
