package dev.mint.server.plugins;

import dev.mint.sdk.NotFoundException;
import dev.mint.sdk.PermissionException;
import dev.mint.sdk.ValidationException;
import dev.mint.sdk.data.Experiment;
import dev.mint.sdk.data.ExperimentChanges;
import dev.mint.sdk.data.ExperimentQuery;
import dev.mint.sdk.data.ExperimentRepository;
import dev.mint.sdk.data.ListResult;
import dev.mint.server.experiments.ExperimentHooks;
import dev.mint.server.experiments.ExperimentStore;
import dev.mint.server.experiments.ExperimentTypeStore;
import dev.mint.server.http.Json;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Experiments for plugins that declare {@code requiresExperiments}: every experiment (plugin code runs with
 * the platform's trust), read-only for ANALYSIS plugins, writable for EXPERIMENT_DESIGN ones with the
 * checks the REST routes make (name, active type, status, project, creator). Thread-safe.
 */
final class PlatformExperiments implements ExperimentRepository {
    private static final Set<String> WRITABLE = Set.of("name", "experiment_type", "status", "project", "project_id", "notes",
            "tags", "custom_metadata", "parent_experiment_id", "start_date", "end_date", "created_by");

    private final Jdbi jdbi;
    private final ExperimentStore experiments;
    private final ExperimentTypeStore types = new ExperimentTypeStore();
    private final ExperimentHooks hooks;
    private final String pluginName;
    private final boolean writable;

    PlatformExperiments(Jdbi jdbi, ExperimentStore experiments, ExperimentHooks hooks, String pluginName, boolean writable) {
        this.jdbi = jdbi;
        this.experiments = experiments;
        this.hooks = hooks;
        this.pluginName = pluginName;
        this.writable = writable;
    }

    @Override
    public Optional<Experiment> getById(long experimentId) {
        return jdbi.withHandle(h -> experiments.find(h, experimentId)).map(PlatformExperiments::toSdk);
    }

    @Override
    public ListResult<Experiment> listAll(ExperimentQuery q) {
        ExperimentStore.Filter filter = new ExperimentStore.Filter(q.status(), q.experimentType(), q.project(),
                Optional.empty(), q.search(), q.createdBy(), Optional.empty(), Optional.empty(), q.parentExperimentId());
        var page = jdbi.withHandle(h -> experiments.list(h, "1 = 1", 0, filter, "created_at", false, q.skip(), q.limit()));
        return new ListResult<>(page.items().stream().map(PlatformExperiments::toSdk).toList(), page.total());
    }

    @Override
    public Experiment create(ExperimentChanges fields) {
        requireWritable("create");
        Map<String, Object> values = fields.fields();
        if (!(values.get("name") instanceof String name) || name.isBlank()) {
            throw new ValidationException("An experiment needs a name", "name", values.get("name"));
        }
        if (!(values.get("created_by") instanceof Number creator)) {
            throw new ValidationException("A plugin creating an experiment must say who for (created_by)", "created_by", null);
        }
        return jdbi.inTransaction(h -> {
            Map<String, Object> columns = columns(h, values);
            columns.putIfAbsent("experiment_type", "custom");
            columns.putIfAbsent("status", "planned");
            columns.putIfAbsent("tags", "{}");
            columns.putIfAbsent("custom_metadata", "{}");
            requireActiveType(h, (String) columns.get("experiment_type"));
            long id = experiments.create(h, columns, creator.longValue());
            return toSdk(experiments.find(h, id).orElseThrow());
        });
    }

    @Override
    public Optional<Experiment> update(long experimentId, ExperimentChanges changes) {
        requireWritable("update");
        Map.Entry<String, Experiment> updated = jdbi.inTransaction(h -> {
            Optional<dev.mint.server.experiments.Experiment> before = experiments.find(h, experimentId);
            if (before.isEmpty()) {
                return null;
            }
            Map<String, Object> columns = columns(h, changes.fields());
            columns.remove("created_by");
            if (columns.containsKey("experiment_type") && !columns.get("experiment_type").equals(before.get().experimentType())) {
                requireActiveType(h, (String) columns.get("experiment_type"));
            }
            experiments.update(h, experimentId, columns);
            return Map.entry(before.get().status(), toSdk(experiments.find(h, experimentId).orElseThrow()));
        });
        if (updated == null) {
            return Optional.empty();
        }
        if (!updated.getKey().equals(updated.getValue().status())) {
            hooks.statusChanged(experimentId, updated.getKey(), updated.getValue().status());
        }
        return Optional.of(updated.getValue());
    }

    @Override
    public boolean delete(long experimentId) {
        requireWritable("delete");
        return jdbi.inTransaction(h -> experiments.delete(h, experimentId));
    }

    @Override
    public boolean hasDesignData(long experimentId) {
        return jdbi.withHandle(h -> experiments.find(h, experimentId))
                .map(dev.mint.server.experiments.Experiment::hasDesignData).orElse(false);
    }

    private void requireWritable(String operation) {
        if (!writable) {
            throw new PermissionException("Plugin " + pluginName + " is an ANALYSIS plugin: it may read experiments but not "
                    + operation + " them", "experiments." + operation);
        }
    }

    /** Wire fields to columns, checked. */
    private Map<String, Object> columns(Handle h, Map<String, Object> values) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : values.entrySet()) {
            String name = field.getKey();
            Object value = field.getValue();
            if (!WRITABLE.contains(name)) {
                throw new ValidationException("Unknown experiment field '" + name + "'", name, value);
            }
            switch (name) {
                case "status" -> {
                    if (!dev.mint.server.experiments.Experiment.STATUSES.contains(String.valueOf(value))) {
                        throw new ValidationException("status must be one of "
                                + dev.mint.server.experiments.Experiment.STATUSES, "status", value);
                    }
                    columns.put(name, value);
                }
                case "project" -> columns.put("project_id", value == null ? null : projectId(h, String.valueOf(value)));
                case "tags", "custom_metadata" -> columns.put(name, Json.write(value == null ? Map.of() : value));
                case "start_date", "end_date" -> columns.put(name, value == null ? null : LocalDate.parse(String.valueOf(value)).toString());
                case "created_by" -> { }
                default -> columns.put(name, value);
            }
        }
        return columns;
    }

    private static long projectId(Handle h, String projectName) {
        return h.createQuery("SELECT id FROM projects WHERE lower(name) = lower(?)").bind(0, projectName).mapTo(Long.class)
                .findOne().orElseThrow(() -> new NotFoundException("Project '" + projectName + "' not found", "project", projectName));
    }

    private void requireActiveType(Handle h, String type) {
        if (!types.isActive(h, type)) {
            throw new ValidationException("Experiment type '" + type + "' does not exist or is inactive", "experiment_type", type);
        }
    }

    static Experiment toSdk(dev.mint.server.experiments.Experiment e) {
        return new Experiment(e.id(), e.experimentCode(), e.name(), e.experimentType(), e.status(),
                Optional.ofNullable(e.createdBy()), Optional.ofNullable(e.parentExperimentId()), Optional.ofNullable(e.projectId()),
                Optional.ofNullable(e.projectName()), Optional.ofNullable(e.notes()), Json.toMap(Json.read(e.tags())), Json.toMap(Json.read(e.customMetadata())),
                Optional.ofNullable(e.startDate()).map(LocalDate::parse), Optional.ofNullable(e.endDate()).map(LocalDate::parse),
                e.createdAt(), e.updatedAt());
    }
}
