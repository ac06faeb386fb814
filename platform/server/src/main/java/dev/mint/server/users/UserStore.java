package dev.mint.server.users;

import dev.mint.sdk.ConflictException;
import dev.mint.sdk.NotFoundException;
import dev.mint.server.db.Database;
import dev.mint.server.db.Like;
import dev.mint.server.db.Rows;
import dev.mint.server.http.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** SQL for users and their API tokens. Methods take the caller's handle so writes join its transaction. */
public final class UserStore {
    private static final User.Mapper MAPPER = new User.Mapper();

    /** A user row with its password hash, for login only. */
    public record Credentials(User user, String passwordHash) {
    }

    /** An API token's listing form; the token itself is never stored. */
    public record Token(long id, long userId, String username, String name, String tokenPrefix, Long createdBy,
                        Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
    }

    public Optional<User> find(Handle h, long id) {
        return h.createQuery("SELECT " + User.COLUMNS + " FROM users u WHERE u.id = :id").bind("id", id).map(MAPPER).findOne();
    }

    public User get(Handle h, long id) {
        return find(h, id).orElseThrow(() -> new NotFoundException("User " + id + " not found", "user", id));
    }

    public Optional<Credentials> credentials(Handle h, String username) {
        return h.createQuery("SELECT " + User.COLUMNS + ", u.password_hash FROM users u WHERE u.username = :u")
                .bind("u", username)
                .map((rs, ctx) -> new Credentials(MAPPER.map(rs, ctx), rs.getString("password_hash"))).findOne();
    }

    public Optional<String> passwordHash(Handle h, long id) {
        return h.createQuery("SELECT password_hash FROM users WHERE id = :id").bind("id", id).mapTo(String.class).findOne();
    }

    public boolean usernameTaken(Handle h, String username) {
        return h.createQuery("SELECT count(*) FROM users WHERE lower(username) = lower(:u)").bind("u", username)
                .mapTo(Integer.class).one() > 0;
    }

    public long countUsers(Handle h) {
        return h.createQuery("SELECT count(*) FROM users").mapTo(Long.class).one();
    }

    /**
     * The number of active admins, counted under a lock that every caller takes: the admin role's row.
     * Without it two PostgreSQL transactions demoting the last two admins would each count two and both
     * commit; with it the second waits and counts again.
     */
    public long countActiveAdminsLocked(Handle h) {
        h.createUpdate("UPDATE roles SET updated_at = updated_at WHERE slug = 'admin'").execute();
        return h.createQuery("SELECT count(*) FROM users WHERE role = 'admin' AND is_active = :t").bind("t", true)
                .mapTo(Long.class).one();
    }

    /** Inserts a user; {@code passwordHash} is null for service accounts. */
    public User create(Handle h, String username, String passwordHash, String role, Map<String, Object> profile,
                       boolean serviceAccount) {
        if (usernameTaken(h, username)) {
            throw new ConflictException("Username '" + username + "' is taken", "user", "username");
        }
        Instant now = Instant.now();
        long id;
        try {
            id = h.createQuery("INSERT INTO users (username, password_hash, email, shortname, first_name, last_name, role,"
                            + " is_active, is_service_account, description, created_at, updated_at) VALUES (:username, :hash,"
                            + " :email, :shortname, :first_name, :last_name, :role, :active, :service, :description, :now, :now)"
                            + " RETURNING id")
                    .bind("username", username).bind("hash", passwordHash).bind("role", role).bind("active", true)
                    .bind("service", serviceAccount).bind("now", now)
                    .bind("email", (String) profile.get("email")).bind("shortname", (String) profile.get("shortname"))
                    .bind("first_name", (String) profile.get("first_name")).bind("last_name", (String) profile.get("last_name"))
                    .bind("description", (String) profile.get("description"))
                    .mapTo(Long.class).one();
        } catch (UnableToExecuteStatementException e) {
            // A concurrent request inserted the same name between the check above and this insert (PostgreSQL
            // does not serialize the two transactions as SQLite's write lock does).
            if (Database.isUniqueViolation(e)) {
                throw new ConflictException("Username '" + username + "' is taken", "user", "username");
            }
            throw e;
        }
        return get(h, id);
    }

    /**
     * Sets the given columns (keys among email, shortname, first_name, last_name, description, role,
     * is_active, password_hash); values may be null to clear.
     */
    public User update(Handle h, long id, Map<String, Object> columns) {
        get(h, id);
        if (!columns.isEmpty()) {
            List<String> sets = new ArrayList<>();
            columns.keySet().forEach(c -> sets.add(checkColumn(c) + " = :" + c));
            var update = h.createUpdate("UPDATE users SET " + String.join(", ", sets) + ", updated_at = :now WHERE id = :id")
                    .bind("id", id).bind("now", Instant.now());
            columns.forEach(update::bind);
            update.execute();
        }
        return get(h, id);
    }

    public void touchLogin(Handle h, long id) {
        h.createUpdate("UPDATE users SET last_login_at = :now WHERE id = :id").bind("now", Instant.now()).bind("id", id).execute();
    }

    public Page<User> list(Handle h, Optional<String> search, Optional<String> role, Optional<Boolean> active, int skip,
                           int limit) {
        Map<String, Object> binds = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        search.ifPresent(s -> {
            where.add("(" + Like.matches("u.username", "q") + " OR " + Like.matches("coalesce(u.email, '')", "q")
                    + " OR " + Like.matches("coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')", "q") + ")");
            binds.put("q", Like.pattern(s));
        });
        role.ifPresent(r -> {
            where.add("u.role = :role");
            binds.put("role", r);
        });
        active.ifPresent(a -> {
            where.add("u.is_active = :active");
            binds.put("active", a);
        });
        String clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = bindAll(h.createQuery("SELECT count(*) FROM users u" + clause), binds).mapTo(Long.class).one();
        List<User> users = bindAll(h.createQuery("SELECT " + User.COLUMNS + " FROM users u" + clause
                + " ORDER BY u.username LIMIT :limit OFFSET :skip"), binds)
                .bind("limit", limit).bind("skip", skip).map(MAPPER).list();
        return new Page<>(users, total);
    }

    public Token createToken(Handle h, long userId, String name, String tokenHash, String prefix, Long createdBy,
                             Instant expiresAt) {
        long id = h.createQuery("INSERT INTO api_tokens (user_id, name, token_hash, token_prefix, created_by, expires_at,"
                        + " created_at) VALUES (:user, :name, :hash, :prefix, :by, :expires, :now) RETURNING id")
                .bind("user", userId).bind("name", name).bind("hash", tokenHash).bind("prefix", prefix)
                .bind("by", createdBy).bind("expires", expiresAt).bind("now", Instant.now()).mapTo(Long.class).one();
        return token(h, id).orElseThrow();
    }

    public Optional<Token> token(Handle h, long id) {
        return h.createQuery(TOKEN_SELECT + " WHERE t.id = :id").bind("id", id).map(UserStore::mapToken).findOne();
    }

    public List<Token> tokens(Handle h, Optional<Long> userId) {
        return h.createQuery(TOKEN_SELECT + (userId.isPresent() ? " WHERE t.user_id = :user" : "") + " ORDER BY t.id")
                .bind("user", userId.orElse(0L)).map(UserStore::mapToken).list();
    }

    public void revokeToken(Handle h, long id) {
        h.createUpdate("UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .bind("now", Instant.now()).bind("id", id).execute();
    }

    private static final String TOKEN_SELECT = "SELECT t.id, t.user_id, u.username, t.name, t.token_prefix, t.created_by,"
            + " t.created_at, t.expires_at, t.last_used_at, t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id";

    private static Token mapToken(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Token(rs.getLong("id"), rs.getLong("user_id"), rs.getString("username"), rs.getString("name"),
                rs.getString("token_prefix"), Rows.nullableLong(rs, "created_by"),
                Rows.instant(rs, "created_at", ctx), Rows.instant(rs, "expires_at", ctx),
                Rows.instant(rs, "last_used_at", ctx), Rows.instant(rs, "revoked_at", ctx));
    }

    static Query bindAll(Query query, Map<String, Object> binds) {
        binds.forEach(query::bind);
        return query;
    }

    private static String checkColumn(String column) {
        return switch (column) {
            case "email", "shortname", "first_name", "last_name", "description", "role", "is_active", "password_hash" -> column;
            default -> throw new IllegalArgumentException("Not an updatable user column: " + column);
        };
    }
}
