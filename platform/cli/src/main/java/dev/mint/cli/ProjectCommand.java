package dev.mint.cli;

import dev.mint.client.ProjectFields;
import dev.mint.client.ProjectListParams;
import dev.mint.client.core.Page;
import dev.mint.client.model.Project;
import dev.mint.client.model.ProjectMember;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mint project ...}: projects, their experiments and members. */
@Command(name = "project", mixinStandardHelpOptions = true, description = "List, show, create, change and delete projects.")
final class ProjectCommand extends PlatformGroup {
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List projects.")
    int list(@Option(names = "--status", description = "active, archived or completed.") String status,
             @Option(names = "--search", paramLabel = "TEXT", description = "Match in name and description.") String search,
             @Option(names = "--mine", description = "Only projects you are a member of.") boolean mine,
             @Option(names = "--limit", defaultValue = "20", description = "How many to show (default ${DEFAULT-VALUE}); with --all, the page size.") int limit,
             @Option(names = "--skip", defaultValue = "0", description = "How many to skip.") int skip,
             @Option(names = "--all", description = "Fetch every page.") boolean all,
             @Mixin JsonFlag json) {
        if (limit < 1 || limit > 500 || skip < 0) {
            throw CliException.usage("--limit must be between 1 and 500 and --skip not negative");
        }
        ProjectListParams.Builder builder = ProjectListParams.builder().limit(limit).skip(skip).myProjects(mine);
        if (status != null) {
            builder.status(status);
        }
        if (search != null) {
            builder.search(search);
        }
        ProjectListParams params = builder.build();
        List<Project> items;
        String footer;
        if (all) {
            items = call(client -> client.projects().iterateAll(params).stream().toList());
            footer = items.size() + " projects";
        } else {
            Page<Project> page = call(client -> client.projects().list(params));
            items = page.items();
            footer = items.size() + " of " + page.total() + " projects";
        }
        if (json.json) {
            out().json(items);
            return ExitCodes.OK;
        }
        Output.Table table = out().table("ID", "NAME", "STATUS", "VISIBILITY", "EXPERIMENTS", "MEMBERS", "CREATED");
        items.forEach(p -> table.row(p.id(), p.name(), p.status(), p.visibility(), p.experimentCount(), p.memberCount(),
                Output.time(p.createdAt())));
        table.print();
        out().line(footer);
        return ExitCodes.OK;
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one project.")
    int get(@Parameters(paramLabel = "ID") long id, @Mixin JsonFlag json) {
        Project project = call(client -> client.projects().get(id));
        if (json.json) {
            out().json(project);
            return ExitCodes.OK;
        }
        Output out = out();
        out.line("ID:          " + project.id());
        out.line("Name:        " + project.name());
        out.line("Description: " + Output.text(project.description()));
        out.line("Status:      " + project.status());
        out.line("Visibility:  " + project.visibility());
        out.line("Experiments: " + project.experimentCount());
        out.line("Members:     " + project.memberCount() + project.myRole().map(r -> " (you: " + r + ")").orElse(""));
        out.line("Created:     " + Output.time(project.createdAt()));
        return ExitCodes.OK;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a project; you become its owner.")
    int create(@Parameters(paramLabel = "NAME") String name,
               @Option(names = "--description", paramLabel = "TEXT") String description,
               @Option(names = "--restricted", description = "Visible to members only.") boolean restricted,
               @Mixin JsonFlag json) {
        ProjectFields.Builder fields = ProjectFields.builder().name(name).visibility(restricted ? "restricted" : "open");
        if (description != null) {
            fields.description(description);
        }
        Project project = call(client -> client.projects().create(fields.build()));
        if (json.json) {
            out().json(project);
        } else {
            out().line("Created project " + project.id() + " " + project.name());
        }
        return ExitCodes.OK;
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Change fields of a project.")
    int update(@Parameters(paramLabel = "ID") long id,
               @Option(names = "--name") String name,
               @Option(names = "--description", paramLabel = "TEXT") String description,
               @Option(names = "--status", description = "active, archived or completed.") String status,
               @Option(names = "--visibility", description = "open or restricted.") String visibility,
               @Mixin JsonFlag json) {
        ProjectFields.Builder fields = ProjectFields.builder();
        if (name != null) {
            fields.name(name);
        }
        if (description != null) {
            fields.description(description);
        }
        if (status != null) {
            fields.status(status);
        }
        if (visibility != null) {
            fields.visibility(visibility);
        }
        ProjectFields built = fields.build();
        if (built.asMap().isEmpty()) {
            throw CliException.usage("Nothing to update: give --name, --description, --status or --visibility");
        }
        Project project = call(client -> client.projects().update(id, built));
        if (json.json) {
            out().json(project);
        } else {
            out().line("Updated project " + project.id() + " " + project.name());
        }
        return ExitCodes.OK;
    }

    @Command(name = "archive", mixinStandardHelpOptions = true, description = "Archive a project (undo with update --status active).")
    int archive(@Parameters(paramLabel = "ID") long id) {
        Project project = call(client -> client.projects().archive(id));
        out().line("Archived project " + project.id() + " " + project.name());
        return ExitCodes.OK;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a project AND ITS EXPERIMENTS.")
    int delete(@Parameters(paramLabel = "ID") long id,
               @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.") boolean yes) {
        if (!Confirmation.confirm(root.context, yes, "Delete project " + id + " and all its experiments?")) {
            out().line("Not deleted");
            return ExitCodes.OK;
        }
        run(client -> client.projects().delete(id));
        out().line("Deleted project " + id + " and its experiments");
        return ExitCodes.OK;
    }

    @Command(name = "experiments", mixinStandardHelpOptions = true, description = "List a project's experiments.")
    int experiments(@Parameters(paramLabel = "ID") long id, @Mixin ExperimentFilters filters, @Mixin JsonFlag json) {
        return call(client -> ExperimentCommand.printList(out(), filters, json.json,
                p -> client.projects().experiments(id, p),
                p -> client.projects().iterateExperiments(id, p).stream().toList()));
    }

    @Command(name = "members", mixinStandardHelpOptions = true,
            description = {"List a project's members, or change one.",
                "  mint project members 3                              list",
                "  mint project members 3 --add 7 --role editor        add or change",
                "  mint project members 3 --remove 7                   remove"})
    int members(@Parameters(paramLabel = "ID") long id,
                @Option(names = "--add", paramLabel = "USER_ID", description = "Add (or change) this user.") Long add,
                @Option(names = "--role", description = "owner, editor or viewer (with --add).") String role,
                @Option(names = "--remove", paramLabel = "USER_ID", description = "Remove this user.") Long remove,
                @Mixin JsonFlag json) {
        if (add != null && remove != null) {
            throw CliException.usage("Give --add or --remove, not both");
        }
        if (add != null) {
            if (role == null) {
                throw CliException.usage("--add needs --role owner|editor|viewer");
            }
            ProjectMember member = call(client -> client.projects().setMember(id, add, role));
            out().line(member.username() + " is now " + member.role() + " of project " + id);
            return ExitCodes.OK;
        }
        if (remove != null) {
            run(client -> client.projects().removeMember(id, remove));
            out().line("Removed user " + remove + " from project " + id);
            return ExitCodes.OK;
        }
        List<ProjectMember> members = call(client -> client.projects().members(id));
        if (json.json) {
            out().json(members);
            return ExitCodes.OK;
        }
        Output.Table table = out().table("USER_ID", "USERNAME", "ROLE", "SINCE");
        members.forEach(m -> table.row(m.userId(), m.username(), m.role(), Output.time(m.createdAt())));
        table.print();
        return ExitCodes.OK;
    }
}
