package dev.mint.server.auth;

import static dev.mint.server.auth.Permission.PLATFORM_CONFIGURE;
import static dev.mint.server.auth.Permission.PLUGINS_INSTALL;
import static dev.mint.server.auth.Permission.USERS_MANAGE;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A platform role: a slug (lower-case on the wire) and the permissions it grants. The three built-in
 * roles follow the reference: admin has all 18, member all but user management, platform configuration
 * and plugin installation, viewer the four {@code *.view}.
 */
public record Role(long id, String slug, String name, String color, String description, Set<Permission> permissions,
                   String projectScope) {

    public static final String ADMIN = "admin";
    public static final String MEMBER = "member";
    public static final String VIEWER = "viewer";

    public Role {
        permissions = Set.copyOf(permissions);
    }

    public static List<Role> builtIn() {
        return List.of(
                new Role(0, ADMIN, "Admin", "#dc2626", "Full control of the platform", EnumSet.allOf(Permission.class), "all"),
                new Role(0, MEMBER, "Member", "#2563eb", "Creates and edits projects and experiments",
                        EnumSet.complementOf(EnumSet.of(USERS_MANAGE, PLATFORM_CONFIGURE, PLUGINS_INSTALL)), "all"),
                new Role(0, VIEWER, "Viewer", "#6b7280", "Reads projects, experiments, plugins and users",
                        EnumSet.of(Permission.PROJECTS_VIEW, Permission.EXPERIMENTS_VIEW, Permission.PLUGINS_VIEW,
                                Permission.USERS_VIEW), "all"));
    }

    public boolean isAdmin() {
        return ADMIN.equals(slug);
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    /** Sorted wire names, as stored in {@code roles.permissions} and sent in {@code role_obj}. */
    public List<String> permissionNames() {
        return permissions.stream().map(Permission::wireName).sorted().collect(Collectors.toList());
    }

    public String permissionsJson() {
        return permissionNames().stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    public static String normalize(String slug) {
        return slug.trim().toLowerCase(Locale.ROOT);
    }
}
