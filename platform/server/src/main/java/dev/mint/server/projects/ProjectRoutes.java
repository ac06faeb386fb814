package dev.mint.server.projects;

import dev.mint.sdk.ConflictException;
import dev.mint.sdk.NotFoundException;
import dev.mint.sdk.PermissionException;
import dev.mint.server.audit.Actor;
import dev.mint.server.audit.AuditLog;
import dev.mint.server.auth.Authenticator;
import dev.mint.server.auth.Permission;
import dev.mint.server.auth.Principal;
import dev.mint.server.experiments.ExperimentRoutes;
import dev.mint.server.http.ApiException;
import dev.mint.server.http.JsonBody;
import dev.mint.server.http.Page;
import dev.mint.server.http.Params;
import dev.mint.server.users.UserStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@code /api/projects}: CRUD, archive, the project's experiments, and its members. */
public final class ProjectRoutes {
    private final Jdbi jdbi;
    private final ProjectStore projects;
    private final UserStore users;
    private final AuditLog audit;
    private final Authenticator auth;
    private final Access access;
    private final ExperimentRoutes experiments;

    public ProjectRoutes(Jdbi jdbi, ProjectStore projects, UserStore users, AuditLog audit, Authenticator auth,
                         Access access, ExperimentRoutes experiments) {
        this.jdbi = jdbi;
        this.projects = projects;
        this.users = users;
        this.audit = audit;
        this.auth = auth;
        this.access = access;
        this.experiments = experiments;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/projects", this::list);
        routes.post("/api/projects", this::create);
        routes.get("/api/projects/{id}", this::get);
        routes.patch("/api/projects/{id}", this::update);
        routes.delete("/api/projects/{id}", this::delete);
        routes.post("/api/projects/{id}/archive", this::archive);
        routes.get("/api/projects/{id}/experiments", this::experiments);
        routes.get("/api/projects/{id}/members", this::members);
        routes.put("/api/projects/{id}/members/{user_id}", this::setMember);
        routes.delete("/api/projects/{id}/members/{user_id}", this::removeMember);
    }

    private void list(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        ProjectStore.Filter filter = new ProjectStore.Filter(Params.choice(ctx, "status", Project.STATUSES),
                Params.string(ctx, "search"), Params.bool(ctx, "my_projects"));
        int skip = Params.skip(ctx);
        int limit = Params.limit(ctx, 100);
        Page<Project> page = jdbi.withHandle(h -> projects.list(h, access.visibleProjectsSql(principal), principal.userId(),
                filter, skip, limit));
        ctx.json(page.envelope("projects"));
    }

    private void create(Context ctx) {
        Principal principal = auth.require(ctx, Permission.PROJECTS_CREATE);
        JsonBody body = JsonBody.of(ctx);
        String name = body.requiredString("name", 200);
        String description = body.optionalString("description", 5000).orElse(null);
        String visibility = body.optionalChoice("visibility", Project.VISIBILITIES).orElse(Access.OPEN);
        Project project = jdbi.inTransaction(h -> {
            long id = projects.create(h, name, description, visibility, principal.userId());
            audit.record(h, Actor.of(ctx, principal), "project.create", "project", id, Map.of("name", name));
            return projects.find(h, id, principal.userId()).orElseThrow();
        });
        ctx.status(201).json(project);
    }

    private void get(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        long id = Params.id(ctx, "id");
        ctx.json(jdbi.withHandle(h -> visible(h, principal, id)));
    }

    private void update(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        long id = Params.id(ctx, "id");
        JsonBody body = JsonBody.of(ctx);
        Map<String, Object> columns = new LinkedHashMap<>();
        if (body.has("name")) {
            columns.put("name", body.requiredString("name", 200));
        }
        if (body.has("description")) {
            columns.put("description", body.optionalString("description", 5000).orElse(null));
        }
        if (body.has("status")) {
            columns.put("status", body.optionalChoice("status", Project.STATUSES)
                    .orElseThrow(() -> ApiException.invalid("status", "Field 'status' cannot be null")));
        }
        if (body.has("visibility")) {
            columns.put("visibility", body.optionalChoice("visibility", Project.VISIBILITIES)
                    .orElseThrow(() -> ApiException.invalid("visibility", "Field 'visibility' cannot be null")));
        }
        ctx.json(jdbi.inTransaction(h -> change(h, ctx, principal, id, columns, "project.update")));
    }

    private void archive(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        long id = Params.id(ctx, "id");
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("status", "archived");
        ctx.json(jdbi.inTransaction(h -> change(h, ctx, principal, id, columns, "project.archive")));
    }

    private Project change(Handle h, Context ctx, Principal principal, long id, Map<String, Object> columns, String action) {
        Project project = visible(h, principal, id);
        require(principal, project, Permission.PROJECTS_EDIT);
        projects.update(h, id, columns);
        audit.record(h, Actor.of(ctx, principal), action, "project", id, columns);
        return projects.find(h, id, principal.userId()).orElseThrow();
    }

    private void delete(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        long id = Params.id(ctx, "id");
        jdbi.useTransaction(h -> {
            Project project = visible(h, principal, id);
            require(principal, project, Permission.PROJECTS_DELETE);
            projects.delete(h, id);
            audit.record(h, Actor.of(ctx, principal), "project.delete", "project", id,
                    Map.of("name", project.name(), "experiments_deleted", project.experimentCount()));
        });
        ctx.status(204);
    }

    private void experiments(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        long id = Params.id(ctx, "id");
        jdbi.useHandle(h -> visible(h, principal, id));
        experiments.listInto(ctx, principal, Optional.of(id));
    }

    private void members(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        long id = Params.id(ctx, "id");
        List<ProjectStore.Member> members = jdbi.withHandle(h -> {
            visible(h, principal, id);
            return projects.members(h, id);
        });
        ctx.json(Page.all(members).envelope("members"));
    }

    private void setMember(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        long id = Params.id(ctx, "id");
        long userId = Params.id(ctx, "user_id");
        ProjectRole role = JsonBody.of(ctx).optionalChoice("role", ProjectRole.WIRE_NAMES).flatMap(ProjectRole::fromWire)
                .orElseThrow(() -> ApiException.invalid("role", "Field 'role' is required (owner, editor or viewer)"));
        List<ProjectStore.Member> members = jdbi.inTransaction(h -> {
            Project project = visible(h, principal, id);
            require(principal, project, Permission.PROJECTS_MANAGE_MEMBERS);
            if (users.find(h, userId).isEmpty()) {
                throw new NotFoundException("User " + userId + " not found", "user", userId);
            }
            var current = projects.memberRole(h, id, userId);
            if (current.equals(java.util.Optional.of(ProjectRole.OWNER)) && role != ProjectRole.OWNER) {
                requireAnotherOwner(h, id);
            }
            projects.setMember(h, id, userId, role);
            audit.record(h, Actor.of(ctx, principal), "project.member_set", "project", id,
                    Map.of("user_id", userId, "role", role.wireName()));
            return projects.members(h, id);
        });
        ctx.json(members.stream().filter(m -> m.userId() == userId).findFirst().orElseThrow());
    }

    private void removeMember(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        long id = Params.id(ctx, "id");
        long userId = Params.id(ctx, "user_id");
        jdbi.useTransaction(h -> {
            Project project = visible(h, principal, id);
            if (userId != principal.userId()) {
                require(principal, project, Permission.PROJECTS_MANAGE_MEMBERS);
            }
            var current = projects.memberRole(h, id, userId)
                    .orElseThrow(() -> new NotFoundException("User " + userId + " is not a member of project " + id,
                            "project_member", userId));
            if (current == ProjectRole.OWNER) {
                requireAnotherOwner(h, id);
            }
            projects.removeMember(h, id, userId);
            audit.record(h, Actor.of(ctx, principal), "project.member_remove", "project", id, Map.of("user_id", userId));
        });
        ctx.status(204);
    }

    private void requireAnotherOwner(Handle h, long projectId) {
        if (projects.countOwners(h, projectId) <= 1) {
            throw new ConflictException("A project needs at least one owner; make another member owner first",
                    "project_member", "role");
        }
    }

    /** The project if the caller may see it; 404 either way, so a restricted project's existence does not leak. */
    private Project visible(Handle h, Principal principal, long id) {
        return projects.find(h, id, principal.userId())
                .filter(p -> access.canSeeProject(principal, p.visibility(), p.memberRole()))
                .orElseThrow(() -> new NotFoundException("Project " + id + " not found", "project", id));
    }

    private void require(Principal principal, Project project, Permission permission) {
        if (!access.canOnProject(principal, project.visibility(), project.memberRole(), permission)) {
            throw new PermissionException("You lack permission " + permission.wireName() + " on project '"
                    + project.name() + "'", permission.wireName());
        }
    }
}
