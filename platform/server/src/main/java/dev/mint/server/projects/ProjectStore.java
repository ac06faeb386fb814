package dev.mint.server.projects;

import dev.mint.sdk.ConflictException;
import dev.mint.server.db.Database;
import dev.mint.server.db.Like;
import dev.mint.server.db.Rows;
import dev.mint.server.http.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** SQL for projects and their members. */
public final class ProjectStore {
    private static final String SELECT = "SELECT p.id, p.name, p.description, p.status, p.visibility, p.created_by,"
            + " p.created_at, p.updated_at,"
            + " (SELECT count(*) FROM experiments x WHERE x.project_id = p.id) AS experiment_count,"
            + " (SELECT count(*) FROM project_members m WHERE m.project_id = p.id) AS member_count,"
            + " (SELECT pm2.role FROM project_members pm2 WHERE pm2.project_id = p.id AND pm2.user_id = :me) AS my_role"
            + " FROM projects p";

    /** One member of a project, with the user fields a member list shows. */
    public record Member(long userId, String username, String shortname, String email, String firstName, String lastName,
                         String role, Instant createdAt, Instant updatedAt) {
    }

    /** Listing filters; empty values do not filter. */
    public record Filter(Optional<String> status, Optional<String> search, boolean mine) {
    }

    public Optional<Project> find(Handle h, long id, long me) {
        return h.createQuery(SELECT + " WHERE p.id = :id").bind("id", id).bind("me", me).map(ProjectStore::map).findOne();
    }

    public Page<Project> list(Handle h, String visibleSql, long me, Filter filter, int skip, int limit) {
        List<String> where = new ArrayList<>(List.of(visibleSql));
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("me", me);
        filter.status().ifPresent(s -> {
            where.add("p.status = :status");
            binds.put("status", s);
        });
        filter.search().ifPresent(s -> {
            where.add("(" + Like.matches("p.name", "q") + " OR " + Like.matches("coalesce(p.description, '')", "q") + ")");
            binds.put("q", Like.pattern(s));
        });
        if (filter.mine()) {
            where.add("EXISTS (SELECT 1 FROM project_members mm WHERE mm.project_id = p.id AND mm.user_id = :me)");
        }
        String clause = " WHERE " + String.join(" AND ", where);
        var count = h.createQuery("SELECT count(*) FROM projects p" + clause);
        binds.forEach(count::bind);
        var page = h.createQuery(SELECT + clause + " ORDER BY p.name, p.id LIMIT :limit OFFSET :skip")
                .bind("limit", limit).bind("skip", skip);
        binds.forEach(page::bind);
        return new Page<>(page.map(ProjectStore::map).list(), count.mapTo(Long.class).one());
    }

    public long create(Handle h, String name, String description, String visibility, long creator) {
        requireUniqueName(h, name, 0);
        Instant now = Instant.now();
        long id = uniqueName(name, () -> h.createQuery("INSERT INTO projects (name, description, status, visibility,"
                        + " created_by, created_at, updated_at) VALUES (:name, :description, 'active', :visibility, :creator,"
                        + " :now, :now) RETURNING id")
                .bind("name", name).bind("description", description).bind("visibility", visibility)
                .bind("creator", creator).bind("now", now).mapTo(Long.class).one());
        setMember(h, id, creator, ProjectRole.OWNER);
        return id;
    }

    /** Sets the given columns among name, description, status, visibility. */
    public void update(Handle h, long id, Map<String, Object> columns) {
        if (columns.containsKey("name")) {
            requireUniqueName(h, (String) columns.get("name"), id);
        }
        if (columns.isEmpty()) {
            return;
        }
        List<String> sets = new ArrayList<>();
        columns.keySet().forEach(c -> {
            if (!List.of("name", "description", "status", "visibility").contains(c)) {
                throw new IllegalArgumentException("Not an updatable project column: " + c);
            }
            sets.add(c + " = :" + c);
        });
        var update = h.createUpdate("UPDATE projects SET " + String.join(", ", sets) + ", updated_at = :now WHERE id = :id")
                .bind("id", id).bind("now", Instant.now());
        columns.forEach(update::bind);
        uniqueName(String.valueOf(columns.get("name")), update::execute);
    }

    /**
     * Runs a write that may clash on the case-insensitive unique name index: the check in
     * {@link #requireUniqueName} is enough on SQLite, but two PostgreSQL transactions can both pass it.
     */
    private static <T> T uniqueName(String name, java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (UnableToExecuteStatementException e) {
            if (Database.isUniqueViolation(e)) {
                throw new ConflictException("A project named '" + name + "' already exists", "project", "name");
            }
            throw e;
        }
    }

    public void delete(Handle h, long id) {
        h.createUpdate("DELETE FROM projects WHERE id = :id").bind("id", id).execute();
    }

    public Optional<ProjectRole> memberRole(Handle h, long projectId, long userId) {
        return h.createQuery("SELECT role FROM project_members WHERE project_id = :p AND user_id = :u")
                .bind("p", projectId).bind("u", userId).mapTo(String.class).findOne().flatMap(ProjectRole::fromWire);
    }

    public List<Member> members(Handle h, long projectId) {
        return h.createQuery("SELECT m.user_id, u.username, u.shortname, u.email, u.first_name, u.last_name, m.role,"
                        + " m.created_at, m.updated_at FROM project_members m JOIN users u ON u.id = m.user_id"
                        + " WHERE m.project_id = :p ORDER BY u.username")
                .bind("p", projectId)
                .map((rs, ctx) -> new Member(rs.getLong("user_id"), rs.getString("username"), rs.getString("shortname"),
                        rs.getString("email"), rs.getString("first_name"), rs.getString("last_name"), rs.getString("role"),
                        Rows.instant(rs, "created_at", ctx), Rows.instant(rs, "updated_at", ctx)))
                .list();
    }

    public void setMember(Handle h, long projectId, long userId, ProjectRole role) {
        Instant now = Instant.now();
        h.createUpdate("INSERT INTO project_members (project_id, user_id, role, created_at, updated_at)"
                        + " VALUES (:p, :u, :r, :now, :now)"
                        + " ON CONFLICT (project_id, user_id) DO UPDATE SET role = excluded.role, updated_at = excluded.updated_at")
                .bind("p", projectId).bind("u", userId).bind("r", role.wireName()).bind("now", now).execute();
    }

    public boolean removeMember(Handle h, long projectId, long userId) {
        return h.createUpdate("DELETE FROM project_members WHERE project_id = :p AND user_id = :u")
                .bind("p", projectId).bind("u", userId).execute() > 0;
    }

    public long countOwners(Handle h, long projectId) {
        return h.createQuery("SELECT count(*) FROM project_members WHERE project_id = :p AND role = 'owner'")
                .bind("p", projectId).mapTo(Long.class).one();
    }

    private static void requireUniqueName(Handle h, String name, long exceptId) {
        boolean taken = h.createQuery("SELECT count(*) FROM projects WHERE lower(name) = lower(:n) AND id <> :id")
                .bind("n", name).bind("id", exceptId).mapTo(Integer.class).one() > 0;
        if (taken) {
            throw new ConflictException("A project named '" + name + "' already exists", "project", "name");
        }
    }

    private static Project map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Project(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getString("status"),
                rs.getString("visibility"), Rows.nullableLong(rs, "created_by"), rs.getLong("experiment_count"),
                rs.getLong("member_count"), rs.getString("my_role"), Rows.instant(rs, "created_at", ctx),
                Rows.instant(rs, "updated_at", ctx));
    }
}
