package dev.mint.cli;

import dev.mint.client.model.PluginConfig;
import dev.mint.client.model.PluginInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code mint plugin list} and {@code mint plugin config get|set}. */
@Command(name = "plugin", mixinStandardHelpOptions = true, description = "Installed plugins and their configuration.",
        subcommands = PluginCommand.Config.class)
final class PluginCommand extends PlatformGroup {
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List loaded and failed plugins.")
    int list(@Mixin JsonFlag json) {
        List<PluginInfo> plugins = call(client -> client.plugins().list());
        if (json.json) {
            out().json(plugins);
            return ExitCodes.OK;
        }
        Output.Table table = out().table("NAME", "VERSION", "STATUS", "TYPE", "PREFIX", "ERROR");
        plugins.forEach(p -> table.row(p.name(), p.version(), p.status(), Output.text(p.pluginType()),
                Output.text(p.routesPrefix()), Output.text(p.error())));
        table.print();
        return ExitCodes.OK;
    }

    /** {@code mint plugin config get|set}. */
    @Command(name = "config", mixinStandardHelpOptions = true, description = "Show or change a plugin's configuration.")
    static final class Config {
        @ParentCommand
        PluginCommand plugin;

        @Command(name = "get", mixinStandardHelpOptions = true, description = "Show a plugin's configuration and revision.")
        int get(@Parameters(paramLabel = "PLUGIN") String name, @Mixin JsonFlag json) {
            PluginConfig config = plugin.call(client -> client.plugins().getConfig(name));
            print(config, json.json);
            return ExitCodes.OK;
        }

        @Command(name = "set", mixinStandardHelpOptions = true,
                description = {"Change a plugin's configuration: merge KEY=VALUE pairs (VALUE is JSON when it parses",
                    "as JSON, else text), remove keys with --unset, or replace it all with --replace.",
                    "  mint plugin config set minima default_tradeoff=5 providers='[\"openai\"]'",
                    "  mint plugin config set minima --file config.json --replace --revision 3"})
        int set(@Parameters(paramLabel = "PLUGIN") String name,
                @Parameters(paramLabel = "KEY=VALUE", arity = "0..*") List<String> pairs,
                @Option(names = "--unset", paramLabel = "KEY", description = "Remove this key; repeat for more.") List<String> unset,
                @Option(names = "--file", paramLabel = "FILE", description = "Values from a JSON object in FILE ('-' for standard input).") String file,
                @Option(names = "--replace", description = "Replace the whole configuration instead of merging.") boolean replace,
                @Option(names = "--revision", paramLabel = "REV", description = "Only if the revision is still REV (with --replace).") String revision,
                @Mixin JsonFlag json) {
            Map<String, Object> values = new LinkedHashMap<>();
            if (file != null) {
                values.putAll(JsonInput.objectFrom(file, plugin.context()));
            }
            values.putAll(JsonInput.pairs(pairs == null ? List.of() : pairs));
            for (String key : unset == null ? new ArrayList<String>() : unset) {
                if (replace) {
                    values.remove(key);
                } else {
                    values.put(key, null);
                }
            }
            if (values.isEmpty() && !replace) {
                throw CliException.usage("Nothing to set: give KEY=VALUE pairs, --unset KEY or --file FILE");
            }
            if (revision != null && !replace) {
                throw CliException.usage("--revision only applies with --replace");
            }
            PluginConfig config;
            try {
                config = plugin.call(client -> !replace ? client.plugins().updateConfig(name, values)
                        : revision != null ? client.plugins().setConfig(name, values, revision)
                        : client.plugins().setConfig(name, values));
            } catch (dev.mint.client.MintConflictException stale) {
                throw new CliException(ExitCodes.CONFLICT, "The configuration of " + name + " changed (now revision "
                        + stale.details().getOrDefault("current_revision", "?") + "); run `mint plugin config get "
                        + name + "` and try again");
            }
            print(config, json.json);
            return ExitCodes.OK;
        }

        private void print(PluginConfig config, boolean json) {
            Output out = plugin.out();
            if (json) {
                out.json(config);
                return;
            }
            out.line("Plugin: " + config.pluginName() + "   revision " + config.revision().orElse("?"));
            out.json(config.config());
        }
    }
}
