package dev.mint.tinker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SQL conditions saying what a caller may see, with their bind values. Runs are aliased {@code r},
 * their sessions {@code s}, checkpoints {@code c}.
 */
final class Visibility {
    private final StringBuilder sql = new StringBuilder();
    private final Map<String, Object> binds = new LinkedHashMap<>();

    private Visibility() {
    }

    /** Runs of the scope: owned; or also shared with one of the caller's projects, or with a published checkpoint. */
    static Visibility runs(Caller caller, AccessScope scope, String checkpoints) {
        Visibility v = new Visibility();
        v.sql.append("(r.owner_id = :vis_me");
        v.binds.put("vis_me", caller.userId());
        if (scope == AccessScope.ACCESSIBLE) {
            v.projects(caller, "s.project_id");
            v.sql.append(" OR EXISTS (SELECT 1 FROM ").append(checkpoints)
                    .append(" pc WHERE pc.training_run_id = r.id AND pc.is_public = :vis_true)");
            v.binds.put("vis_true", true);
        }
        v.sql.append(')');
        return v;
    }

    /** Sessions of the scope: owned, or (accessible) in one of the caller's projects. */
    static Visibility sessions(Caller caller, AccessScope scope) {
        Visibility v = new Visibility();
        v.sql.append("(s.owner_id = :vis_me");
        v.binds.put("vis_me", caller.userId());
        if (scope == AccessScope.ACCESSIBLE) {
            v.projects(caller, "s.project_id");
        }
        v.sql.append(')');
        return v;
    }

    /** Checkpoints the caller may read: of a run they own, shared with one of their projects, or published. */
    static Visibility readableCheckpoints(Caller caller) {
        Visibility v = new Visibility();
        v.sql.append("(r.owner_id = :vis_me");
        v.binds.put("vis_me", caller.userId());
        v.projects(caller, "s.project_id");
        v.sql.append(" OR c.is_public = :vis_true)");
        v.binds.put("vis_true", true);
        return v;
    }

    private void projects(Caller caller, String column) {
        if (caller.projectIds().isEmpty()) {
            return;
        }
        sql.append(" OR ").append(column).append(" IN (");
        for (int i = 0; i < caller.projectIds().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(":vis_p").append(i);
            binds.put("vis_p" + i, caller.projectIds().get(i));
        }
        sql.append(')');
    }

    String sql() {
        return sql.toString();
    }

    Map<String, Object> binds() {
        return binds;
    }
}
