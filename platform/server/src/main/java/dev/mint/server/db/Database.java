package dev.mint.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.mint.sdk.migrations.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The platform's connection pool and {@link Jdbi}. On SQLite the file runs in WAL mode with foreign keys
 * on and write transactions that take the write lock up front (so concurrent writers wait rather than
 * fail); on PostgreSQL strings bind as untyped so JSON text lands in {@code jsonb} columns.
 * Timestamps are {@link Instant}s: {@code timestamptz} on PostgreSQL, fixed-width ISO-8601 UTC text on
 * SQLite (so text order is time order).
 */
public final class Database implements AutoCloseable {
    private static final DateTimeFormatter SQLITE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss").appendFraction(ChronoField.MILLI_OF_SECOND, 3, 3, true)
            .appendLiteral('Z').toFormatter().withZone(ZoneOffset.UTC);

    private final HikariDataSource dataSource;
    private final SqliteStatementCache statements;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final String jdbcUrl;

    private Database(HikariDataSource dataSource, Dialect dialect, String jdbcUrl) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbcUrl = jdbcUrl;
        this.statements = dialect == Dialect.SQLITE ? new SqliteStatementCache() : null;
        this.jdbi = Jdbi.create(dataSource);
        // Queries are assembled from optional filters; a bound value a fragment did not use is harmless.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        if (statements != null) {
            jdbi.setStatementBuilderFactory(statements);
        }
        jdbi.registerArgument(new InstantArgumentFactory(dialect));
        jdbi.registerColumnMapper(Instant.class, (rs, col, ctx) -> instant(rs, col));
    }

    /** Opens a pool on {@code jdbcUrl}; for SQLite, creates the file's directory. */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, "mint", null);
    }

    /**
     * A small pool on this PostgreSQL database whose connections resolve unqualified names in
     * {@code schema} first (then {@code public}); the schema must be a plain identifier. Close it yourself.
     */
    public Database openSchemaPool(String schema) {
        if (dialect != Dialect.POSTGRESQL || !schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("A schema pool needs PostgreSQL and a plain schema name, not " + schema);
        }
        return open(jdbcUrl, "mint-" + schema, schema);
    }

    private static Database open(String jdbcUrl, String poolName, String schema) {
        Dialect dialect = Dialect.fromJdbcUrl(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName(poolName);
        config.setInitializationFailTimeout(10_000);
        config.setConnectionTimeout(10_000);
        if (dialect == Dialect.SQLITE) {
            Path file = Path.of(jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", ""));
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot create the directory of " + file + ": " + e.getMessage(), e);
            }
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("busy_timeout", "15000");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.setMaximumPoolSize(32);
        } else {
            config.addDataSourceProperty("stringtype", "unspecified");
            config.addDataSourceProperty("ApplicationName", "mint");
            config.setMaximumPoolSize(schema == null ? 16 : 4);
            config.setMinimumIdle(schema == null ? 16 : 0);
            if (schema != null) {
                config.setConnectionInitSql("SET search_path TO " + schema + ", public");
            }
        }
        return new Database(new HikariDataSource(config), dialect, jdbcUrl);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The URL with any password removed, for logs. */
    public String displayUrl() {
        return redact(jdbcUrl);
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * The row {@code sql} selects for one {@code long} parameter, read over plain JDBC on a pooled
     * connection. For the hottest reads only: on a one-row lookup JDBI's per-handle and per-statement work
     * costs several times the query itself. Inside a transaction use {@link #queryById(Connection, String,
     * long, RowReader)} with the handle's connection.
     */
    public <T> Optional<T> queryById(String sql, long id, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection()) {
            return queryById(connection, sql, id, reader);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** As {@link #queryById(String, long, RowReader)}, on a given connection. */
    public <T> Optional<T> queryById(Connection connection, String sql, long id, RowReader<T> reader) {
        try {
            PreparedStatement statement = statements != null ? statements.borrow(connection, sql) : connection.prepareStatement(sql);
            try {
                statement.setLong(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
                }
            } finally {
                if (statements != null) {
                    statements.giveBack(connection, statement);
                } else {
                    statement.close();
                }
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** A timestamp column; JDBI's {@link Instant} mapper reads through this too. */
    public Instant instant(ResultSet row, int column) throws SQLException {
        return dialect == Dialect.SQLITE ? parseSqliteTime(row.getString(column))
                : toInstant(row.getObject(column, OffsetDateTime.class));
    }

    /** True when a trivial query answers within two seconds. */
    public boolean ping() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** True when {@code failure} was caused by a unique constraint (PostgreSQL 23505, SQLite UNIQUE). */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState())
                    || sql.getErrorCode() == 19 && String.valueOf(sql.getMessage()).contains("UNIQUE"))) {
                return true;
            }
        }
        return false;
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
    }

    private static Instant parseSqliteTime(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() == 24 && text.charAt(10) == 'T' && text.charAt(23) == 'Z') {
            // Our own fixed-width form, read field by field: this runs for every timestamp of every row.
            return LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), digits(text, 11, 13),
                    digits(text, 14, 16), digits(text, 17, 19), digits(text, 20, 23) * 1_000_000).toInstant(ZoneOffset.UTC);
        }
        // CURRENT_TIMESTAMP writes "YYYY-MM-DD HH:MM:SS".
        return Instant.parse(text.indexOf('T') < 0 ? text.replace(' ', 'T') + "Z" : text);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static Instant toInstant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
        private final Dialect dialect;

        InstantArgumentFactory(Dialect dialect) {
            super(dialect == Dialect.SQLITE ? Types.VARCHAR : Types.TIMESTAMP_WITH_TIMEZONE);
            this.dialect = dialect;
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            if (dialect == Dialect.SQLITE) {
                String text = SQLITE_TIME.format(value);
                return (position, statement, ctx) -> statement.setString(position, text);
            }
            OffsetDateTime time = value.atOffset(ZoneOffset.UTC);
            return (position, statement, ctx) -> statement.setObject(position, time);
        }
    }
}
