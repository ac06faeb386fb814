package dev.mint.server.plugins;

import dev.mint.server.audit.Actor;
import dev.mint.server.audit.AuditLog;
import dev.mint.server.auth.Authenticator;
import dev.mint.server.auth.Permission;
import dev.mint.server.auth.Principal;
import dev.mint.server.http.ApiException;
import dev.mint.server.http.JsonBody;
import dev.mint.server.http.Page;
import dev.mint.server.http.Params;
import dev.mint.server.users.UserStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Administration of plugin roles (permission {@code users.manage}: granting roles is managing people, and members,
 * who may configure plugins, must not grant themselves a plugin's admin role):
 * {@code GET /api/admin/plugin-roles/{plugin}}, {@code PUT|DELETE /api/admin/plugin-roles/{plugin}/{user_id}}
 * and {@code GET /api/admin/users/{id}/plugin-roles}.
 */
public final class PluginRoleRoutes {
    private final Jdbi jdbi;
    private final PluginRegistry registry;
    private final PluginRoles roles;
    private final UserStore users;
    private final AuditLog audit;
    private final Authenticator auth;

    public PluginRoleRoutes(Jdbi jdbi, PluginRegistry registry, UserStore users, AuditLog audit, Authenticator auth) {
        this.jdbi = jdbi;
        this.registry = registry;
        this.roles = new PluginRoles(jdbi);
        this.users = users;
        this.audit = audit;
        this.auth = auth;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/admin/plugin-roles/{plugin}", this::list);
        routes.put("/api/admin/plugin-roles/{plugin}/{user_id}", this::set);
        routes.delete("/api/admin/plugin-roles/{plugin}/{user_id}", this::remove);
        routes.get("/api/admin/users/{id}/plugin-roles", this::ofUser);
    }

    private void list(Context ctx) {
        auth.require(ctx, Permission.USERS_MANAGE);
        ctx.json(Page.all(roles.listPluginRoles(plugin(ctx))).envelope("roles"));
    }

    private void set(Context ctx) {
        Principal principal = auth.require(ctx, Permission.USERS_MANAGE);
        String plugin = plugin(ctx);
        long userId = existingUser(Params.id(ctx, "user_id"));
        String role = JsonBody.of(ctx).requiredString("role", 100);
        if (!role.matches("[A-Za-z0-9._-]+")) {
            throw ApiException.invalid("role", "Field 'role' must be letters, digits, '.', '_' or '-'");
        }
        var saved = roles.setRole(plugin, userId, role);
        jdbi.useHandle(h -> audit.record(h, Actor.of(ctx, principal), "plugin_role.set", "plugin", plugin,
                Map.of("user_id", userId, "role", role)));
        ctx.json(saved);
    }

    private void remove(Context ctx) {
        Principal principal = auth.require(ctx, Permission.USERS_MANAGE);
        String plugin = plugin(ctx);
        long userId = Params.id(ctx, "user_id");
        if (roles.removeRole(plugin, userId)) {
            jdbi.useHandle(h -> audit.record(h, Actor.of(ctx, principal), "plugin_role.remove", "plugin", plugin,
                    Map.of("user_id", userId)));
        }
        ctx.status(204);
    }

    private void ofUser(Context ctx) {
        auth.require(ctx, Permission.USERS_MANAGE);
        ctx.json(Page.all(roles.listUserRoles(existingUser(Params.id(ctx, "id")))).envelope("roles"));
    }

    private String plugin(Context ctx) {
        return registry.require(ctx.pathParam("plugin")).name();
    }

    private long existingUser(long userId) {
        jdbi.useHandle(h -> users.get(h, userId));
        return userId;
    }
}
