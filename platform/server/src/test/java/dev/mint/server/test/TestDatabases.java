package dev.mint.server.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database a test run uses, picked by the system property {@code mint.test.database}: {@code sqlite}
 * (default; a file in a temporary directory) or {@code postgres} (a fresh database on the server named by
 * {@code MINT_TEST_POSTGRES_URL}, which {@code .ci/test-postgres} starts).
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("mint.test.database", "sqlite"));
    }

    /** The admin URL of the test PostgreSQL server; fails loudly when the suite asks for one and none is set. */
    public static String postgresAdminUrl() {
        String url = System.getenv("MINT_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("mint.test.database=postgres needs MINT_TEST_POSTGRES_URL"
                    + " (run: export MINT_TEST_POSTGRES_URL=$(.ci/test-postgres))");
        }
        return url;
    }

    /** Creates an empty PostgreSQL database and returns its JDBC URL. */
    public static String createPostgresDatabase() {
        String admin = postgresAdminUrl();
        String name = "mint_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(admin, "CREATE DATABASE " + name);
        return admin.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    public static void dropPostgresDatabase(String url) {
        String name = url.replaceFirst("jdbc:postgresql://[^/]+/([^?]*).*", "$1");
        execute(postgresAdminUrl(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused '" + sql + "': " + e.getMessage(), e);
        }
    }
}
