package dev.mint.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mint.server.test.TestDatabases;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HealthTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();

    @Test
    void healthIsPublicAndNamesVersionDatabaseAndPlugins() {
        TestHttp.Response response = platform.http().get("/api/health", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("healthy");
        assertThat(response.json().get("version").asText()).isEqualTo(Version.CURRENT).isNotEqualTo("dev");
        assertThat(response.json().get("database").asText()).isEqualTo(TestDatabases.postgres() ? "postgresql" : "sqlite");
        assertThat(response.json().get("plugins").isArray()).isTrue();
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void callerRequestIdIsEchoedAndUnsafeOnesReplaced() {
        var kept = platform.http().send("GET", "/api/health", null, null, java.util.Map.of("X-Request-Id", "trace-42"));
        assertThat(kept.header("X-Request-Id")).isEqualTo("trace-42");
        var replaced = platform.http().send("GET", "/api/health", null, null, java.util.Map.of("X-Request-Id", "bad id\u00e9"));
        assertThat(replaced.header("X-Request-Id")).isNotEqualTo("bad id\u00e9").matches("[0-9a-f-]{36}");
    }

    @Test
    void readinessIsOkWhileTheDatabaseAnswers() {
        var response = platform.http().get("/api/health/ready", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/checks/database").asText()).isEqualTo("ok");
    }

    @Test
    void unknownRouteIsAnEnvelopedNotFound() {
        var response = platform.http().get("/api/no-such-thing", null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asText()).isEqualTo("NOT_FOUND");
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }
}
