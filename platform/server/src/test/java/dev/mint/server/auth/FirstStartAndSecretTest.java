package dev.mint.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mint.server.MintServer;
import dev.mint.server.ServerConfig;
import dev.mint.server.test.TestDatabases;
import dev.mint.server.test.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin created at first start, and the signing secret that outlives a restart. */
class FirstStartAndSecretTest {
    @TempDir
    Path dataDir;

    private String postgresUrl;

    @AfterEach
    void drop() {
        if (postgresUrl != null) {
            TestDatabases.dropPostgresDatabase(postgresUrl);
        }
    }

    private ServerConfig.Builder config() {
        if (TestDatabases.postgres() && postgresUrl == null) {
            postgresUrl = TestDatabases.createPostgresDatabase();
        }
        return ServerConfig.builder().port(0).dataDir(dataDir).databaseUrl(postgresUrl);
    }

    private static String login(MintServer server, String password) {
        var response = new TestHttp(server.baseUrl()).post("/api/auth/login", null,
                Map.of("username", "admin", "password", password));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("access_token").asText();
    }

    @Test
    void aGeneratedAdminPasswordWorksAndIsNotGeneratedAgain() {
        String password;
        try (MintServer first = MintServer.start(config().build())) {
            password = first.generatedAdminPassword().orElseThrow();
            assertThat(password).hasSizeGreaterThanOrEqualTo(16);
            login(first, password);
        }
        try (MintServer second = MintServer.start(config().build())) {
            assertThat(second.generatedAdminPassword()).isEmpty();
            login(second, password);
            var users = new TestHttp(second.baseUrl()).get("/api/users", login(second, password)).json();
            assertThat(users.get("total").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aConfiguredAdminPasswordIsUsedAndNotPrinted() {
        try (MintServer server = MintServer.start(config().adminPassword("configured-pw-1").build())) {
            assertThat(server.generatedAdminPassword()).isEmpty();
            login(server, "configured-pw-1");
        }
    }

    @Test
    void theSigningSecretPersistsInTheDataDirectoryWithOwnerOnlyAccess() throws Exception {
        String token;
        try (MintServer first = MintServer.start(config().adminPassword("secret-test-1").build())) {
            token = login(first, "secret-test-1");
        }
        Path secret = dataDir.resolve("jwt-secret");
        assertThat(Files.getPosixFilePermissions(secret)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (MintServer second = MintServer.start(config().build())) {
            assertThat(new TestHttp(second.baseUrl()).get("/api/users/me", token).status()).isEqualTo(200);
        }
    }

    @Test
    void aConfiguredSecretWinsOverTheStoredOne() {
        String token;
        try (MintServer first = MintServer.start(config().adminPassword("secret-test-2").build())) {
            token = login(first, "secret-test-2");
        }
        String configured = "a-configured-secret-that-is-long-enough-1234";
        try (MintServer second = MintServer.start(config().jwtSecret(configured).build())) {
            TestHttp http = new TestHttp(second.baseUrl());
            assertThat(http.get("/api/users/me", token).status()).isEqualTo(401);
            String fresh = login(second, "secret-test-2");
            try (MintServer third = MintServer.start(config().jwtSecret(configured).build())) {
                assertThat(new TestHttp(third.baseUrl()).get("/api/users/me", fresh).status()).isEqualTo(200);
            }
        }
    }
}
