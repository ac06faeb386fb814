package dev.mint.server.projects;

import java.time.Instant;

/**
 * A project as served: stored fields, counts, and the caller's own project role ({@code my_role}, null
 * when not a member).
 */
public record Project(long id, String name, String description, String status, String visibility, Long createdBy,
                      long experimentCount, long memberCount, String myRole, Instant createdAt, Instant updatedAt) {

    public static final java.util.List<String> STATUSES = java.util.List.of("active", "archived", "completed");
    public static final java.util.List<String> VISIBILITIES = java.util.List.of(Access.OPEN, Access.RESTRICTED);

    public java.util.Optional<ProjectRole> memberRole() {
        return ProjectRole.fromWire(myRole);
    }
}
