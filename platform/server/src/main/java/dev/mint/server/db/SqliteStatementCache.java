package dev.mint.server.db;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps prepared statements open per physical SQLite connection, keyed by SQL. SQLite compiles a
 * statement on every {@code prepareStatement} (tens of microseconds for a join), which would dominate
 * a simple read; PostgreSQL's driver caches server-side on its own, so this is for SQLite only.
 *
 * <p>A pool hands a physical connection to one thread at a time, so each per-connection cache is used
 * single-threaded. A statement still in use (the same SQL run again while its first result is open) is
 * not shared: the second use gets a fresh statement that is closed normally.
 */
final class SqliteStatementCache implements StatementBuilderFactory {
    private static final int PER_CONNECTION = 256;

    private final Map<Connection, Cache> caches = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public StatementBuilder createStatementBuilder(Connection connection) {
        return new Builder(physical(connection));
    }

    private Cache cacheFor(Connection physical) {
        return caches.computeIfAbsent(physical, c -> new Cache());
    }

    private static Connection physical(Connection connection) {
        try {
            return connection.isWrapperFor(org.sqlite.SQLiteConnection.class)
                    ? connection.unwrap(org.sqlite.SQLiteConnection.class) : connection;
        } catch (SQLException e) {
            return connection;
        }
    }

    /** Statements of one connection, least recently used evicted (and closed) past the limit. */
    private static final class Cache extends LinkedHashMap<String, PreparedStatement> {
        final Set<PreparedStatement> inUse = Collections.newSetFromMap(new IdentityHashMap<>());

        Cache() {
            super(64, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > PER_CONNECTION && !inUse.contains(eldest.getValue())) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    }

    private final class Builder implements StatementBuilder {
        private final Connection physical;
        private final DefaultStatementBuilder fallback = new DefaultStatementBuilder();

        Builder(Connection physical) {
            this.physical = physical;
        }

        @Override
        public Statement create(Connection conn, StatementContext ctx) throws SQLException {
            return fallback.create(conn, ctx);
        }

        @Override
        public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
            if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) {
                return fallback.create(conn, sql, ctx);
            }
            Cache cache = cacheFor(physical);
            PreparedStatement statement = cache.get(sql);
            if (statement == null || statement.isClosed()) {
                statement = physical.prepareStatement(sql);
                cache.put(sql, statement);
            } else if (cache.inUse.contains(statement)) {
                return conn.prepareStatement(sql);
            }
            cache.inUse.add(statement);
            return statement;
        }

        @Override
        public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
            return fallback.createCall(conn, sql, ctx);
        }

        @Override
        public void close(Connection conn, String sql, Statement statement) throws SQLException {
            Cache cache = cacheFor(physical);
            if (statement instanceof PreparedStatement prepared && cache.inUse.remove(prepared)) {
                prepared.clearParameters();
                return;
            }
            statement.close();
        }
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // the connection is going away or the statement already closed
        }
    }
}
