package dev.mint.server.auth;

import static dev.mint.server.auth.RestartableStorage.login;
import static dev.mint.server.test.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.MintServer;
import dev.mint.server.test.TestHttp;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class JwtSecretTest {
    static final String PASSWORD = "restart-password-1";
    static final String CONFIGURED_SECRET = "a-configured-jwt-secret-of-40-characters!";

    static String adminToken(MintServer server) {
        TestHttp.Response response = login(new TestHttp(server.baseUrl()), "admin", PASSWORD);
        assertThat(response.status()).as("login %s", response).isEqualTo(200);
        return response.json().get("access_token").asText();
    }

    static int verify(MintServer server, String token) {
        return new TestHttp(server.baseUrl()).get("/api/auth/verify", token).status();
    }

    @Test
    void generatedSecretIsKeptSoTokensSurviveARestart() throws Exception {
        try (RestartableStorage storage = new RestartableStorage()) {
            String token;
            try (MintServer first = MintServer.start(storage.config().adminPassword(PASSWORD).build())) {
                token = adminToken(first);
            }
            var secretFile = storage.dataDir().resolve("jwt-secret");
            assertThat(secretFile).exists();
            assertThat(Files.getPosixFilePermissions(secretFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

            try (MintServer second = MintServer.start(storage.config().build())) {
                assertThat(verify(second, token)).isEqualTo(200);
                assertThat(new TestHttp(second.baseUrl()).get("/api/users/me", token).json().get("username").asText())
                        .isEqualTo("admin");
            }
        }
    }

    @Test
    void configuredSecretTakesPrecedenceOverTheKeptOne() {
        try (RestartableStorage storage = new RestartableStorage()) {
            String fromKeptSecret;
            try (MintServer first = MintServer.start(storage.config().adminPassword(PASSWORD).build())) {
                fromKeptSecret = adminToken(first);
            }

            String fromConfiguredSecret;
            try (MintServer configured = MintServer.start(storage.config().jwtSecret(CONFIGURED_SECRET).build())) {
                JsonNode body = assertError(new TestHttp(configured.baseUrl()).get("/api/auth/verify", fromKeptSecret),
                        401, "UNAUTHORIZED");
                assertThat(body.get("message").asText()).isEqualTo("Invalid token");
                fromConfiguredSecret = adminToken(configured);
                assertThat(verify(configured, fromConfiguredSecret)).isEqualTo(200);
            }

            try (MintServer again = MintServer.start(storage.config().jwtSecret(CONFIGURED_SECRET).build())) {
                assertThat(verify(again, fromConfiguredSecret)).isEqualTo(200);
            }
            try (MintServer unconfigured = MintServer.start(storage.config().build())) {
                assertThat(verify(unconfigured, fromKeptSecret)).isEqualTo(200);
                assertThat(verify(unconfigured, fromConfiguredSecret)).isEqualTo(401);
            }
        }
    }

    @Test
    void tooShortConfiguredSecretRefusesToStart() {
        try (RestartableStorage storage = new RestartableStorage()) {
            assertThatThrownBy(() -> MintServer.start(storage.config().adminPassword(PASSWORD).jwtSecret("short").build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        }
    }
}
