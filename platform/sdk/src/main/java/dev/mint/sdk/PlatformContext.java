package dev.mint.sdk;

import dev.mint.sdk.data.ExperimentRepository;
import dev.mint.sdk.data.PluginDataRepository;
import dev.mint.sdk.data.PluginRoleRepository;
import dev.mint.sdk.data.User;
import dev.mint.sdk.data.UserRepository;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the platform gives a plugin: the caller of a request, repositories, plugin roles, configuration
 * and a database of the plugin's own. Handed to {@link AnalysisPlugin#initialize} once and valid until
 * {@link AnalysisPlugin#shutdown}; thread-safe. Repositories are present only when the plugin's
 * {@link PluginCapabilities} declare them.
 */
public interface PlatformContext {

    /** The authenticated user of this request, if any. */
    Optional<User> currentUser(Context ctx);

    /**
     * The authenticated user of this request.
     *
     * @throws io.javalin.http.UnauthorizedResponse (401) when the request carries no valid credentials
     */
    User requireUser(Context ctx);

    /** Whether this request carries valid credentials. */
    default boolean isAuthenticated(Context ctx) {
        return currentUser(ctx).isPresent();
    }

    /**
     * Ids of the platform projects {@code userId} is a member of (any project role), ascending; always
     * available, so a plugin can share what its users make with their projects.
     */
    List<Long> projectIdsOf(long userId);

    /** Present with {@code requiresAuth} or {@code requiresExperiments}; read-only. */
    Optional<UserRepository> userRepository();

    /** Present with {@code requiresExperiments}; read-only for {@link PluginType#ANALYSIS} plugins. */
    Optional<ExperimentRepository> experimentRepository();

    /** Present with {@code requiresDatabase}. */
    Optional<PluginDataRepository> pluginDataRepository();

    /** Always present when integrated: plugin roles of this platform. */
    Optional<PluginRoleRepository> pluginRoleRepository();

    /**
     * A guard for routes: passes when the caller's role in this plugin is one of {@code roles}, or the
     * caller is a platform admin; answers 401 without credentials and 403 otherwise. Use it as a
     * {@code before} handler or call it first in a handler.
     */
    Handler requirePluginRole(String... roles);

    /**
     * A read-only view of platform settings a plugin may rely on: {@code version}, {@code database} (the
     * database kind) and {@code data_dir} (the platform's data directory, absolute; a plugin keeps files
     * under a directory of its own name there).
     */
    Map<String, Object> config();

    /** The plugin's stored settings (from the platform's plugin config store), empty when none. */
    Map<String, Object> storedSettings();

    /** Replaces the plugin's stored settings; returns the new revision. */
    String saveSettings(Map<String, Object> settings);

    /** Present with {@code requiresSharedDatabase}: tables of the plugin's own in the platform database. */
    Optional<PluginDatabase> sharedDatabase();
}
