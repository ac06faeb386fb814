package dev.mint.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mint.server.test.TestPlatform;
import org.junit.jupiter.api.Test;

/** {@code GET /api/health/ready} follows the database; {@code GET /api/health} does not. */
class ReadinessTest {

    @Test
    void readinessTurnsUnavailableWhenTheDatabaseIsUnreachableWhileHealthStillAnswers() {
        try (TestPlatform platform = TestPlatform.start()) {
            var ready = platform.http().get("/api/health/ready", null);
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().get("status").asText()).isEqualTo("ready");
            assertThat(ready.json().size()).isEqualTo(2);
            assertThat(ready.json().get("checks").size()).isEqualTo(1);
            assertThat(ready.json().at("/checks/database").asText()).isEqualTo("ok");

            platform.server().database().close();

            var unavailable = platform.http().get("/api/health/ready", null);
            assertThat(unavailable.status()).isEqualTo(503);
            assertThat(unavailable.header("Content-Type")).startsWith("application/json");
            assertThat(unavailable.json().get("status").asText()).isNotEqualTo("ready");
            assertThat(unavailable.json().at("/checks/database").asText()).isEqualTo("unreachable");
            var health = platform.http().get("/api/health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("healthy");
        }
    }
}
