package dev.mint.server.projects;

import static dev.mint.server.auth.Permission.EXPERIMENTS_CREATE;
import static dev.mint.server.auth.Permission.EXPERIMENTS_DELETE;
import static dev.mint.server.auth.Permission.EXPERIMENTS_EDIT;
import static dev.mint.server.auth.Permission.EXPERIMENTS_VIEW;
import static dev.mint.server.auth.Permission.PROJECTS_DELETE;
import static dev.mint.server.auth.Permission.PROJECTS_EDIT;
import static dev.mint.server.auth.Permission.PROJECTS_MANAGE_MEMBERS;
import static dev.mint.server.auth.Permission.PROJECTS_VIEW;

import dev.mint.server.auth.Permission;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A member's role in one project and the permissions it grants there. */
public enum ProjectRole {
    OWNER(EnumSet.of(PROJECTS_VIEW, PROJECTS_EDIT, PROJECTS_DELETE, PROJECTS_MANAGE_MEMBERS, EXPERIMENTS_VIEW,
            EXPERIMENTS_CREATE, EXPERIMENTS_EDIT, EXPERIMENTS_DELETE)),
    EDITOR(EnumSet.of(PROJECTS_VIEW, EXPERIMENTS_VIEW, EXPERIMENTS_CREATE, EXPERIMENTS_EDIT, EXPERIMENTS_DELETE)),
    VIEWER(EnumSet.of(PROJECTS_VIEW, EXPERIMENTS_VIEW));

    public static final List<String> WIRE_NAMES = List.of("owner", "editor", "viewer");

    private final Set<Permission> grants;

    ProjectRole(Set<Permission> grants) {
        this.grants = grants;
    }

    public boolean grants(Permission permission) {
        return grants.contains(permission);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProjectRole> fromWire(String name) {
        return name == null ? Optional.empty() : Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
    }
}
