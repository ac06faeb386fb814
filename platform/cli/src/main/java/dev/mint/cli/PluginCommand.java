package dev.mint.cli;

import dev.mint.client.model.PluginConfig;
import dev.mint.client.PluginDataMode;
import dev.mint.client.model.PluginInfo;
import dev.mint.client.model.PluginInstallReport;
import dev.mint.client.model.PluginUninstallReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code mint plugin list|install|uninstall} and {@code mint plugin config get|set}. */
@Command(name = "plugin", mixinStandardHelpOptions = true,
        description = "Installed plugins: list, install and uninstall them, and their configuration.",
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

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Install a .mint bundle (see 'mint build') on the platform; it loads when the platform restarts.",
                "Needs the plugins.install permission (admins)."})
    int install(@Parameters(paramLabel = "BUNDLE", description = "The .mint file.") Path bundle,
                @Option(names = "--force", description = "Replace an installed plugin of the same name.") boolean force,
                @Mixin JsonFlag json) {
        if (!Files.isRegularFile(bundle)) {
            throw CliException.usage("No such file: " + bundle);
        }
        PluginInstallReport report = call(client -> client.plugins().install(bundle, force));
        if (json.json) {
            out().json(report);
            return ExitCodes.OK;
        }
        out().line("Installed " + report.name() + " " + report.version() + report.replacedVersion()
                .map(old -> " (replacing " + old + ")").orElse("") + " at /api" + report.routesPrefix());
        report.warnings().forEach(warning -> out().line("Warning: " + warning));
        if (report.restartRequired()) {
            out().line("Restart the platform to load it.");
        }
        return ExitCodes.OK;
    }

    @Command(name = "uninstall", mixinStandardHelpOptions = true,
            description = {"Uninstall a plugin installed from a bundle; it stops at once.",
                "--data keep leaves its tables (a reinstall carries on), archive renames them aside,",
                "purge drops them with its configuration and plugin roles."})
    int uninstall(@Parameters(paramLabel = "PLUGIN") String name,
                  @Option(names = "--data", paramLabel = "MODE", defaultValue = "keep",
                          description = "keep, archive or purge (default: ${DEFAULT-VALUE}).") String data,
                  @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.") boolean yes,
                  @Mixin JsonFlag json) {
        PluginDataMode mode;
        try {
            mode = PluginDataMode.valueOf(data.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--data must be keep, archive or purge, not '" + data + "'");
        }
        String question = "Uninstall plugin " + name + (mode == PluginDataMode.PURGE ? " and delete all its data?"
                : mode == PluginDataMode.ARCHIVE ? ", archiving its data?" : ", keeping its data?");
        if (!Confirmation.confirm(context(), yes, question)) {
            out().line("Not uninstalled");
            return ExitCodes.OK;
        }
        PluginUninstallReport report = call(client -> client.plugins().uninstall(name, mode));
        if (json.json) {
            out().json(report);
            return ExitCodes.OK;
        }
        out().line("Uninstalled " + report.name() + " " + report.version() + switch (mode) {
            case KEEP -> "; its data is kept";
            case ARCHIVE -> report.archivedAs().isEmpty() ? "; it had no tables to archive"
                    : "; data archived as " + String.join(", ", report.archivedAs());
            case PURGE -> "; dropped " + (report.droppedTables().isEmpty() ? "no tables"
                    : String.join(", ", report.droppedTables()));
        });
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
