package dev.mint.server.plugins;

import dev.mint.server.audit.Actor;
import dev.mint.server.audit.AuditLog;
import dev.mint.server.auth.Authenticator;
import dev.mint.server.auth.Permission;
import dev.mint.server.auth.Principal;
import dev.mint.server.http.ApiException;
import dev.mint.server.http.Params;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Plugin installation, for holders of {@code plugins.install}:
 * {@code POST /api/plugins/upload[?force=true]} takes a {@code .mint} bundle as the raw request body and
 * answers 201 with {@code restart_required: true}; {@code DELETE /api/plugins/{name}[?data=keep|archive|purge]}
 * uninstalls a plugin that was installed from a bundle. Both are audited.
 */
public final class PluginInstallRoutes {
    private final PluginInstaller installer;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Authenticator auth;

    public PluginInstallRoutes(java.nio.file.Path pluginsDir, long maxBundleBytes, PluginRegistry registry, PluginHost host,
                               Jdbi jdbi, AuditLog audit, Authenticator auth) {
        this.installer = new PluginInstaller(pluginsDir, maxBundleBytes, registry, host, jdbi, java.time.Clock.systemUTC());
        this.jdbi = jdbi;
        this.audit = audit;
        this.auth = auth;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/plugins/upload", this::upload);
        routes.delete("/api/plugins/{name}", this::uninstall);
    }

    private void upload(Context ctx) throws java.io.IOException {
        Principal principal = auth.require(ctx, Permission.PLUGINS_INSTALL);
        String type = String.valueOf(ctx.contentType());
        if (type.startsWith("multipart/") || type.startsWith("application/json")) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "Send the .mint file itself as the body"
                    + " (Content-Type: application/octet-stream), not " + type);
        }
        boolean force = Params.bool(ctx, "force");
        PluginInstaller.Installed installed = installer.install(ctx.bodyInputStream(), force);
        jdbi.useHandle(h -> audit.record(h, Actor.of(ctx, principal), "plugin.install", "plugin",
                installed.metadata().name(), Map.of("version", installed.metadata().version(), "force", force)));
        ctx.status(201).json(PluginInstaller.describe(installed));
    }

    private void uninstall(Context ctx) {
        Principal principal = auth.require(ctx, Permission.PLUGINS_INSTALL);
        PluginInstaller.DataMode mode = PluginInstaller.DataMode.parse(ctx.queryParam("data"));
        PluginInstaller.Uninstalled uninstalled = installer.uninstall(ctx.pathParam("name"), mode);
        jdbi.useHandle(h -> audit.record(h, Actor.of(ctx, principal), "plugin.uninstall", "plugin",
                uninstalled.plugin().name(), Map.of("version", uninstalled.plugin().version(), "data", mode.wireName(),
                        "tables", uninstalled.tables())));
        ctx.json(PluginInstaller.describe(uninstalled));
    }
}
