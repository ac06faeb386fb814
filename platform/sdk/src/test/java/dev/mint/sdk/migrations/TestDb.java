package dev.mint.sdk.migrations;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway database for one test, picked by the system property {@code mint.test.database}:
 * {@code sqlite} (default; a file in a temporary directory, foreign keys on) or {@code postgres} (a fresh
 * database on the server named by {@code MINT_TEST_POSTGRES_URL}, dropped on {@link #close()}). Each
 * {@link #openJdbi} is a separate connection pool, as a second process would have.
 */
public final class TestDb implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
    private final List<HikariDataSource> pools = new ArrayList<>();
    private Dialect dialect;
    private String url;
    private Path directory;
    private Jdbi jdbi;

    private TestDb() {
    }

    private TestDb(Dialect dialect, String url, Path directory) {
        open(dialect, url, directory);
    }

    private void open(Dialect dialect, String url, Path directory) {
        this.dialect = dialect;
        this.url = url;
        this.directory = directory;
        this.jdbi = openJdbi(4);
    }

    /**
     * A fresh database for each test of a class, opened before its {@code @BeforeEach} methods and dropped
     * after the test: {@code @RegisterExtension final TestDb db = TestDb.perTest();}
     */
    public static TestDb perTest() {
        return new TestDb();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        adopt(create());
    }

    /** Drops this database and continues on a fresh SQLite one (for SQLite-only behaviour). */
    public void reopenAsSqlite() {
        close();
        adopt(sqlite());
    }

    /** Takes over {@code fresh}'s database, leaving its pools closed. */
    private void adopt(TestDb fresh) {
        fresh.closePools();
        open(fresh.dialect, fresh.url, fresh.directory);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("mint.test.database", "sqlite"));
    }

    /** A fresh database of the kind this test run targets. */
    public static TestDb create() {
        return postgres() ? createPostgres() : sqlite();
    }

    /** A fresh SQLite database, whatever the run targets (for SQLite-only mechanisms). */
    public static TestDb sqlite() {
        try {
            Path directory = Files.createTempDirectory("mint-sdk-test");
            return new TestDb(Dialect.SQLITE, "jdbc:sqlite:" + directory.resolve("test.db") + "?foreign_keys=true", directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestDb createPostgres() {
        String admin = System.getenv("MINT_TEST_POSTGRES_URL");
        if (admin == null || admin.isBlank()) {
            throw new IllegalStateException("mint.test.database=postgres needs MINT_TEST_POSTGRES_URL"
                    + " (run: export MINT_TEST_POSTGRES_URL=$(.ci/test-postgres))");
        }
        String name = "mint_sdk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(admin, "CREATE DATABASE " + name);
        String url = admin.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
        // As the platform's pool does: let text parameters reach JSONB/TIMESTAMPTZ columns.
        return new TestDb(Dialect.POSTGRESQL, url + (url.contains("?") ? "&" : "?") + "stringtype=unspecified", null);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** A new, independent connection pool on this database. */
    public Jdbi openJdbi(int maxConnections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(30_000);
        HikariDataSource pool = new HikariDataSource(config);
        synchronized (pools) {
            pools.add(pool);
        }
        return Jdbi.create(pool);
    }

    public MigrationRunner runner(String pluginName) {
        return new MigrationRunner(jdbi, pluginName, dialect);
    }

    /** The migration tracking table of this dialect. */
    public String trackingTable() {
        return dialect == Dialect.SQLITE ? "_plugin_migrations" : "plugin_schema_migrations";
    }

    public boolean tableExists(String table) {
        String sql = dialect == Dialect.SQLITE
                ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :t"
                : "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = :t";
        return jdbi.withHandle(h -> h.createQuery(sql).bind("t", table).mapTo(Integer.class).one()) > 0;
    }

    public boolean indexExists(String index) {
        String sql = dialect == Dialect.SQLITE
                ? "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = :i"
                : "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = :i";
        return jdbi.withHandle(h -> h.createQuery(sql).bind("i", index).mapTo(Integer.class).one()) > 0;
    }

    /** Column names of {@code table} in table order, lower case. */
    public List<String> columns(String table) {
        String sql = dialect == Dialect.SQLITE
                ? "SELECT name FROM pragma_table_info(:t) ORDER BY cid"
                : "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND table_name = :t ORDER BY ordinal_position";
        return jdbi.withHandle(h -> h.createQuery(sql).bind("t", table).mapTo(String.class)
                .map(c -> c.toLowerCase(Locale.ROOT)).list());
    }

    /** The declared type of a column: SQLite's declared type, or PostgreSQL's {@code data_type}, lower case. */
    public String columnType(String table, String column) {
        String sql = dialect == Dialect.SQLITE
                ? "SELECT type FROM pragma_table_info(:t) WHERE name = :c"
                : "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND table_name = :t AND column_name = :c";
        return jdbi.withHandle(h -> h.createQuery(sql).bind("t", table).bind("c", column).mapTo(String.class).one())
                .toLowerCase(Locale.ROOT);
    }

    /** The first column of every row of {@code sql}. */
    public <T> List<T> list(String sql, Class<T> type) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(type).list());
    }

    public long count(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    private void closePools() {
        synchronized (pools) {
            pools.forEach(HikariDataSource::close);
            pools.clear();
        }
    }

    @Override
    public void close() {
        closePools();
        if (dialect == Dialect.POSTGRESQL) {
            String name = url.replaceFirst("jdbc:postgresql://[^/]+/([^?]*).*", "$1");
            execute(System.getenv("MINT_TEST_POSTGRES_URL"), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } else {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused '" + sql + "': " + e.getMessage(), e);
        }
    }
}
