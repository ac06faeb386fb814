package dev.mint.tinker;

import java.util.List;

/**
 * Who is asking: a platform user and the platform projects they are a member of (Tinker project ids are
 * platform project ids, in decimal).
 */
record Caller(long userId, String username, List<String> projectIds) {
    Caller {
        projectIds = List.copyOf(projectIds);
    }

    boolean inProject(String projectId) {
        return projectId != null && projectIds.contains(projectId);
    }
}
