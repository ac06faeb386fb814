package dev.mint.server.auth;

import java.util.Arrays;
import java.util.Optional;

/** The 18 platform permissions. Wire names are dotted, e.g. {@code experiments.edit}. */
public enum Permission {
    PROJECTS_VIEW("projects.view"),
    PROJECTS_CREATE("projects.create"),
    PROJECTS_EDIT("projects.edit"),
    PROJECTS_DELETE("projects.delete"),
    PROJECTS_MANAGE_MEMBERS("projects.manage_members"),
    EXPERIMENTS_VIEW("experiments.view"),
    EXPERIMENTS_CREATE("experiments.create"),
    EXPERIMENTS_EDIT("experiments.edit"),
    EXPERIMENTS_DELETE("experiments.delete"),
    PLUGINS_VIEW("plugins.view"),
    PLUGINS_USE("plugins.use"),
    PLUGINS_CONFIGURE("plugins.configure"),
    PLUGINS_INSTALL("plugins.install"),
    USERS_VIEW("users.view"),
    USERS_INVITE("users.invite"),
    USERS_MANAGE("users.manage"),
    PLATFORM_CONFIGURE("platform.configure"),
    PLATFORM_VIEW_LOGS("platform.view_logs");

    private final String wireName;

    Permission(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Permission> fromWire(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }
}
