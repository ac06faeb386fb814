package dev.mint.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestDatabases;
import dev.mint.server.test.TestPlatform;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /api/setup/config/public}: the frontend's bootstrap, answered without authentication. */
class PublicConfigTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();

    @Test
    void publicConfigHasExactlyTheReferenceKeysWithoutAuthentication() {
        var response = platform.http().get("/api/setup/config/public", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("auth_required", "passkey_enabled", "passkey_registered",
                "registration_enabled", "database_mode", "access");
        assertThat(fieldNames(body.get("access"))).containsExactly("experiment_visibility_mode");
        assertThat(body.get("auth_required").isBoolean()).isTrue();
        assertThat(body.get("auth_required").asBoolean()).isTrue();
        assertThat(body.get("passkey_enabled").isBoolean()).isTrue();
        assertThat(body.get("passkey_registered").isBoolean()).isTrue();
        assertThat(body.get("registration_enabled").isBoolean()).isTrue();
        assertThat(body.get("database_mode").asText()).isEqualTo(TestDatabases.postgres() ? "postgresql" : "sqlite");
        assertThat(body.at("/access/experiment_visibility_mode").asText()).isEqualTo("open");
    }

    @Test
    void publicConfigIgnoresABadToken() {
        var response = platform.http().get("/api/setup/config/public", "not-a-token");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/access/experiment_visibility_mode").asText()).isEqualTo("open");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
