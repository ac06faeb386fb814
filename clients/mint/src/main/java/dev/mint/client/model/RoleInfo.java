package dev.mint.client.model;

import java.util.List;
import java.util.Optional;

/**
 * A platform role as the server describes it ({@code role_obj}). {@code pluginAccess} is {@code "all"},
 * a list of plugin names, or empty.
 */
public record RoleInfo(long id, String slug, String name, Optional<String> color, List<String> permissions,
                       Optional<String> projectScope, Optional<Object> pluginAccess) {
    public RoleInfo {
        permissions = Models.list(permissions);
    }
}
