package dev.mint.cli;

import dev.mint.client.ExperimentFields;
import dev.mint.client.core.Page;
import dev.mint.client.model.AnalysisResult;
import dev.mint.client.model.DesignData;
import dev.mint.client.model.Experiment;
import dev.mint.client.model.ExperimentType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mint experiment ...}: experiments, their types, design data and analysis results. */
@Command(name = "experiment", mixinStandardHelpOptions = true, description = "List, show, create, change and delete experiments.")
final class ExperimentCommand extends PlatformGroup {
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List experiments (newest first).")
    int list(@Mixin ExperimentFilters filters, @Mixin JsonFlag json) {
        return call(client -> printList(out(), filters, json.json, client.experiments()::list,
                p -> client.experiments().iterateAll(p).stream().toList()));
    }

    /** Shared with {@code project experiments}: one page with a footer, or every page. */
    static int printList(Output out, ExperimentFilters filters, boolean json,
                         Function<dev.mint.client.ExperimentListParams, Page<Experiment>> page,
                         Function<dev.mint.client.ExperimentListParams, List<Experiment>> all) {
        List<Experiment> items;
        String footer;
        if (filters.all) {
            items = all.apply(filters.params());
            footer = items.size() + " experiments";
        } else {
            Page<Experiment> result = page.apply(filters.params());
            items = result.items();
            footer = items.size() + " of " + result.total() + " experiments";
        }
        if (json) {
            out.json(items);
            return ExitCodes.OK;
        }
        Output.Table table = out.table("ID", "CODE", "NAME", "TYPE", "STATUS", "PROJECT", "CREATED");
        items.forEach(e -> table.row(e.id(), e.experimentCode(), e.name(), e.experimentType(), e.status(),
                Output.text(e.projectName()), Output.time(e.createdAt())));
        table.print();
        out.line(footer);
        return ExitCodes.OK;
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one experiment.")
    int get(@Parameters(paramLabel = "ID") long id, @Mixin JsonFlag json) {
        Experiment experiment = call(client -> client.experiments().get(id));
        if (json.json) {
            out().json(experiment);
        } else {
            show(out(), experiment);
        }
        return ExitCodes.OK;
    }

    private static void show(Output out, Experiment e) {
        out.line("ID:          " + e.id());
        out.line("Code:        " + e.experimentCode());
        out.line("Name:        " + e.name());
        out.line("Type:        " + e.experimentType());
        out.line("Status:      " + e.status());
        out.line("Project:     " + Output.text(e.projectName()));
        out.line("Notes:       " + Output.text(e.notes()));
        out.line("Tags:        " + (e.tags().isEmpty() ? "" : e.tags()));
        out.line("Design data: " + (e.hasDesignData() ? "yes" : "no"));
        out.line("Created:     " + Output.time(e.createdAt()) + e.createdByUser().map(u -> " by " + u.username()).orElse(""));
        out.line("Updated:     " + Output.time(e.updatedAt()));
    }

    /** Fields settable on create and update. */
    static final class FieldOptions {
        @Option(names = "--name", description = "Name.")
        String name;
        @Option(names = "--type", paramLabel = "TYPE", description = "Experiment type value.")
        String type;
        @Option(names = "--status", description = "planned, ongoing, completed or cancelled.")
        String status;
        @Option(names = "--project-id", paramLabel = "ID", description = "Project id.")
        Long projectId;
        @Option(names = "--notes", paramLabel = "TEXT", description = "Notes.")
        String notes;
        @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "A tag; repeat for more.")
        Map<String, String> tags;

        ExperimentFields.Builder toFields() {
            ExperimentFields.Builder fields = ExperimentFields.builder();
            if (name != null) {
                fields.name(name);
            }
            if (type != null) {
                fields.experimentType(type);
            }
            if (status != null) {
                fields.status(status);
            }
            if (projectId != null) {
                fields.projectId(projectId);
            }
            if (notes != null) {
                fields.notes(notes);
            }
            if (tags != null) {
                fields.tags(tags);
            }
            return fields;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an experiment (type defaults to custom).")
    int create(@Parameters(paramLabel = "NAME", arity = "0..1", description = "Name (or --name).") String name,
               @Mixin FieldOptions options, @Mixin JsonFlag json) {
        String chosen = name != null ? name : options.name;
        if (chosen == null || chosen.isBlank()) {
            throw CliException.usage("An experiment needs a name: mint experiment create NAME");
        }
        ExperimentFields.Builder fields = options.toFields().name(chosen);
        if (options.type == null) {
            fields.experimentType("custom");
        }
        Experiment created = call(client -> client.experiments().create(fields.build()));
        if (json.json) {
            out().json(created);
        } else {
            out().line("Created experiment " + created.id() + " (" + created.experimentCode() + ") " + created.name());
        }
        return ExitCodes.OK;
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Change fields of an experiment.")
    int update(@Parameters(paramLabel = "ID") long id, @Mixin FieldOptions options, @Mixin JsonFlag json) {
        ExperimentFields fields = options.toFields().build();
        if (fields.asMap().isEmpty()) {
            throw CliException.usage("Nothing to update: give --name, --type, --status, --project-id, --notes or --tag");
        }
        Experiment updated = call(client -> client.experiments().update(id, fields));
        if (json.json) {
            out().json(updated);
        } else {
            out().line("Updated experiment " + updated.id() + " (" + updated.experimentCode() + ")");
        }
        return ExitCodes.OK;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an experiment with its design data and results.")
    int delete(@Parameters(paramLabel = "ID") long id,
               @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.") boolean yes) {
        if (!Confirmation.confirm(context(), yes, "Delete experiment " + id + " with its data and results?")) {
            out().line("Not deleted");
            return ExitCodes.OK;
        }
        run(client -> client.experiments().delete(id));
        out().line("Deleted experiment " + id);
        return ExitCodes.OK;
    }

    @Command(name = "types", mixinStandardHelpOptions = true, description = "List experiment types.")
    int types(@Option(names = "--all", description = "Include inactive types.") boolean all, @Mixin JsonFlag json) {
        List<ExperimentType> types = call(client -> client.experiments().types(all));
        if (json.json) {
            out().json(types);
            return ExitCodes.OK;
        }
        Output.Table table = out().table("VALUE", "LABEL", "ACTIVE");
        types.forEach(t -> table.row(t.value(), t.label(), t.active() ? "yes" : "no"));
        table.print();
        return ExitCodes.OK;
    }

    /** What {@code data} and {@code results} do besides showing. */
    static final class Change {
        @Option(names = "--save", paramLabel = "FILE", description = "Save the JSON object in FILE ('-' for standard input).")
        String saveFrom;
        @Option(names = "--delete", description = "Delete it.")
        boolean delete;
    }

    @Command(name = "data", mixinStandardHelpOptions = true,
            description = {"Show, save or delete an experiment's design data.",
                "  mint experiment data 12                         show it",
                "  mint experiment data 12 --save d.json --plugin panel-designer",
                "  mint experiment data 12 --delete"})
    int data(@Parameters(paramLabel = "ID") long id, @ArgGroup(exclusive = true) Change change,
             @Option(names = "--plugin", paramLabel = "ID", description = "Plugin that owns the data (for --save).") String plugin,
             @Option(names = "--schema-version", paramLabel = "V", defaultValue = "1.0", description = "Schema version (for --save; default ${DEFAULT-VALUE}).") String schemaVersion,
             @Mixin JsonFlag json) {
        if (change != null && change.delete) {
            run(client -> client.experiments().deleteData(id));
            out().line("Deleted the design data of experiment " + id);
            return ExitCodes.OK;
        }
        DesignData data;
        if (change != null && change.saveFrom != null) {
            if (plugin == null) {
                throw CliException.usage("--save needs --plugin: the plugin the design data belongs to");
            }
            Map<String, Object> content = JsonInput.objectFrom(change.saveFrom, context());
            data = call(client -> client.experiments().saveData(id, plugin, content, schemaVersion));
        } else {
            data = call(client -> client.experiments().getData(id));
        }
        if (json.json) {
            out().json(data);
        } else {
            out().line("Plugin: " + data.pluginId() + "   schema " + data.schemaVersion() + "   updated "
                    + Output.time(data.updatedAt()));
            out().json(data.data());
        }
        return ExitCodes.OK;
    }

    @Command(name = "results", mixinStandardHelpOptions = true,
            description = {"List, show, save or delete analysis results.",
                "  mint experiment results 12                      list every plugin's result",
                "  mint experiment results 12 --plugin ic50-fit    show one",
                "  mint experiment results 12 --plugin ic50-fit --save r.json | --delete"})
    int results(@Parameters(paramLabel = "ID") long id, @ArgGroup(exclusive = true) Change change,
                @Option(names = "--plugin", paramLabel = "ID", description = "The plugin whose result.") String plugin,
                @Mixin JsonFlag json) {
        if (plugin == null) {
            if (change != null) {
                throw CliException.usage("--save and --delete need --plugin");
            }
            List<AnalysisResult> results = call(client -> client.experiments().listResults(id));
            if (json.json) {
                out().json(results);
                return ExitCodes.OK;
            }
            Output.Table table = out().table("PLUGIN", "UPDATED", "KEYS");
            results.forEach(r -> table.row(r.pluginId(), Output.time(r.updatedAt()), String.join(", ", r.result().keySet())));
            table.print();
            return ExitCodes.OK;
        }
        if (change != null && change.delete) {
            run(client -> client.experiments().deleteResult(id, plugin));
            out().line("Deleted the " + plugin + " result of experiment " + id);
            return ExitCodes.OK;
        }
        AnalysisResult result = change != null && change.saveFrom != null
                ? call(client -> client.experiments().saveResult(id, plugin, JsonInput.objectFrom(change.saveFrom, context())))
                : call(client -> client.experiments().getResult(id, plugin));
        if (json.json) {
            out().json(result);
        } else {
            out().line("Plugin: " + result.pluginId() + "   updated " + Output.time(result.updatedAt()));
            out().json(result.result());
        }
        return ExitCodes.OK;
    }
}
