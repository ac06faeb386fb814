package dev.mint.server.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mint.server.audit.Actor;
import dev.mint.server.audit.AuditLog;
import dev.mint.server.auth.Authenticator;
import dev.mint.server.auth.Permission;
import dev.mint.server.auth.Principal;
import dev.mint.server.db.Database;
import dev.mint.server.http.ApiException;
import dev.mint.server.http.JsonBody;
import dev.mint.server.http.Page;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /api/plugins} and each plugin's stored configuration:
 * {@code GET|PATCH|PUT /api/plugins/{name}/config}. Writes honour {@code If-Match} with the revision
 * (stale: 409 with {@code current_revision}); PATCH merges top-level keys (null removes one), PUT replaces.
 */
public final class PluginRoutes {
    private static final Pattern IF_MATCH = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private final Jdbi jdbi;
    private final PluginRegistry registry;
    private final PluginConfigStore configs;
    private final AuditLog audit;
    private final Authenticator auth;

    public PluginRoutes(Database database, PluginRegistry registry, AuditLog audit, Authenticator auth) {
        this.jdbi = database.jdbi();
        this.configs = new PluginConfigStore(database.dialect());
        this.registry = registry;
        this.audit = audit;
        this.auth = auth;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/plugins", this::list);
        routes.get("/api/plugins/{name}/config", this::getConfig);
        routes.patch("/api/plugins/{name}/config", ctx -> write(ctx, false));
        routes.put("/api/plugins/{name}/config", ctx -> write(ctx, true));
    }

    private void list(Context ctx) {
        auth.require(ctx, Permission.PLUGINS_VIEW);
        ctx.json(Page.all(registry.list()).envelope("plugins"));
    }

    private void getConfig(Context ctx) {
        auth.require(ctx, Permission.PLUGINS_CONFIGURE);
        String name = installed(ctx);
        PluginConfigStore.Stored stored = jdbi.withHandle(h -> configs.read(h, name));
        answer(ctx, name, stored.config(), stored.revision());
    }

    private void write(Context ctx, boolean replace) {
        Principal principal = auth.require(ctx, Permission.PLUGINS_CONFIGURE);
        String name = installed(ctx);
        OptionalLong expected = ifMatch(ctx);
        ObjectNode body = JsonBody.of(ctx).requiredObject("config");
        Map.Entry<ObjectNode, Long> written = jdbi.inTransaction(h -> {
            PluginConfigStore.Stored current = configs.lockForWrite(h, name);
            if (expected.isPresent() && expected.getAsLong() != current.revision()) {
                throw new ApiException(409, "CONFLICT", "The configuration of plugin '" + name
                        + "' changed since revision " + expected.getAsLong() + "; read it again",
                        Map.of("current_revision", String.valueOf(current.revision())), Map.of());
            }
            ObjectNode next = replace ? body.deepCopy() : merged(current.config(), body);
            long revision = configs.write(h, name, current, next, principal.userId());
            audit.record(h, Actor.of(ctx, principal), replace ? "plugin.config.replace" : "plugin.config.update",
                    "plugin", name, Map.of("keys", changedKeys(current.config(), next), "revision", String.valueOf(revision)));
            return Map.entry(next, revision);
        });
        answer(ctx, name, written.getKey(), written.getValue());
    }

    private String installed(Context ctx) {
        return registry.require(ctx.pathParam("name")).name();
    }

    /** {@code "3"}, {@code 3} or {@code W/"3"}; {@code *} (any revision) reads as absent. */
    private static OptionalLong ifMatch(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return OptionalLong.empty();
        }
        Matcher matcher = IF_MATCH.matcher(header.strip());
        if (!matcher.matches()) {
            throw ApiException.badRequest("BAD_REQUEST", "If-Match must be a config revision such as \"3\", got " + header);
        }
        return OptionalLong.of(Long.parseLong(matcher.group(1)));
    }

    private static ObjectNode merged(ObjectNode current, ObjectNode changes) {
        ObjectNode next = current.deepCopy();
        changes.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                next.remove(field.getKey());
            } else {
                next.set(field.getKey(), field.getValue());
            }
        });
        return next;
    }

    /** Keys added, removed or changed; values stay out of the audit log (they may be secrets). */
    private static List<String> changedKeys(ObjectNode before, ObjectNode after) {
        List<String> keys = new ArrayList<>();
        after.fields().forEachRemaining(f -> {
            if (!Objects.equals(before.get(f.getKey()), f.getValue())) {
                keys.add(f.getKey());
            }
        });
        for (Iterator<String> names = before.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!after.has(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static void answer(Context ctx, String name, JsonNode config, long revision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("plugin_name", name);
        body.put("config", config);
        body.put("revision", String.valueOf(revision));
        ctx.header("ETag", "\"" + revision + "\"").json(body);
    }
}
