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
 * a simple read; PostgreSQL's driver caches statements on its own, so this is for SQLite only. JDBI
 * statements use it through {@link #createStatementBuilder}; the few hot reads that skip JDBI use
 * {@link #borrow} and {@link #giveBack}.
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
        return new Builder();
    }

    /** A prepared statement for {@code sql}; hand it back with {@link #giveBack}, do not close it. */
    PreparedStatement borrow(Connection connection, String sql) throws SQLException {
        Connection physical = physical(connection);
        Cache cache = caches.computeIfAbsent(physical, c -> new Cache());
        PreparedStatement statement = cache.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
            cache.put(sql, statement);
        } else if (cache.inUse.contains(statement)) {
            return connection.prepareStatement(sql);
        }
        cache.inUse.add(statement);
        return statement;
    }

    /** Returns a statement from {@link #borrow}: a cached one is kept for the next use, any other closed. */
    void giveBack(Connection connection, Statement statement) throws SQLException {
        Cache cache = caches.get(physical(connection));
        if (cache != null && statement instanceof PreparedStatement prepared && cache.inUse.remove(prepared)) {
            prepared.clearParameters();
            return;
        }
        statement.close();
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
                try {
                    eldest.getValue().close();
                } catch (SQLException ignored) {
                    // the connection is going away or the statement already closed
                }
                return true;
            }
            return false;
        }
    }

    private final class Builder implements StatementBuilder {
        private final DefaultStatementBuilder fallback = new DefaultStatementBuilder();

        @Override
        public Statement create(Connection conn, StatementContext ctx) throws SQLException {
            return fallback.create(conn, ctx);
        }

        @Override
        public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
            if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) {
                return fallback.create(conn, sql, ctx);
            }
            return borrow(conn, sql);
        }

        @Override
        public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
            return fallback.createCall(conn, sql, ctx);
        }

        @Override
        public void close(Connection conn, String sql, Statement statement) throws SQLException {
            giveBack(conn, statement);
        }
    }
}
