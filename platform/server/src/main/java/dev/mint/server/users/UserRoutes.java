package dev.mint.server.users;

import dev.mint.sdk.ConflictException;
import dev.mint.sdk.NotFoundException;
import dev.mint.server.audit.Actor;
import dev.mint.server.audit.AuditLog;
import dev.mint.server.auth.ApiTokens;
import dev.mint.server.auth.Authenticator;
import dev.mint.server.auth.PasswordHasher;
import dev.mint.server.auth.Permission;
import dev.mint.server.auth.Principal;
import dev.mint.server.auth.Role;
import dev.mint.server.auth.RoleStore;
import dev.mint.server.http.ApiException;
import dev.mint.server.http.JsonBody;
import dev.mint.server.http.Page;
import dev.mint.server.http.Params;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The caller's own profile ({@code /api/users/me}), the user directory ({@code /api/users}, roles), and
 * user administration under {@code /api/admin}: users, service accounts and their API tokens.
 */
public final class UserRoutes {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");
    private static final int MAX_TOKEN_DAYS = 3650;

    private final Jdbi jdbi;
    private final UserStore users;
    private final RoleStore roles;
    private final AuditLog audit;
    private final Authenticator auth;

    public UserRoutes(Jdbi jdbi, UserStore users, RoleStore roles, AuditLog audit, Authenticator auth) {
        this.jdbi = jdbi;
        this.users = users;
        this.roles = roles;
        this.audit = audit;
        this.auth = auth;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/users/me", this::me);
        routes.put("/api/users/me", this::updateMe);
        routes.patch("/api/users/me", this::updateMe);
        routes.get("/api/users", this::list);
        routes.get("/api/users/{id}", this::get);
        routes.get("/api/roles", this::listRoles);
        routes.get("/api/admin/users", this::list);
        routes.post("/api/admin/users", this::create);
        routes.get("/api/admin/users/{id}", this::get);
        routes.patch("/api/admin/users/{id}", this::update);
        routes.put("/api/admin/users/{id}/role", this::setRole);
        routes.post("/api/admin/service-accounts", this::createServiceAccount);
        routes.post("/api/admin/users/{id}/tokens", this::createToken);
        routes.post("/api/users/me/tokens", this::createOwnToken);
        routes.get("/api/admin/tokens", this::listTokens);
        routes.delete("/api/admin/tokens/{id}", this::revokeToken);
    }

    public UserView view(User user) {
        return UserView.of(user, roles.of(user.role()));
    }

    private void me(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        ctx.json(view(jdbi.withHandle(h -> users.get(h, principal.userId()))));
    }

    private void updateMe(Context ctx) {
        Principal principal = auth.authenticate(ctx);
        JsonBody body = JsonBody.of(ctx);
        Map<String, Object> columns = profileColumns(body);
        if (body.has("new_password")) {
            String next = body.requiredSecret("new_password", 1024);
            String current = body.has("current_password") ? body.requiredSecret("current_password", 1024) : "";
            String hash = jdbi.withHandle(h -> users.passwordHash(h, principal.userId())).orElse(null);
            if (hash == null) {
                throw ApiException.invalid("new_password", "This account has no password (a service account)");
            }
            if (!PasswordHasher.verify(current, hash)) {
                throw ApiException.invalid("current_password", "Current password is wrong");
            }
            columns.put("password_hash", checkedHash("new_password", next));
        }
        User user = jdbi.inTransaction(h -> {
            User updated = users.update(h, principal.userId(), columns);
            audit.record(h, Actor.of(ctx, principal), "user.update_self", "user", principal.userId(), changed(columns));
            return updated;
        });
        auth.forget(principal.userId());
        ctx.json(view(user));
    }

    private void list(Context ctx) {
        auth.require(ctx, Permission.USERS_VIEW);
        Optional<String> role = Params.choice(ctx, "role", roles.slugs());
        Optional<Boolean> active = Params.string(ctx, "is_active").map(v -> Params.bool(ctx, "is_active"));
        Page<User> page = jdbi.withHandle(h -> users.list(h, Params.string(ctx, "search"), role, active,
                Params.skip(ctx), Params.limit(ctx, 100)));
        ctx.json(page.map(this::view).envelope("users"));
    }

    private void get(Context ctx) {
        auth.require(ctx, Permission.USERS_VIEW);
        long id = Params.id(ctx, "id");
        ctx.json(view(jdbi.withHandle(h -> users.get(h, id))));
    }

    private void listRoles(Context ctx) {
        auth.authenticate(ctx);
        ctx.json(Map.of("roles", roles.all().stream().map(UserView.RoleView::of).toList()));
    }

    private void create(Context ctx) {
        Principal admin = auth.require(ctx, Permission.USERS_MANAGE);
        JsonBody body = JsonBody.of(ctx);
        String username = username(body);
        String hash = checkedHash("password", body.requiredSecret("password", 1024));
        String role = role(body, "role").orElse(Role.MEMBER);
        Map<String, Object> profile = profileColumns(body);
        User user = jdbi.inTransaction(h -> {
            User created = users.create(h, username, hash, role, profile, false);
            audit.record(h, Actor.of(ctx, admin), "user.create", "user", created.id(), Map.of("username", username, "role", role));
            return created;
        });
        ctx.status(201).json(view(user));
    }

    private void createServiceAccount(Context ctx) {
        Principal admin = auth.require(ctx, Permission.USERS_MANAGE);
        JsonBody body = JsonBody.of(ctx);
        String username = username(body);
        String role = role(body, "role").orElse(Role.MEMBER);
        Map<String, Object> profile = profileColumns(body);
        User user = jdbi.inTransaction(h -> {
            User created = users.create(h, username, null, role, profile, true);
            audit.record(h, Actor.of(ctx, admin), "service_account.create", "user", created.id(),
                    Map.of("username", username, "role", role));
            return created;
        });
        ctx.status(201).json(view(user));
    }

    private void update(Context ctx) {
        Principal admin = auth.require(ctx, Permission.USERS_MANAGE);
        long id = Params.id(ctx, "id");
        JsonBody body = JsonBody.of(ctx);
        Map<String, Object> columns = profileColumns(body);
        role(body, "role").ifPresent(r -> columns.put("role", r));
        body.optionalBoolean("is_active").ifPresent(a -> columns.put("is_active", a));
        if (body.has("password")) {
            columns.put("password_hash", checkedHash("password", body.requiredSecret("password", 1024)));
        }
        ctx.json(view(adminUpdate(ctx, admin, id, columns)));
    }

    private void setRole(Context ctx) {
        Principal admin = auth.require(ctx, Permission.USERS_MANAGE);
        long id = Params.id(ctx, "id");
        String role = role(JsonBody.of(ctx), "role")
                .orElseThrow(() -> ApiException.invalid("role", "Field 'role' is required"));
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("role", role);
        ctx.json(view(adminUpdate(ctx, admin, id, columns)));
    }

    /** Applies an admin's change and drops what authentication cached about the user, so it applies at once. */
    private User adminUpdate(Context ctx, Principal admin, long id, Map<String, Object> columns) {
        User user = jdbi.inTransaction(h -> applyAdminUpdate(h, ctx, admin, id, columns));
        auth.forget(id);
        return user;
    }

    private User applyAdminUpdate(Handle h, Context ctx, Principal admin, long id, Map<String, Object> columns) {
        User before = users.get(h, id);
        boolean losesAdmin = before.role().equals(Role.ADMIN) && before.isActive()
                && (Boolean.FALSE.equals(columns.get("is_active"))
                    || (columns.containsKey("role") && !Role.ADMIN.equals(columns.get("role"))));
        if (losesAdmin && users.countActiveAdminsLocked(h) <= 1) {
            throw new ConflictException("User '" + before.username() + "' is the last active admin", "user",
                    columns.containsKey("role") ? "role" : "is_active");
        }
        User after = users.update(h, id, columns);
        String action = Boolean.FALSE.equals(columns.get("is_active")) ? "user.disable"
                : columns.containsKey("role") && columns.size() == 1 ? "user.set_role" : "user.update";
        audit.record(h, Actor.of(ctx, admin), action, "user", id, changed(columns));
        return after;
    }

    private void createToken(Context ctx) {
        Principal admin = auth.require(ctx, Permission.USERS_MANAGE);
        issueToken(ctx, admin, Params.id(ctx, "id"));
    }

    /** Any signed-in user may make tokens for themselves (e.g. an {@code mbt_} key for the Minima clients). */
    private void createOwnToken(Context ctx) {
        Principal me = auth.authenticate(ctx);
        issueToken(ctx, me, me.userId());
    }

    private void issueToken(Context ctx, Principal admin, long userId) {
        JsonBody body = JsonBody.of(ctx);
        String kindName = body.optionalString("kind", 20).orElse("platform");
        ApiTokens.Kind kind = ApiTokens.Kind.fromWire(kindName);
        if (kind == null) {
            throw ApiException.invalid("kind", "Field 'kind' must be platform, minima or tinker");
        }
        String name = body.requiredString("name", 100);
        Optional<Long> days = body.optionalLong("expires_in_days");
        days.filter(d -> d < 1 || d > MAX_TOKEN_DAYS).ifPresent(d -> {
            throw ApiException.invalid("expires_in_days", "Field 'expires_in_days' must be from 1 to " + MAX_TOKEN_DAYS);
        });
        Instant expiresAt = days.map(d -> Instant.now().plus(d, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)).orElse(null);
        String token = ApiTokens.generate(kind);
        UserStore.Token created = jdbi.inTransaction(h -> {
            User owner = users.get(h, userId);
            if (!owner.isActive()) {
                throw new ConflictException("User '" + owner.username() + "' is disabled", "user", "is_active");
            }
            UserStore.Token t = users.createToken(h, userId, name, ApiTokens.hash(token), ApiTokens.displayPrefix(token),
                    admin.userId(), expiresAt);
            audit.record(h, Actor.of(ctx, admin), "token.create", "api_token", t.id(),
                    Map.of("user_id", userId, "name", name, "kind", kind.wireName()));
            return t;
        });
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("token", token);
        response.put("token_type", "bearer");
        response.putAll(tokenView(created));
        ctx.status(201).json(response);
    }

    private void listTokens(Context ctx) {
        auth.require(ctx, Permission.USERS_MANAGE);
        Optional<Long> userId = Params.longParam(ctx, "user_id");
        List<Map<String, Object>> tokens = jdbi.withHandle(h -> users.tokens(h, userId)).stream().map(UserRoutes::tokenView).toList();
        ctx.json(Page.all(tokens).envelope("tokens"));
    }

    private void revokeToken(Context ctx) {
        Principal admin = auth.require(ctx, Permission.USERS_MANAGE);
        long id = Params.id(ctx, "id");
        jdbi.useTransaction(h -> {
            UserStore.Token token = users.token(h, id)
                    .orElseThrow(() -> new NotFoundException("API token " + id + " not found", "api_token", id));
            if (token.revokedAt() == null) {
                users.revokeToken(h, id);
                audit.record(h, Actor.of(ctx, admin), "token.revoke", "api_token", id, Map.of("user_id", token.userId()));
            }
        });
        ctx.status(204);
    }

    private static Map<String, Object> tokenView(UserStore.Token t) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", t.id());
        view.put("user_id", t.userId());
        view.put("username", t.username());
        view.put("name", t.name());
        view.put("token_prefix", t.tokenPrefix());
        view.put("created_by", t.createdBy());
        view.put("created_at", t.createdAt());
        view.put("expires_at", t.expiresAt());
        view.put("last_used_at", t.lastUsedAt());
        view.put("revoked_at", t.revokedAt());
        view.put("active", t.revokedAt() == null && (t.expiresAt() == null || t.expiresAt().isAfter(Instant.now())));
        return view;
    }

    private static String username(JsonBody body) {
        String username = body.requiredString("username", 64);
        if (!USERNAME.matcher(username).matches()) {
            throw ApiException.invalid("username", "Username must be 2-64 letters, digits or . _ @ - and start with a"
                    + " letter or digit");
        }
        return username;
    }

    private Optional<String> role(JsonBody body, String field) {
        return body.optionalString(field, 50).map(Role::normalize).map(slug -> {
            if (roles.find(slug).isEmpty()) {
                throw ApiException.invalid(field, "Unknown role '" + slug + "'; roles are " + String.join(", ", roles.slugs()));
            }
            return slug;
        });
    }

    /** The optional profile fields present in the body; an explicit null clears one. */
    private static Map<String, Object> profileColumns(JsonBody body) {
        Map<String, Object> columns = new LinkedHashMap<>();
        Map<String, Integer> limits = Map.of("email", 254, "shortname", 16, "first_name", 100, "last_name", 100,
                "description", 500);
        limits.forEach((field, max) -> {
            if (body.has(field)) {
                columns.put(field, body.optionalString(field, max).orElse(null));
            }
        });
        Object email = columns.get("email");
        if (email instanceof String e && !e.matches("[^@\\s]+@[^@\\s]+")) {
            throw ApiException.invalid("email", "Field 'email' must be an e-mail address");
        }
        return columns;
    }

    private static String checkedHash(String field, String password) {
        String problem = PasswordHasher.problem(password);
        if (problem != null) {
            throw ApiException.invalid(field, problem);
        }
        return PasswordHasher.hash(password);
    }

    /** What an audit event says changed: the column names, never password hashes. */
    private static Map<String, Object> changed(Map<String, Object> columns) {
        Map<String, Object> details = new LinkedHashMap<>();
        columns.forEach((k, v) -> details.put(k, k.equals("password_hash") ? "(changed)" : v));
        return details;
    }
}
