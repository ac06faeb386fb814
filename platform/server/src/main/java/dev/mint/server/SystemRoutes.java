package dev.mint.server;

import dev.mint.sdk.PluginHealth;
import dev.mint.server.audit.AuditLog;
import dev.mint.server.auth.Authenticator;
import dev.mint.server.auth.Permission;
import dev.mint.server.db.Database;
import dev.mint.server.http.Page;
import dev.mint.server.http.Params;
import dev.mint.server.plugins.PluginHost;
import dev.mint.server.plugins.PluginRegistry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Health, readiness, the public set-up configuration, and the audit log. */
final class SystemRoutes {
    private final Database database;
    private final AuditLog audit;
    private final Authenticator auth;
    private final ServerConfig config;
    private final PluginRegistry plugins;
    private final PluginHost host;
    private final String bootId = UUID.randomUUID().toString();

    SystemRoutes(Database database, AuditLog audit, Authenticator auth, ServerConfig config, PluginRegistry plugins,
                 PluginHost host) {
        this.database = database;
        this.audit = audit;
        this.auth = auth;
        this.config = config;
        this.plugins = plugins;
        this.host = host;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/health", this::health);
        routes.get("/api/health/ready", this::ready);
        routes.get("/api/setup/config/public", this::publicConfig);
        routes.get("/api/admin/audit", this::audit);
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "healthy");
        body.put("version", Version.CURRENT);
        body.put("boot_id", bootId);
        body.put("database", database.dialect().wireName());
        Map<String, PluginHealth> health = host.health();
        body.put("plugins", plugins.list().stream().map(p -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", p.name());
            entry.put("version", p.version());
            entry.put("status", p.status());
            if (health.containsKey(p.name())) {
                entry.put("health", health.get(p.name()).toMap());
            }
            return entry;
        }).toList());
        ctx.json(body);
    }

    private void ready(Context ctx) {
        boolean databaseUp = database.ping();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", databaseUp ? "ready" : "unavailable");
        body.put("checks", Map.of("database", databaseUp ? "ok" : "unreachable"));
        ctx.status(databaseUp ? 200 : 503).json(body);
    }

    private void publicConfig(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("auth_required", true);
        body.put("passkey_enabled", false);
        body.put("passkey_registered", false);
        body.put("registration_enabled", false);
        body.put("database_mode", database.dialect().wireName());
        body.put("access", Map.of("experiment_visibility_mode", config.experimentVisibility().wireName()));
        ctx.json(body);
    }

    private void audit(Context ctx) {
        auth.require(ctx, Permission.PLATFORM_CONFIGURE);
        AuditLog.Filter filter = new AuditLog.Filter(Params.string(ctx, "action"), Params.string(ctx, "entity_type"),
                Params.string(ctx, "entity_id"), Params.longParam(ctx, "actor_id"), Params.time(ctx, "since"),
                Params.time(ctx, "until"));
        int skip = Params.skip(ctx);
        int limit = Params.limit(ctx, 100);
        Page<AuditLog.Event> page = database.jdbi().withHandle(h -> audit.list(h, filter, skip, limit));
        ctx.json(page.envelope("events"));
    }
}
