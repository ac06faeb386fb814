package dev.mint.server.users;

import dev.mint.server.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A stored user (a person or a service account). The password hash never leaves {@link UserStore}. */
public record User(long id, String username, String email, String shortname, String firstName, String lastName,
                   String role, boolean isActive, boolean isServiceAccount, String description, Instant lastLoginAt,
                   Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = "u.id, u.username, u.email, u.shortname, u.first_name, u.last_name, u.role,"
            + " u.is_active, u.is_service_account, u.description, u.last_login_at, u.created_at, u.updated_at";

    static final class Mapper implements RowMapper<User> {
        @Override
        public User map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new User(rs.getLong("id"), rs.getString("username"), rs.getString("email"), rs.getString("shortname"),
                    rs.getString("first_name"), rs.getString("last_name"), rs.getString("role"), rs.getBoolean("is_active"),
                    rs.getBoolean("is_service_account"), rs.getString("description"),
                    Rows.instant(rs, "last_login_at", ctx), Rows.instant(rs, "created_at", ctx),
                    Rows.instant(rs, "updated_at", ctx));
        }
    }
}
