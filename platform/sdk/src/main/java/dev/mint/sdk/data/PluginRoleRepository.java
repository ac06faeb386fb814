package dev.mint.sdk.data;

import java.util.List;
import java.util.Optional;

/** Per-plugin user roles: free strings each plugin defines (such as {@code viewer}, {@code editor}). */
public interface PluginRoleRepository {

    Optional<String> getRole(String pluginId, long userId);

    /** Inserts or replaces the user's role in the plugin. */
    UserPluginRole setRole(String pluginId, long userId, String role);

    boolean removeRole(String pluginId, long userId);

    List<UserPluginRole> listPluginRoles(String pluginId);

    List<UserPluginRole> listUserRoles(long userId);
}
