package dev.mint.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Logins and user, service-account and token administration leave audit events naming who did what. */
class UserAuditTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static TestHttp http;
    static String admin;
    static long adminId;

    @BeforeAll
    static void start() {
        http = platform.http();
        admin = platform.adminToken();
        adminId = http.get("/api/users/me", admin).json().get("id").asLong();
    }

    static List<JsonNode> events(String action, Object entityId) {
        TestHttp.Response response = http.get("/api/admin/audit?action=" + action + "&entity_id=" + entityId, admin);
        assertThat(response.status()).as("audit %s", response).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        response.json().get("events").forEach(events::add);
        assertThat(response.json().get("total").asLong()).isEqualTo(events.size());
        return events;
    }

    static JsonNode onlyEvent(String action, Object entityId) {
        List<JsonNode> events = events(action, entityId);
        assertThat(events).as("%s events on %s", action, entityId).hasSize(1);
        return events.get(0);
    }

    static void assertByAdmin(JsonNode event, String entityType) {
        assertThat(event.get("actor_id").asLong()).isEqualTo(adminId);
        assertThat(event.get("actor_username").asText()).isEqualTo("admin");
        assertThat(event.get("entity_type").asText()).isEqualTo(entityType);
        assertThat(event.get("request_id").asText()).isNotBlank();
        assertThat(event.get("created_at").asText()).isNotBlank();
    }

    @Test
    void loginAndFailedLoginAreRecorded() {
        long id = platform.createUser("audited-login", "member").get("id").asLong();
        platform.login("audited-login", "audited-login-password");
        http.post("/api/auth/login", null, Map.of("username", "audited-login", "password", "a-wrong-password"));
        http.post("/api/auth/login", null, Map.of("username", "audited-ghost", "password", "a-wrong-password"));

        JsonNode login = onlyEvent("auth.login", id);
        assertThat(login.get("actor_id").asLong()).isEqualTo(id);
        assertThat(login.get("actor_username").asText()).isEqualTo("audited-login");
        assertThat(login.get("client_ip").asText()).isNotBlank();

        JsonNode failed = onlyEvent("auth.login_failed", id);
        assertThat(failed.get("actor_id").isNull()).isTrue();
        assertThat(failed.get("actor_username").asText()).isEqualTo("audited-login");
        assertThat(failed.toString()).doesNotContain("a-wrong-password");

        JsonNode ghost = http.get("/api/admin/audit?action=auth.login_failed", admin).json().get("events").get(0);
        assertThat(ghost.get("actor_username").asText()).isEqualTo("audited-ghost");
        assertThat(ghost.get("entity_id").isNull()).isTrue();
        assertThat(ghost.toString()).doesNotContain("a-wrong-password");
    }

    @Test
    void userCreateUpdateRoleChangeAndDisableAreRecorded() {
        long id = platform.createUser("audited-user", "member").get("id").asLong();
        http.patch("/api/admin/users/" + id, admin, Map.of("first_name", "Audrey", "password", "a-secret-password"));
        http.put("/api/admin/users/" + id + "/role", admin, Map.of("role", "viewer"));
        http.patch("/api/admin/users/" + id, admin, Map.of("is_active", false));

        JsonNode created = onlyEvent("user.create", id);
        assertByAdmin(created, "user");
        assertThat(created.at("/details/username").asText()).isEqualTo("audited-user");
        assertThat(created.at("/details/role").asText()).isEqualTo("member");

        JsonNode updated = onlyEvent("user.update", id);
        assertByAdmin(updated, "user");
        assertThat(updated.at("/details/first_name").asText()).isEqualTo("Audrey");
        assertThat(updated.at("/details/password_hash").asText()).isEqualTo("(changed)");
        assertThat(updated.toString()).doesNotContain("a-secret-password").doesNotContain("$2a$");

        assertThat(onlyEvent("user.set_role", id).at("/details/role").asText()).isEqualTo("viewer");
        JsonNode disabled = onlyEvent("user.disable", id);
        assertByAdmin(disabled, "user");
        assertThat(disabled.at("/details/is_active").asBoolean(true)).isFalse();
    }

    @Test
    void selfServiceProfileChangesAreRecordedAsTheUser() {
        long id = platform.createUser("audited-self", "member").get("id").asLong();
        String token = platform.login("audited-self", "audited-self-password");
        http.put("/api/users/me", token, Map.of("last_name", "Self", "current_password", "audited-self-password",
                "new_password", "audited-self-new"));

        JsonNode event = onlyEvent("user.update_self", id);
        assertThat(event.get("actor_id").asLong()).isEqualTo(id);
        assertThat(event.at("/details/last_name").asText()).isEqualTo("Self");
        assertThat(event.toString()).doesNotContain("audited-self-new").doesNotContain("audited-self-password");
    }

    @Test
    void serviceAccountAndTokenCreateAndRevokeAreRecordedWithoutTheToken() {
        long robotId = http.post("/api/admin/service-accounts", admin, Map.of("username", "audited-robot")).json()
                .get("id").asLong();
        JsonNode token = http.post("/api/admin/users/" + robotId + "/tokens", admin, Map.of("name", "audited")).json();
        long tokenId = token.get("id").asLong();
        http.delete("/api/admin/tokens/" + tokenId, admin);
        http.delete("/api/admin/tokens/" + tokenId, admin);

        assertByAdmin(onlyEvent("service_account.create", robotId), "user");
        JsonNode created = onlyEvent("token.create", tokenId);
        assertByAdmin(created, "api_token");
        assertThat(created.at("/details/user_id").asLong()).isEqualTo(robotId);
        assertThat(created.at("/details/name").asText()).isEqualTo("audited");
        JsonNode revoked = onlyEvent("token.revoke", tokenId);
        assertByAdmin(revoked, "api_token");
        assertThat(revoked.at("/details/user_id").asLong()).isEqualTo(robotId);
        String all = http.get("/api/admin/audit?limit=500", admin).body();
        assertThat(all).doesNotContain(token.get("token").asText());
    }

    @Test
    void refusedChangesLeaveNoEvent() {
        long id = platform.createUser("audited-refused", "member").get("id").asLong();
        String member = platform.login("audited-refused", "audited-refused-password");

        http.patch("/api/admin/users/" + id, member, Map.of("role", "admin"));
        http.patch("/api/admin/users/" + id, admin, Map.of("role", "nonsense"));
        http.put("/api/users/me", member, Map.of("email", "broken"));

        assertThat(events("user.update", id)).isEmpty();
        assertThat(events("user.set_role", id)).isEmpty();
        assertThat(events("user.update_self", id)).isEmpty();
    }
}
