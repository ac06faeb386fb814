package dev.mint.cli;

import dev.mint.client.ExperimentListParams;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The filters, sort and paging of experiment lists, shared by {@code experiment list} and {@code project experiments}. */
final class ExperimentFilters {
    @Option(names = "--status", description = "planned, ongoing, completed or cancelled.")
    String status;
    @Option(names = "--type", paramLabel = "TYPE", description = "Experiment type value (see `mint experiment types`).")
    String type;
    @Option(names = "--project", paramLabel = "NAME", description = "Project name.")
    String project;
    @Option(names = "--project-id", paramLabel = "ID", description = "Project id.")
    Long projectId;
    @Option(names = "--search", paramLabel = "TEXT", description = "Match in name, notes and code.")
    String search;
    @Option(names = "--mine", description = "Only experiments you created.")
    boolean mine;
    @Option(names = "--since", paramLabel = "DATE", description = "Created on or after (YYYY-MM-DD).")
    LocalDate since;
    @Option(names = "--before", paramLabel = "DATE", description = "Created before (YYYY-MM-DD).")
    LocalDate before;
    @Option(names = "--sort-by", paramLabel = "FIELD", description = "created_at (default), updated_at, name, status or experiment_code.")
    String sortBy;
    @Option(names = "--order", paramLabel = "ORDER", description = "desc (default) or asc.")
    String order;
    @Option(names = "--limit", defaultValue = "20", description = "How many to show (default ${DEFAULT-VALUE}); with --all, the page size.")
    int limit;
    @Option(names = "--skip", defaultValue = "0", description = "How many to skip.")
    int skip;
    @Option(names = "--all", description = "Fetch every page.")
    boolean all;

    ExperimentListParams params() {
        if (limit < 1 || limit > 500) {
            throw CliException.usage("--limit must be between 1 and 500");
        }
        if (skip < 0) {
            throw CliException.usage("--skip must not be negative");
        }
        ExperimentListParams.Builder params = ExperimentListParams.builder().limit(limit).skip(skip).mine(mine);
        if (status != null) {
            params.status(status);
        }
        if (type != null) {
            params.experimentType(type);
        }
        if (project != null) {
            params.project(project);
        }
        if (projectId != null) {
            params.projectId(projectId);
        }
        if (search != null) {
            params.search(search);
        }
        if (since != null) {
            params.createdAfter(since);
        }
        if (before != null) {
            params.createdBefore(before);
        }
        if (sortBy != null) {
            params.sortBy(sortBy);
        }
        if (order != null) {
            params.sortOrder(order);
        }
        return params.build();
    }
}
