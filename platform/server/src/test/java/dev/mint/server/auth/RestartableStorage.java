package dev.mint.server.auth;

import dev.mint.server.ServerConfig;
import dev.mint.server.test.TestDatabases;
import dev.mint.server.test.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A data directory and database that outlive one server, for tests that stop a platform and start
 * another on the same storage. Unlike {@code TestPlatform} it starts nothing itself; close it to remove
 * the directory and database.
 */
final class RestartableStorage implements AutoCloseable {
    private final Path dataDir;
    private final String postgresUrl;

    RestartableStorage() {
        try {
            dataDir = Files.createTempDirectory("mint-restart-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgresUrl = TestDatabases.postgres() ? TestDatabases.createPostgresDatabase() : null;
    }

    Path dataDir() {
        return dataDir;
    }

    /** A configuration on this storage: loopback, a free port, no rate limit to speak of, nothing else set. */
    ServerConfig.Builder config() {
        return ServerConfig.builder().host("127.0.0.1").port(0).dataDir(dataDir).databaseUrl(postgresUrl)
                .loginAttemptsPerMinute(10_000);
    }

    static TestHttp.Response login(TestHttp http, String username, String password) {
        return http.post("/api/auth/login", null, Map.of("username", username, "password", password));
    }

    @Override
    public void close() {
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
