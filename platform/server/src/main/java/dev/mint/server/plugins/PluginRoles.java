package dev.mint.server.plugins;

import dev.mint.sdk.data.PluginRoleRepository;
import dev.mint.sdk.data.UserPluginRole;
import dev.mint.server.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Plugin roles in {@code plugin_roles}: one role per (plugin, user). Thread-safe. */
final class PluginRoles implements PluginRoleRepository {
    private static final String COLUMNS = "SELECT id, user_id, plugin_id, role, created_at, updated_at FROM plugin_roles";
    private static final RowMapper<UserPluginRole> ROW = (rs, ctx) -> new UserPluginRole(rs.getLong("id"),
            rs.getLong("user_id"), rs.getString("plugin_id"), rs.getString("role"), Rows.instant(rs, "created_at", ctx),
            Rows.instant(rs, "updated_at", ctx));

    private final Jdbi jdbi;

    PluginRoles(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<String> getRole(String pluginId, long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT role FROM plugin_roles WHERE plugin_id = ? AND user_id = ?")
                .bind(0, pluginId).bind(1, userId).mapTo(String.class).findOne());
    }

    @Override
    public UserPluginRole setRole(String pluginId, long userId, String role) {
        Objects.requireNonNull(role, "role == null");
        Instant now = Instant.now();
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO plugin_roles (plugin_id, user_id, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (plugin_id, user_id) DO UPDATE SET role = excluded.role, updated_at = excluded.updated_at")
                    .bind(0, pluginId).bind(1, userId).bind(2, role).bind(3, now).bind(4, now).execute();
            return h.createQuery(COLUMNS + " WHERE plugin_id = ? AND user_id = ?").bind(0, pluginId).bind(1, userId)
                    .map(ROW).one();
        });
    }

    @Override
    public boolean removeRole(String pluginId, long userId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM plugin_roles WHERE plugin_id = ? AND user_id = ?")
                .bind(0, pluginId).bind(1, userId).execute()) > 0;
    }

    @Override
    public List<UserPluginRole> listPluginRoles(String pluginId) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE plugin_id = ? ORDER BY user_id")
                .bind(0, pluginId).map(ROW).list());
    }

    @Override
    public List<UserPluginRole> listUserRoles(long userId) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE user_id = ? ORDER BY plugin_id")
                .bind(0, userId).map(ROW).list());
    }
}
