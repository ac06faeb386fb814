package dev.mint.server.users;

import dev.mint.server.auth.Role;
import java.time.Instant;
import java.util.List;

/** A user as the API shows it: the stored fields plus the resolved {@code role_obj}. */
public record UserView(long id, String username, String email, String shortname, String firstName, String lastName,
                       String role, RoleView roleObj, boolean isActive, boolean isServiceAccount, String description,
                       Instant lastLoginAt, Instant createdAt, Instant updatedAt) {

    /** The {@code role_obj} of the reference (RoleInfo). */
    public record RoleView(long id, String slug, String name, String color, String description, List<String> permissions,
                           String projectScope, String pluginAccess) {
        public static RoleView of(Role role) {
            return new RoleView(role.id(), role.slug(), role.name(), role.color(), role.description(),
                    role.permissionNames(), role.projectScope(), "all");
        }
    }

    public static UserView of(User user, Role role) {
        return new UserView(user.id(), user.username(), user.email(), user.shortname(), user.firstName(), user.lastName(),
                user.role(), RoleView.of(role), user.isActive(), user.isServiceAccount(), user.description(),
                user.lastLoginAt(), user.createdAt(), user.updatedAt());
    }
}
