package dev.mint.server.plugins;

import static dev.mint.server.test.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.sdk.PluginMetadata;
import dev.mint.server.test.TestPlatform;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PluginRoleRoutesTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static String admin;

    @BeforeAll
    static void install() {
        admin = platform.adminToken();
        platform.server().plugins().register(PluginInfo.ready(PluginMetadata.builder("tinker", "1.0.0").build()));
        platform.server().plugins().register(PluginInfo.ready(PluginMetadata.builder("minima", "1.0.0").build()));
    }

    @Test
    void setListChangeAndRemoveRoles() {
        long carol = platform.createUser("role-carol", "member").get("id").asLong();
        JsonNode set = platform.http().put("/api/admin/plugin-roles/tinker/" + carol, admin, Map.of("role", "viewer")).json();
        assertThat(set.get("plugin_id").asText()).isEqualTo("tinker");
        assertThat(set.get("user_id").asLong()).isEqualTo(carol);
        assertThat(set.get("role").asText()).isEqualTo("viewer");
        JsonNode changed = platform.http().put("/api/admin/plugin-roles/tinker/" + carol, admin, Map.of("role", "admin")).json();
        assertThat(changed.get("id").asLong()).isEqualTo(set.get("id").asLong());
        platform.http().put("/api/admin/plugin-roles/minima/" + carol, admin, Map.of("role", "editor"));

        JsonNode tinker = platform.http().get("/api/admin/plugin-roles/tinker", admin).json();
        assertThat(tinker.get("total").asLong()).isEqualTo(1);
        assertThat(tinker.get("roles").get(0).get("role").asText()).isEqualTo("admin");
        JsonNode ofCarol = platform.http().get("/api/admin/users/" + carol + "/plugin-roles", admin).json();
        assertThat(ofCarol.get("roles")).extracting(r -> r.get("plugin_id").asText()).containsExactly("minima", "tinker");

        assertThat(platform.http().delete("/api/admin/plugin-roles/tinker/" + carol, admin).status()).isEqualTo(204);
        assertThat(platform.http().delete("/api/admin/plugin-roles/tinker/" + carol, admin).status()).isEqualTo(204);
        assertThat(platform.http().get("/api/admin/plugin-roles/tinker", admin).json().get("total").asLong()).isZero();
        JsonNode events = platform.http().get("/api/admin/audit?entity_type=plugin&entity_id=tinker", admin).json().get("events");
        assertThat(events).extracting(e -> e.get("action").asText())
                .containsExactly("plugin_role.remove", "plugin_role.set", "plugin_role.set");
    }

    @Test
    void badRequestsAreRefused() {
        long dave = platform.createUser("role-dave", "member").get("id").asLong();
        assertError(platform.http().put("/api/admin/plugin-roles/nope/" + dave, admin, Map.of("role", "x")), 404, "NOT_FOUND");
        assertError(platform.http().put("/api/admin/plugin-roles/tinker/999999", admin, Map.of("role", "x")), 404, "NOT_FOUND");
        assertError(platform.http().put("/api/admin/plugin-roles/tinker/" + dave, admin, Map.of("role", "has space")),
                422, "VALIDATION_ERROR");
        assertError(platform.http().put("/api/admin/plugin-roles/tinker/" + dave, admin, Map.of()), 422, "VALIDATION_ERROR");
        String member = platform.login("role-dave", "role-dave-password");
        assertError(platform.http().get("/api/admin/plugin-roles/tinker", member), 403, "PERMISSION_DENIED");
    }
}
