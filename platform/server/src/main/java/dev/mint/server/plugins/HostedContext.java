package dev.mint.server.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mint.sdk.PermissionException;
import dev.mint.sdk.PlatformContext;
import dev.mint.sdk.PluginCapabilities;
import dev.mint.sdk.PluginDatabase;
import dev.mint.sdk.data.ExperimentRepository;
import dev.mint.sdk.data.PluginDataRepository;
import dev.mint.sdk.data.PluginRoleRepository;
import dev.mint.sdk.data.User;
import dev.mint.sdk.data.UserRepository;
import dev.mint.server.auth.Authenticator;
import dev.mint.server.http.Json;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@link PlatformContext} of one hosted plugin: the caller through the platform's authentication,
 * users and plugin roles from the platform database, settings in the plugin config store. Repositories
 * the plugin's capabilities do not declare are absent.
 */
final class HostedContext implements PlatformContext {
    private final String pluginName;
    private final PluginCapabilities capabilities;
    private final Jdbi jdbi;
    private final Authenticator auth;
    private final PlatformUsers users;
    private final PluginRoles roles;
    private final PlatformExperimentData experimentData;
    private final PlatformExperiments experiments;
    private final PluginConfigStore configs;
    private final Map<String, Object> config;
    private final PluginDatabase database;

    HostedContext(String pluginName, PluginCapabilities capabilities, Jdbi jdbi, Authenticator auth, PlatformUsers users,
                  PluginRoles roles, PlatformExperimentData experimentData, PlatformExperiments experiments,
                  PluginConfigStore configs, Map<String, Object> config, PluginDatabase database) {
        this.pluginName = pluginName;
        this.capabilities = capabilities;
        this.jdbi = jdbi;
        this.auth = auth;
        this.users = users;
        this.roles = roles;
        this.experimentData = experimentData;
        this.experiments = experiments;
        this.configs = configs;
        this.config = Map.copyOf(config);
        this.database = database;
    }

    @Override
    public Optional<User> currentUser(Context ctx) {
        if (Authenticator.bearer(ctx).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(requireUser(ctx));
    }

    @Override
    public User requireUser(Context ctx) {
        long userId = auth.authenticate(ctx).userId();
        return users.getById(userId).orElseThrow(() -> new PermissionException("User " + userId + " no longer exists"));
    }

    @Override
    public List<Long> projectIdsOf(long userId) {
        return users.projectIdsOf(userId);
    }

    @Override
    public Optional<UserRepository> userRepository() {
        return capabilities.requiresAuth() || capabilities.requiresExperiments() ? Optional.of(users) : Optional.empty();
    }

    @Override
    public Optional<ExperimentRepository> experimentRepository() {
        return capabilities.requiresExperiments() ? Optional.of(experiments) : Optional.empty();
    }

    @Override
    public Optional<PluginDataRepository> pluginDataRepository() {
        return capabilities.requiresDatabase() ? Optional.of(experimentData) : Optional.empty();
    }

    @Override
    public Optional<PluginRoleRepository> pluginRoleRepository() {
        return Optional.of(roles);
    }

    @Override
    public Handler requirePluginRole(String... allowed) {
        List<String> allowedRoles = List.of(allowed);
        return ctx -> {
            var principal = auth.authenticate(ctx);
            if (principal.isAdmin()) {
                return;
            }
            Optional<String> role = roles.getRole(pluginName, principal.userId());
            if (role.isEmpty() || !allowedRoles.contains(role.get())) {
                throw new PermissionException("This needs the " + String.join(" or ", allowedRoles) + " role in plugin "
                        + pluginName + (role.map(r -> "; yours is " + r).orElse("; you have none")),
                        "plugin_role:" + pluginName);
            }
        };
    }

    @Override
    public Map<String, Object> config() {
        return config;
    }

    @Override
    public Map<String, Object> storedSettings() {
        ObjectNode stored = jdbi.withHandle(h -> configs.read(h, pluginName)).config();
        return Json.toMap(stored);
    }

    @Override
    public String saveSettings(Map<String, Object> settings) {
        ObjectNode node = Json.MAPPER.valueToTree(settings);
        long revision = jdbi.inTransaction(h -> configs.write(h, pluginName, configs.lockForWrite(h, pluginName), node, null));
        return String.valueOf(revision);
    }

    @Override
    public Optional<PluginDatabase> sharedDatabase() {
        return Optional.ofNullable(database);
    }
}
