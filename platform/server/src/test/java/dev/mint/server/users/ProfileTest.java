package dev.mint.server.users;

import static dev.mint.server.test.ErrorAssertions.assertError;
import static dev.mint.server.test.ErrorAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProfileTest {
    static final List<String> ALL_PERMISSIONS = List.of(
            "experiments.create", "experiments.delete", "experiments.edit", "experiments.view",
            "platform.configure", "platform.view_logs",
            "plugins.configure", "plugins.install", "plugins.use", "plugins.view",
            "projects.create", "projects.delete", "projects.edit", "projects.manage_members", "projects.view",
            "users.invite", "users.manage", "users.view");

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static TestHttp http;

    @BeforeAll
    static void start() {
        http = platform.http();
    }

    static List<String> permissions(JsonNode user) {
        List<String> names = new ArrayList<>();
        user.at("/role_obj/permissions").forEach(p -> names.add(p.asText()));
        return names;
    }

    static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return body;
    }

    @Test
    void meDescribesTheCallerWithTheResolvedRole() {
        TestHttp.Response response = http.get("/api/users/me", platform.adminToken());

        assertThat(response.status()).isEqualTo(200);
        JsonNode me = response.json();
        assertThat(me.get("id").asLong()).isPositive();
        assertThat(me.get("username").asText()).isEqualTo("admin");
        assertThat(me.get("shortname").asText()).isEqualTo("AD");
        assertThat(me.get("role").asText()).isEqualTo("admin");
        assertThat(me.get("is_active").asBoolean()).isTrue();
        assertThat(me.get("is_service_account").asBoolean()).isFalse();
        assertThat(me.has("email")).isTrue();
        assertThat(me.has("first_name")).isTrue();
        assertThat(me.has("last_name")).isTrue();
        assertThat(me.get("created_at").asText()).isNotBlank();
        assertThat(me.get("last_login_at").asText()).isNotBlank();
        JsonNode role = me.get("role_obj");
        assertThat(role.get("slug").asText()).isEqualTo("admin");
        assertThat(role.get("name").asText()).isEqualTo("Admin");
        assertThat(role.get("id").asLong()).isPositive();
        assertThat(role.get("project_scope").asText()).isEqualTo("all");
        assertThat(permissions(me)).hasSize(18).containsExactlyElementsOf(ALL_PERMISSIONS);
        assertThat(response.body()).doesNotContain("password");
    }

    @Test
    void memberAndViewerSeeTheirOwnPermissions() {
        JsonNode member = http.get("/api/users/me", platform.userToken("perm-member", "member")).json();
        JsonNode viewer = http.get("/api/users/me", platform.userToken("perm-viewer", "viewer")).json();

        assertThat(member.at("/role_obj/slug").asText()).isEqualTo("member");
        assertThat(permissions(member)).hasSize(15)
                .doesNotContain("users.manage", "platform.configure", "plugins.install")
                .contains("users.view", "users.invite", "experiments.create", "plugins.configure", "platform.view_logs");
        assertThat(viewer.at("/role_obj/slug").asText()).isEqualTo("viewer");
        assertThat(permissions(viewer)).containsExactly("experiments.view", "plugins.view", "projects.view", "users.view");
    }

    @Test
    void meWithoutATokenIsUnauthorized() {
        assertError(http.get("/api/users/me", null), 401, "UNAUTHORIZED");
        assertError(http.put("/api/users/me", null, Map.of("email", "x@example.org")), 401, "UNAUTHORIZED");
    }

    @Test
    void profileFieldsCanBeSetAndExplicitNullClearsOnlyThatField() {
        String token = platform.userToken("profiled", "member");

        TestHttp.Response updated = http.put("/api/users/me", token, Map.of("email", "pro@example.org",
                "shortname", "PR", "first_name", "Pro", "last_name", "Filed"));

        assertThat(updated.status()).isEqualTo(200);
        for (JsonNode me : List.of(updated.json(), http.get("/api/users/me", token).json())) {
            assertThat(me.get("email").asText()).isEqualTo("pro@example.org");
            assertThat(me.get("shortname").asText()).isEqualTo("PR");
            assertThat(me.get("first_name").asText()).isEqualTo("Pro");
            assertThat(me.get("last_name").asText()).isEqualTo("Filed");
        }

        JsonNode cleared = http.put("/api/users/me", token, body("email", null, "first_name", null)).json();

        assertThat(cleared.get("email").isNull()).isTrue();
        assertThat(cleared.get("first_name").isNull()).isTrue();
        assertThat(cleared.get("shortname").asText()).isEqualTo("PR");
        assertThat(cleared.get("last_name").asText()).isEqualTo("Filed");
        assertThat(http.get("/api/users/me", token).json().get("email").isNull()).isTrue();
    }

    @Test
    void patchOnMeUpdatesLikePut() {
        String token = platform.userToken("patched-me", "viewer");

        assertThat(http.patch("/api/users/me", token, Map.of("last_name", "Patched")).json().get("last_name").asText())
                .isEqualTo("Patched");
        assertThat(http.get("/api/users/me", token).json().get("last_name").asText()).isEqualTo("Patched");
    }

    @Test
    void invalidProfileValuesAreRefusedAndChangeNothing() {
        String token = platform.userToken("careful", "member");
        http.put("/api/users/me", token, Map.of("email", "careful@example.org", "first_name", "Care"));

        assertInvalid(http.put("/api/users/me", token, Map.of("email", "not-an-email", "first_name", "Changed")), "email");
        assertInvalid(http.put("/api/users/me", token, Map.of("email", "two@at@example.org")), "email");
        assertInvalid(http.put("/api/users/me", token, Map.of("shortname", "S".repeat(17))), "shortname");
        assertInvalid(http.put("/api/users/me", token, Map.of("first_name", 7)), "first_name");
        assertError(http.put("/api/users/me", token, "{\"email\": "), 400, "INVALID_JSON");

        JsonNode me = http.get("/api/users/me", token).json();
        assertThat(me.get("email").asText()).isEqualTo("careful@example.org");
        assertThat(me.get("first_name").asText()).isEqualTo("Care");
        assertThat(me.get("shortname").isNull()).isTrue();
    }

    @Test
    void roleAndActivityCannotBeChangedThroughMe() {
        String token = platform.userToken("ambitious", "viewer");

        TestHttp.Response response = http.put("/api/users/me", token,
                Map.of("role", "admin", "is_active", false, "is_service_account", true, "username", "root"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode me = http.get("/api/users/me", token).json();
        assertThat(me.get("username").asText()).isEqualTo("ambitious");
        assertThat(me.get("role").asText()).isEqualTo("viewer");
        assertThat(me.get("is_active").asBoolean()).isTrue();
        assertThat(me.get("is_service_account").asBoolean()).isFalse();
        assertError(http.post("/api/admin/users", token, Map.of("username", "x1", "password", "x1-password")),
                403, "PERMISSION_DENIED");
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordThenOnlyTheNewOneWorks() {
        String token = platform.userToken("changer", "member");

        assertInvalid(http.put("/api/users/me", token,
                Map.of("current_password", "wrong-password", "new_password", "changer-new-password")), "current_password");
        assertInvalid(http.put("/api/users/me", token, Map.of("new_password", "changer-new-password")), "current_password");
        assertInvalid(http.put("/api/users/me", token,
                Map.of("current_password", "x".repeat(100), "new_password", "changer-new-password")), "current_password");
        assertThat(platform.login("changer", "changer-password")).isNotBlank();

        TestHttp.Response changed = http.put("/api/users/me", token,
                Map.of("current_password", "changer-password", "new_password", "changer-new-password"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).doesNotContain("password");
        assertThat(platform.login("changer", "changer-new-password")).isNotBlank();
        assertError(http.post("/api/auth/login", null, Map.of("username", "changer", "password", "changer-password")),
                401, "UNAUTHORIZED");
    }

    @Test
    void newPasswordMustBeLongEnoughAndFitBcrypt() {
        String token = platform.userToken("short-changer", "member");

        assertInvalid(http.put("/api/users/me", token,
                Map.of("current_password", "short-changer-password", "new_password", "seven77")), "new_password");
        assertInvalid(http.put("/api/users/me", token,
                Map.of("current_password", "short-changer-password", "new_password", "\u00e9".repeat(37))), "new_password");
        assertInvalid(http.put("/api/users/me", token,
                Map.of("current_password", "short-changer-password", "new_password", "")), "new_password");

        assertThat(platform.login("short-changer", "short-changer-password")).isNotBlank();
        assertThat(http.post("/api/auth/login", null, Map.of("username", "short-changer", "password", "seven77")).status())
                .isEqualTo(401);
    }

    @Test
    void passwordChangeAndProfileUpdateInOneRequestAreAllOrNothing() {
        String token = platform.userToken("atomic", "member");

        assertInvalid(http.put("/api/users/me", token, Map.of("email", "atomic@example.org",
                "current_password", "wrong-password", "new_password", "atomic-new-password")), "current_password");

        assertThat(http.get("/api/users/me", token).json().get("email").isNull()).isTrue();
    }
}
