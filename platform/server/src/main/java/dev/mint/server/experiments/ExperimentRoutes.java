package dev.mint.server.experiments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mint.sdk.ConflictException;
import dev.mint.sdk.NotFoundException;
import dev.mint.sdk.PermissionException;
import dev.mint.server.audit.Actor;
import dev.mint.server.audit.AuditLog;
import dev.mint.server.auth.Authenticator;
import dev.mint.server.auth.Permission;
import dev.mint.server.auth.Principal;
import dev.mint.server.http.ApiException;
import dev.mint.server.http.Json;
import dev.mint.server.http.JsonBody;
import dev.mint.server.http.Page;
import dev.mint.server.http.Params;
import dev.mint.server.projects.Access;
import dev.mint.server.projects.Project;
import dev.mint.server.projects.ProjectRole;
import dev.mint.server.projects.ProjectStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@code /api/experiments}: CRUD, types, design data and analysis results, each behind {@link Access}. */
public final class ExperimentRoutes {
    private static final Pattern PLUGIN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern TYPE_VALUE = Pattern.compile("[a-z][a-z0-9_]{0,49}");
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    private final Jdbi jdbi;
    private final ExperimentStore experiments;
    private final ExperimentTypeStore types;
    private final ExperimentDataStore data;
    private final ProjectStore projects;
    private final AuditLog audit;
    private final Authenticator auth;
    private final Access access;
    private final ExperimentHooks hooks;

    public ExperimentRoutes(Jdbi jdbi, ExperimentStore experiments, ExperimentTypeStore types, ExperimentDataStore data,
                            ProjectStore projects, AuditLog audit, Authenticator auth, Access access, ExperimentHooks hooks) {
        this.jdbi = jdbi;
        this.experiments = experiments;
        this.types = types;
        this.data = data;
        this.projects = projects;
        this.audit = audit;
        this.auth = auth;
        this.access = access;
        this.hooks = hooks;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/experiments", this::list);
        routes.post("/api/experiments", this::create);
        routes.get("/api/experiments/experiment-types", this::listTypes);
        routes.post("/api/admin/experiment-types", this::createType);
        routes.patch("/api/admin/experiment-types/{value}", this::updateType);
        routes.get("/api/experiments/{id}", this::get);
        routes.patch("/api/experiments/{id}", this::update);
        routes.delete("/api/experiments/{id}", this::delete);
        routes.get("/api/experiments/{id}/data", this::getDesign);
        routes.put("/api/experiments/{id}/data", this::saveDesign);
        routes.delete("/api/experiments/{id}/data", this::deleteDesign);
        routes.get("/api/experiments/{id}/results", this::listResults);
        routes.get("/api/experiments/{id}/results/{plugin_id}", this::getResult);
        routes.put("/api/experiments/{id}/results/{plugin_id}", this::saveResult);
        routes.delete("/api/experiments/{id}/results/{plugin_id}", this::deleteResult);
    }

    /**
     * Serves a page of visible experiments filtered by the query parameters; also used for
     * {@code /api/projects/{id}/experiments}, where {@code projectId} replaces any {@code project_id} parameter.
     */
    public void listInto(Context ctx, Principal principal, Optional<Long> projectId) {
        ExperimentStore.Filter filter = new ExperimentStore.Filter(
                Params.choice(ctx, "status", Experiment.STATUSES),
                Params.string(ctx, "experiment_type"),
                Params.string(ctx, "project"),
                projectId.isPresent() ? projectId : Params.longParam(ctx, "project_id"),
                Params.string(ctx, "search"),
                Params.bool(ctx, "mine") ? Optional.of(principal.userId()) : Optional.empty(),
                Params.time(ctx, "created_after"),
                Params.time(ctx, "created_before"),
                Params.longParam(ctx, "parent_experiment_id"));
        String sortBy = Params.choice(ctx, "sort_by", ExperimentStore.SORT_KEYS).orElse("created_at");
        boolean ascending = Params.choice(ctx, "sort_order", List.of("asc", "desc")).orElse("desc").equals("asc");
        int skip = Params.skip(ctx);
        int limit = Params.limit(ctx, 100);
        Page<Experiment> page = jdbi.withHandle(h -> experiments.list(h, access.visibleExperimentsSql(principal),
                principal.userId(), filter, sortBy, ascending, skip, limit));
        ctx.json(page.envelope("experiments"));
    }

    private void list(Context ctx) {
        listInto(ctx, auth.authenticate(ctx), Optional.empty());
    }

    private void get(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        long id = Params.id(ctx, "id");
        // The hottest read: the experiment on its own connection, a handle only for a project membership.
        ctx.json(visibleOrNotFound(experiments.find(id), principal, id,
                e -> e.projectId() == null ? Optional.empty() : jdbi.withHandle(h -> memberRole(h, principal, e))));
    }

    private void create(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        JsonBody body = JsonBody.of(ctx);
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("name", body.requiredString("name", 200));
        columns.put("experiment_type", body.optionalString("experiment_type", 50).orElse("custom"));
        columns.put("status", body.optionalChoice("status", Experiment.STATUSES).orElse("planned"));
        columns.put("notes", body.optionalString("notes", 20_000).orElse(null));
        columns.put("tags", Json.write(body.optionalObject("tags").orElse(Json.object())));
        columns.put("custom_metadata", Json.write(body.optionalObject("custom_metadata").orElse(Json.object())));
        Optional<Long> projectId = body.optionalLong("project_id");
        Optional<Long> parentId = body.optionalLong("parent_experiment_id");
        Optional<LocalDate> start = body.optionalDate("start_date");
        Optional<LocalDate> end = body.optionalDate("end_date");
        checkDates(start, end);
        columns.put("start_date", start.map(LocalDate::toString).orElse(null));
        columns.put("end_date", end.map(LocalDate::toString).orElse(null));
        Experiment created = jdbi.inTransaction(h -> {
            requireActiveType(h, (String) columns.get("experiment_type"));
            if (projectId.isPresent()) {
                requireCanAddTo(h, principal, projectId.get());
            } else if (!principal.has(Permission.EXPERIMENTS_CREATE)) {
                throw new PermissionException("Your role '" + principal.role().slug() + "' lacks permission "
                        + "experiments.create", "experiments.create");
            }
            columns.put("project_id", projectId.orElse(null));
            if (parentId.isPresent()) {
                parent(h, principal, parentId.get(), null);
            }
            columns.put("parent_experiment_id", parentId.orElse(null));
            long id = experiments.create(h, columns, principal.userId());
            Experiment experiment = experiments.find(h, id).orElseThrow();
            audit.record(h, Actor.of(ctx, principal), "experiment.create", "experiment", id,
                    Map.of("experiment_code", experiment.experimentCode(), "name", experiment.name()));
            return experiment;
        });
        ctx.status(201).json(created);
    }

    private void update(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        long id = Params.id(ctx, "id");
        JsonBody body = JsonBody.of(ctx);
        Map<String, Object> columns = new LinkedHashMap<>();
        if (body.has("name")) {
            columns.put("name", body.requiredString("name", 200));
        }
        if (body.has("status")) {
            columns.put("status", body.optionalChoice("status", Experiment.STATUSES)
                    .orElseThrow(() -> ApiException.invalid("status", "Field 'status' cannot be null")));
        }
        if (body.has("experiment_type")) {
            columns.put("experiment_type", body.requiredString("experiment_type", 50));
        }
        if (body.has("notes")) {
            columns.put("notes", body.optionalString("notes", 20_000).orElse(null));
        }
        for (String field : List.of("tags", "custom_metadata")) {
            if (body.has(field)) {
                columns.put(field, Json.write(body.optionalObject(field).orElse(Json.object())));
            }
        }
        for (String field : List.of("start_date", "end_date")) {
            if (body.has(field)) {
                columns.put(field, body.optionalDate(field).map(LocalDate::toString).orElse(null));
            }
        }
        Optional<Long> projectId = body.optionalLong("project_id");
        Optional<Long> parentId = body.optionalLong("parent_experiment_id");
        Map.Entry<String, Experiment> updated = jdbi.inTransaction(h -> {
            Experiment before = visible(h, principal, id);
            require(h, principal, before, Permission.EXPERIMENTS_EDIT);
            if (columns.containsKey("experiment_type") && !columns.get("experiment_type").equals(before.experimentType())) {
                requireActiveType(h, (String) columns.get("experiment_type"));
            }
            if (body.has("project_id") && !Objects.equals(projectId.orElse(null), before.projectId())) {
                if (projectId.isPresent()) {
                    requireCanAddTo(h, principal, projectId.get());
                }
                columns.put("project_id", projectId.orElse(null));
            }
            if (body.has("parent_experiment_id")) {
                if (parentId.isPresent()) {
                    parent(h, principal, parentId.get(), id);
                }
                columns.put("parent_experiment_id", parentId.orElse(null));
            }
            checkDates(date(columns, "start_date", before.startDate()), date(columns, "end_date", before.endDate()));
            experiments.update(h, id, columns);
            Map<String, Object> details = new LinkedHashMap<>(columns);
            if (columns.containsKey("status") && !columns.get("status").equals(before.status())) {
                details.put("old_status", before.status());
            }
            audit.record(h, Actor.of(ctx, principal), "experiment.update", "experiment", id, details);
            return Map.entry(before.status(), experiments.find(h, id).orElseThrow());
        });
        if (!updated.getKey().equals(updated.getValue().status())) {
            hooks.statusChanged(id, updated.getKey(), updated.getValue().status());
        }
        ctx.json(updated.getValue());
    }

    private void delete(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        long id = Params.id(ctx, "id");
        jdbi.useTransaction(h -> {
            Experiment experiment = visible(h, principal, id);
            require(h, principal, experiment, Permission.EXPERIMENTS_DELETE);
            experiments.delete(h, id);
            audit.record(h, Actor.of(ctx, principal), "experiment.delete", "experiment", id,
                    Map.of("experiment_code", experiment.experimentCode(), "name", experiment.name()));
        });
        ctx.status(204);
    }

    private void listTypes(Context ctx) {
        auth.authenticate(ctx);
        boolean all = Params.bool(ctx, "include_inactive");
        ctx.json(jdbi.withHandle(h -> types.list(h, all)));
    }

    private void createType(Context ctx) {
        Principal principal = auth.require(ctx, Permission.PLATFORM_CONFIGURE);
        JsonBody body = JsonBody.of(ctx);
        String value = body.requiredString("value", 50);
        if (!TYPE_VALUE.matcher(value).matches()) {
            throw ApiException.invalid("value", "Field 'value' must match ^[a-z][a-z0-9_]{0,49}$");
        }
        var type = new ExperimentTypeStore.ExperimentType(value, body.requiredString("label", 100),
                color(body).orElse("#6b7280"), body.optionalString("description", 500).orElse(null),
                body.optionalLong("sort_order").map(Long::intValue).orElse(100), body.optionalBoolean("active").orElse(true));
        var created = jdbi.inTransaction(h -> {
            var t = types.create(h, type);
            audit.record(h, Actor.of(ctx, principal), "experiment_type.create", "experiment_type", value, Map.of("label", t.label()));
            return t;
        });
        ctx.status(201).json(created);
    }

    private void updateType(Context ctx) {
        Principal principal = auth.require(ctx, Permission.PLATFORM_CONFIGURE);
        String value = ctx.pathParam("value");
        JsonBody body = JsonBody.of(ctx);
        Map<String, Object> columns = new LinkedHashMap<>();
        body.optionalString("label", 100).ifPresent(v -> columns.put("label", v));
        color(body).ifPresent(v -> columns.put("color", v));
        if (body.has("description")) {
            columns.put("description", body.optionalString("description", 500).orElse(null));
        }
        body.optionalLong("sort_order").ifPresent(v -> columns.put("sort_order", v.intValue()));
        body.optionalBoolean("active").ifPresent(v -> columns.put("active", v));
        var updated = jdbi.inTransaction(h -> {
            var t = types.update(h, value, columns);
            audit.record(h, Actor.of(ctx, principal), "experiment_type.update", "experiment_type", value, columns);
            return t;
        });
        ctx.json(updated);
    }

    private void getDesign(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        long id = Params.id(ctx, "id");
        ctx.json(jdbi.withHandle(h -> {
            visible(h, principal, id);
            return data.design(h, id).orElseThrow(() -> new NotFoundException(
                    "Experiment " + id + " has no design data", "design_data", id));
        }));
    }

    private void saveDesign(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        long id = Params.id(ctx, "id");
        JsonBody body = JsonBody.of(ctx);
        String pluginId = pluginId(body.requiredString("plugin_id", 100), "plugin_id");
        ObjectNode design = body.requiredObject("data");
        String schemaVersion = body.optionalString("schema_version", 20).orElse("1.0");
        jdbi.useHandle(h -> require(h, principal, visible(h, principal, id), Permission.EXPERIMENTS_EDIT));
        Map<String, Object> asMap = Json.toMap(design);
        hooks.beforeDesignSave(id, asMap); // outside the transaction: plugin code must not hold the write lock
        var saved = jdbi.inTransaction(h -> {
            Experiment experiment = visible(h, principal, id);
            require(h, principal, experiment, Permission.EXPERIMENTS_EDIT);
            var d = data.saveDesign(h, id, pluginId, design, schemaVersion).orElseThrow(() -> new ConflictException(
                    "Design data of experiment " + id + " belongs to plugin '"
                            + data.design(h, id).map(ExperimentDataStore.DesignData::pluginId).orElse("?")
                            + "'; delete it first to hand it to '" + pluginId + "'", "design_data", "plugin_id"));
            audit.record(h, Actor.of(ctx, principal), "design_data.save", "experiment", id,
                    Map.of("plugin_id", pluginId, "schema_version", schemaVersion));
            return d;
        });
        hooks.afterDesignSave(id, asMap);
        ctx.json(saved);
    }

    private void deleteDesign(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        long id = Params.id(ctx, "id");
        jdbi.useTransaction(h -> {
            Experiment experiment = visible(h, principal, id);
            require(h, principal, experiment, Permission.EXPERIMENTS_EDIT);
            if (!data.deleteDesign(h, id)) {
                throw new NotFoundException("Experiment " + id + " has no design data", "design_data", id);
            }
            audit.record(h, Actor.of(ctx, principal), "design_data.delete", "experiment", id, Map.of());
        });
        ctx.status(204);
    }

    private void listResults(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        long id = Params.id(ctx, "id");
        var results = jdbi.withHandle(h -> {
            visible(h, principal, id);
            return data.results(h, id);
        });
        ctx.json(Page.all(results).envelope("results"));
    }

    private void getResult(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        long id = Params.id(ctx, "id");
        String pluginId = pluginId(ctx.pathParam("plugin_id"), "plugin_id");
        ctx.json(jdbi.withHandle(h -> {
            visible(h, principal, id);
            return data.result(h, id, pluginId).orElseThrow(() -> new NotFoundException(
                    "Experiment " + id + " has no result from plugin '" + pluginId + "'", "analysis_result", pluginId));
        }));
    }

    private void saveResult(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        long id = Params.id(ctx, "id");
        String pluginId = pluginId(ctx.pathParam("plugin_id"), "plugin_id");
        ObjectNode result = JsonBody.of(ctx).requiredObject("result");
        var saved = jdbi.inTransaction(h -> {
            Experiment experiment = visible(h, principal, id);
            require(h, principal, experiment, Permission.EXPERIMENTS_EDIT);
            var r = data.saveResult(h, id, pluginId, result);
            audit.record(h, Actor.of(ctx, principal), "analysis_result.save", "experiment", id, Map.of("plugin_id", pluginId));
            return r;
        });
        ctx.json(saved);
    }

    private void deleteResult(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        long id = Params.id(ctx, "id");
        String pluginId = pluginId(ctx.pathParam("plugin_id"), "plugin_id");
        jdbi.useTransaction(h -> {
            Experiment experiment = visible(h, principal, id);
            require(h, principal, experiment, Permission.EXPERIMENTS_EDIT);
            if (!data.deleteResult(h, id, pluginId)) {
                throw new NotFoundException("Experiment " + id + " has no result from plugin '" + pluginId + "'",
                        "analysis_result", pluginId);
            }
            audit.record(h, Actor.of(ctx, principal), "analysis_result.delete", "experiment", id, Map.of("plugin_id", pluginId));
        });
        ctx.status(204);
    }

    /** The experiment if it exists and the caller may see it; 404 either way, so existence does not leak. */
    private Experiment visible(Handle h, Principal principal, long id) {
        return visibleOrNotFound(experiments.find(h, id), principal, id, e -> memberRole(h, principal, e));
    }

    private Experiment visibleOrNotFound(Optional<Experiment> found, Principal principal, long id,
                                        Function<Experiment, Optional<ProjectRole>> memberRole) {
        return found.filter(e -> access.canSeeExperiment(principal, e.projectId(), e.projectVisibility(), e.createdBy(),
                        memberRole.apply(e)))
                .orElseThrow(() -> new NotFoundException("Experiment " + id + " not found", "experiment", id));
    }

    private void require(Handle h, Principal principal, Experiment e, Permission permission) {
        if (!access.canOnExperiment(principal, e.projectId(), e.projectVisibility(), e.createdBy(),
                memberRole(h, principal, e), permission)) {
            throw new PermissionException("You lack permission " + permission.wireName() + " on experiment "
                    + e.experimentCode(), permission.wireName());
        }
    }

    private Optional<ProjectRole> memberRole(Handle h, Principal principal, Experiment e) {
        return e.projectId() == null ? Optional.empty() : projects.memberRole(h, e.projectId(), principal.userId());
    }

    private void requireCanAddTo(Handle h, Principal principal, long projectId) {
        Project project = projects.find(h, projectId, principal.userId())
                .filter(p -> access.canSeeProject(principal, p.visibility(), p.memberRole()))
                .orElseThrow(() -> ApiException.invalid("project_id", "Project " + projectId + " not found"));
        if (!access.canOnProject(principal, project.visibility(), project.memberRole(), Permission.EXPERIMENTS_CREATE)) {
            throw new PermissionException("You lack permission experiments.create in project '" + project.name() + "'",
                    "experiments.create");
        }
        if (!"active".equals(project.status())) {
            throw new ConflictException("Project '" + project.name() + "' is " + project.status()
                    + "; reactivate it to add experiments", "project", "status");
        }
    }

    private void parent(Handle h, Principal principal, long parentId, Long self) {
        if (Objects.equals(parentId, self)) {
            throw ApiException.invalid("parent_experiment_id", "An experiment cannot be its own parent");
        }
        Experiment parent = experiments.find(h, parentId)
                .filter(e -> access.canSeeExperiment(principal, e.projectId(), e.projectVisibility(), e.createdBy(),
                        memberRole(h, principal, e)))
                .orElseThrow(() -> ApiException.invalid("parent_experiment_id", "Experiment " + parentId + " not found"));
        Set<Long> seen = new HashSet<>();
        for (Long ancestor = parent.parentExperimentId(); self != null && ancestor != null && seen.add(ancestor);
                ancestor = experiments.parentOf(h, ancestor).orElse(null)) {
            if (ancestor.equals(self)) {
                throw ApiException.invalid("parent_experiment_id", "Experiment " + parentId
                        + " descends from this experiment; parent links cannot form a cycle");
            }
        }
    }

    private void requireActiveType(Handle h, String type) {
        if (!types.isActive(h, type)) {
            throw ApiException.invalid("experiment_type", "Unknown experiment type '" + type + "'; see"
                    + " GET /api/experiments/experiment-types");
        }
    }

    private static String pluginId(String value, String field) {
        if (!PLUGIN_ID.matcher(value).matches()) {
            throw ApiException.invalid(field, "Plugin id must be 1-100 letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    private static Optional<String> color(JsonBody body) {
        Optional<String> color = body.optionalString("color", 7);
        color.filter(c -> !COLOR.matcher(c).matches()).ifPresent(c -> {
            throw ApiException.invalid("color", "Field 'color' must look like #3b82f6");
        });
        return color;
    }

    private static Optional<LocalDate> date(Map<String, Object> columns, String key, String current) {
        Object value = columns.containsKey(key) ? columns.get(key) : current;
        return Optional.ofNullable((String) value).map(LocalDate::parse);
    }

    private static void checkDates(Optional<LocalDate> start, Optional<LocalDate> end) {
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            throw ApiException.invalid("end_date", "end_date must not be before start_date");
        }
    }
}
