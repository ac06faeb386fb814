package dev.mint.server.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.MintServer;
import dev.mint.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real platform for tests: a {@link MintServer} on a free loopback port, with its own data directory
 * and a fresh database (SQLite file or PostgreSQL database, see {@link TestDatabases}). Close it to stop
 * the server and remove its data.
 */
public final class TestPlatform implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    public static final String ADMIN_PASSWORD = "admin-password-1";

    private final Consumer<ServerConfig.Builder> customize;
    private MintServer server;
    private Path dataDir;
    private String postgresUrl;
    private TestHttp http;
    private ServerConfig config;
    private String adminToken;

    private TestPlatform(Consumer<ServerConfig.Builder> customize) {
        this.customize = customize;
    }

    public static TestPlatform start() {
        return start(b -> { });
    }

    /** Starts with test defaults (generous login rate limit, known admin password) changed by {@code customize}. */
    public static TestPlatform start(Consumer<ServerConfig.Builder> customize) {
        TestPlatform platform = new TestPlatform(customize);
        platform.run();
        return platform;
    }

    /**
     * A platform for a whole test class, started before its {@code @BeforeAll} methods and closed after
     * the class: {@code @RegisterExtension static final TestPlatform platform = TestPlatform.perClass();}
     */
    public static TestPlatform perClass() {
        return new TestPlatform(b -> { });
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        run();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void run() {
        try {
            dataDir = Files.createTempDirectory("mint-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgresUrl = TestDatabases.postgres() ? TestDatabases.createPostgresDatabase() : null;
        ServerConfig.Builder builder = ServerConfig.builder().host("127.0.0.1").port(0).dataDir(dataDir)
                .databaseUrl(postgresUrl).adminPassword(ADMIN_PASSWORD).loginAttemptsPerMinute(10_000);
        customize.accept(builder);
        config = builder.build();
        server = MintServer.start(config);
        http = new TestHttp(server.baseUrl());
        adminToken = null;
    }

    /** Stops the server and starts it again on the same data directory and database (on a new port). */
    public void restart() {
        server.close();
        server = MintServer.start(config);
        http = new TestHttp(server.baseUrl());
        adminToken = null;
    }

    public MintServer server() {
        return server;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public Path dataDir() {
        return dataDir;
    }

    public TestHttp http() {
        return http;
    }

    /** A session token of the built-in {@code admin}, logged in once. */
    public synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = login("admin", ADMIN_PASSWORD);
        }
        return adminToken;
    }

    public String login(String username, String password) {
        TestHttp.Response response = http.post("/api/auth/login", null, Map.of("username", username, "password", password));
        if (response.status() != 200) {
            throw new AssertionError("Login of " + username + " failed: " + response);
        }
        return response.json().get("access_token").asText();
    }

    /** Creates a user through the admin API and returns it as JSON. The password is {@code username + "-password"}. */
    public JsonNode createUser(String username, String role) {
        TestHttp.Response response = http.post("/api/admin/users", adminToken(),
                Map.of("username", username, "password", username + "-password", "role", role));
        if (response.status() != 201) {
            throw new AssertionError("Creating " + username + " failed: " + response);
        }
        return response.json();
    }

    /** Creates a user with {@code role} and returns a session token for it. */
    public String userToken(String username, String role) {
        createUser(username, role);
        return login(username, username + "-password");
    }

    @Override
    public void close() {
        server.close();
        if (postgresUrl != null) {
            TestDatabases.dropPostgresDatabase(postgresUrl);
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
