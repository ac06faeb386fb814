package dev.mint.server.projects;

import dev.mint.server.ServerConfig.VisibilityMode;
import dev.mint.server.auth.Permission;
import dev.mint.server.auth.Principal;
import java.util.Optional;

/**
 * Who may see and do what with projects and their experiments. Admins may do everything. Otherwise a
 * project is visible to its members, and, when it is {@code open} and the platform's visibility mode is
 * {@code open}, to everyone whose role has {@code projects.view}; a {@code restricted} project is for its
 * members only. On a visible project the effective rights are the union of the platform role's
 * permissions and the project role's (the reference's "max of system and project role"). An experiment
 * outside any project is visible to its creator and, in open mode, to everyone with {@code experiments.view}.
 *
 * <p>The SQL fragments mirror the Java checks so lists and single reads agree; they bind {@code :me}.
 */
public final class Access {
    public static final String OPEN = "open";
    public static final String RESTRICTED = "restricted";

    private final VisibilityMode mode;

    public Access(VisibilityMode mode) {
        this.mode = mode;
    }

    public VisibilityMode mode() {
        return mode;
    }

    public boolean canSeeProject(Principal p, String visibility, Optional<ProjectRole> member) {
        return p.isAdmin() || member.isPresent() || (openToAll(visibility) && p.has(Permission.PROJECTS_VIEW));
    }

    public boolean canOnProject(Principal p, String visibility, Optional<ProjectRole> member, Permission permission) {
        return p.isAdmin() || (canSeeProject(p, visibility, member)
                && (p.has(permission) || member.map(r -> r.grants(permission)).orElse(false)));
    }

    /** {@code projectId} null means the experiment belongs to no project. */
    public boolean canSeeExperiment(Principal p, Long projectId, String visibility, Long createdBy,
                                    Optional<ProjectRole> member) {
        if (p.isAdmin()) {
            return true;
        }
        if (projectId == null) {
            return Long.valueOf(p.userId()).equals(createdBy) || (mode == VisibilityMode.OPEN && p.has(Permission.EXPERIMENTS_VIEW));
        }
        return member.isPresent()
                || (openToAll(visibility) && p.has(Permission.PROJECTS_VIEW) && p.has(Permission.EXPERIMENTS_VIEW));
    }

    public boolean canOnExperiment(Principal p, Long projectId, String visibility, Long createdBy,
                                   Optional<ProjectRole> member, Permission permission) {
        return p.isAdmin() || (canSeeExperiment(p, projectId, visibility, createdBy, member)
                && (p.has(permission) || member.map(r -> r.grants(permission)).orElse(false)));
    }

    /** A condition over projects aliased {@code p}: the ones {@code p} may see. */
    public String visibleProjectsSql(Principal principal) {
        if (principal.isAdmin()) {
            return "1 = 1";
        }
        String member = "EXISTS (SELECT 1 FROM project_members pm WHERE pm.project_id = p.id AND pm.user_id = :me)";
        return mode == VisibilityMode.OPEN && principal.has(Permission.PROJECTS_VIEW)
                ? "(" + member + " OR p.visibility = '" + OPEN + "')" : member;
    }

    /** A condition over experiments {@code e} left-joined to their project {@code p}. */
    public String visibleExperimentsSql(Principal principal) {
        if (principal.isAdmin()) {
            return "1 = 1";
        }
        boolean open = mode == VisibilityMode.OPEN && principal.has(Permission.EXPERIMENTS_VIEW);
        String unprojected = open ? "e.project_id IS NULL" : "(e.project_id IS NULL AND e.created_by = :me)";
        String member = "EXISTS (SELECT 1 FROM project_members pm WHERE pm.project_id = e.project_id AND pm.user_id = :me)";
        String projected = open && principal.has(Permission.PROJECTS_VIEW)
                ? "(" + member + " OR p.visibility = '" + OPEN + "')" : member;
        return "(" + unprojected + " OR (e.project_id IS NOT NULL AND " + projected + "))";
    }

    private boolean openToAll(String visibility) {
        return mode == VisibilityMode.OPEN && OPEN.equals(visibility);
    }
}
