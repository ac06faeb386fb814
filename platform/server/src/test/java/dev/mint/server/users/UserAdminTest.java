package dev.mint.server.users;

import static dev.mint.server.test.ErrorAssertions.assertError;
import static dev.mint.server.test.ErrorAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UserAdminTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static TestHttp http;
    static String admin;

    @BeforeAll
    static void start() {
        http = platform.http();
        admin = platform.adminToken();
    }

    static long matching(String search) {
        return http.get("/api/admin/users?search=" + search, admin).json().get("total").asLong();
    }

    static JsonNode get(long id) {
        TestHttp.Response response = http.get("/api/users/" + id, admin);
        assertThat(response.status()).as("get user %s: %s", id, response).isEqualTo(200);
        return response.json();
    }

    @Test
    void adminCreatesAUserWhoCanLogIn() {
        TestHttp.Response response = http.post("/api/admin/users", admin, Map.of("username", "created.one",
                "password", "created-one-password", "role", "viewer", "email", "one@example.org",
                "first_name", "Created", "last_name", "One", "shortname", "C1"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).doesNotContain("password");
        JsonNode created = response.json();
        assertThat(created.get("username").asText()).isEqualTo("created.one");
        assertThat(created.get("role").asText()).isEqualTo("viewer");
        assertThat(created.at("/role_obj/slug").asText()).isEqualTo("viewer");
        assertThat(created.get("email").asText()).isEqualTo("one@example.org");
        assertThat(created.get("shortname").asText()).isEqualTo("C1");
        assertThat(created.get("is_active").asBoolean()).isTrue();
        assertThat(created.get("is_service_account").asBoolean()).isFalse();
        assertThat(created.get("last_login_at").isNull()).isTrue();
        assertThat(get(created.get("id").asLong())).isEqualTo(created);
        assertThat(http.get("/api/admin/users/" + created.get("id").asLong(), admin).json()).isEqualTo(created);

        String token = platform.login("created.one", "created-one-password");
        assertThat(http.get("/api/users/me", token).json().get("id").asLong()).isEqualTo(created.get("id").asLong());
    }

    @Test
    void roleDefaultsToMemberAndIsCaseInsensitive() {
        assertThat(platform.createUser("default-role", "member").get("role").asText()).isEqualTo("member");
        JsonNode noRole = http.post("/api/admin/users", admin,
                Map.of("username", "no-role", "password", "no-role-password")).json();
        assertThat(noRole.get("role").asText()).isEqualTo("member");
        JsonNode upper = http.post("/api/admin/users", admin,
                Map.of("username", "upper-role", "password", "upper-role-password", "role", " Viewer ")).json();
        assertThat(upper.get("role").asText()).isEqualTo("viewer");
    }

    @Test
    void duplicateUsernameIsAConflictWhateverTheCase() {
        platform.createUser("dupe", "member");

        JsonNode same = assertError(http.post("/api/admin/users", admin,
                Map.of("username", "dupe", "password", "other-password")), 409, "CONFLICT");
        assertThat(same.at("/details/conflict_field").asText()).isEqualTo("username");
        assertError(http.post("/api/admin/users", admin, Map.of("username", "DuPe", "password", "other-password")),
                409, "CONFLICT");
        assertError(http.post("/api/admin/service-accounts", admin, Map.of("username", "DUPE")), 409, "CONFLICT");

        assertThat(matching("dupe")).isEqualTo(1);
        assertThat(platform.login("dupe", "dupe-password")).isNotBlank();
    }

    @Test
    void concurrentCreationsOfOneUsernameMakeExactlyOneUser() throws Exception {
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(() -> http.post("/api/admin/users", admin,
                    Map.of("username", "racer", "password", "racer-password")).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> status : pool.invokeAll(attempts)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(matching("racer")).isEqualTo(1);
    }

    @Test
    void badUsernamesAreRefusedAndCreateNothing() {
        long before = http.get("/api/admin/users", admin).json().get("total").asLong();

        for (String username : new String[] {"a", "-leading-dash", ".dot", "has space", "semi;colon", "x".repeat(65),
                "caf\u00e9", "slash/y"}) {
            assertInvalid(http.post("/api/admin/users", admin, Map.of("username", username, "password", "fine-password")),
                    "username");
        }
        assertInvalid(http.post("/api/admin/users", admin, Map.of("password", "fine-password")), "username");
        assertInvalid(http.post("/api/admin/users", admin, Map.of("username", 12, "password", "fine-password")), "username");

        assertThat(http.get("/api/admin/users", admin).json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void usernamesMayUseDotsDashesUnderscoresAndAt() {
        for (String username : new String[] {"ab", "j.doe", "j_doe-2", "lab@example.org", "X".repeat(64)}) {
            assertThat(http.post("/api/admin/users", admin, Map.of("username", username, "password", "fine-password"))
                    .status()).as(username).isEqualTo(201);
        }
    }

    @Test
    void unknownRoleOrBadPasswordOrEmailIsRefusedAndCreatesNothing() {
        assertInvalid(http.post("/api/admin/users", admin,
                Map.of("username", "refused-1", "password", "fine-password", "role", "superuser")), "role");
        assertInvalid(http.post("/api/admin/users", admin, Map.of("username", "refused-2", "password", "short")), "password");
        assertInvalid(http.post("/api/admin/users", admin, Map.of("username", "refused-3")), "password");
        assertInvalid(http.post("/api/admin/users", admin,
                Map.of("username", "refused-4", "password", "fine-password", "email", "nope")), "email");
        assertError(http.post("/api/admin/users", admin, "{\"username\": \"refused-5\""), 400, "INVALID_JSON");

        assertThat(matching("refused")).isZero();
    }

    @Test
    void getUnknownUserIsNotFoundAndNonNumericIdInvalid() {
        assertError(http.get("/api/users/999999", admin), 404, "NOT_FOUND");
        assertError(http.get("/api/admin/users/999999", admin), 404, "NOT_FOUND");
        assertInvalid(http.get("/api/users/abc", admin), "id");
        assertInvalid(http.get("/api/users/0", admin), "id");
        assertInvalid(http.get("/api/users/-3", admin), "id");
    }

    @Test
    void adminUpdatesProfileFieldsAndClearsWithNull() {
        long id = platform.createUser("edited", "member").get("id").asLong();

        JsonNode updated = http.patch("/api/admin/users/" + id, admin, Map.of("email", "edited@example.org",
                "first_name", "Ed", "last_name", "Ited", "description", "edited by admin")).json();

        assertThat(updated.get("email").asText()).isEqualTo("edited@example.org");
        assertThat(updated.get("description").asText()).isEqualTo("edited by admin");
        assertThat(get(id).get("first_name").asText()).isEqualTo("Ed");

        HashMap<String, Object> clear = new HashMap<>();
        clear.put("email", null);
        JsonNode cleared = http.patch("/api/admin/users/" + id, admin, clear).json();
        assertThat(cleared.get("email").isNull()).isTrue();
        assertThat(cleared.get("last_name").asText()).isEqualTo("Ited");
        assertThat(get(id).get("email").isNull()).isTrue();
    }

    @Test
    void invalidAdminUpdatesChangeNothing() {
        long id = platform.createUser("steady", "viewer").get("id").asLong();

        assertInvalid(http.patch("/api/admin/users/" + id, admin, Map.of("role", "overlord", "email", "s@example.org")), "role");
        assertInvalid(http.patch("/api/admin/users/" + id, admin, Map.of("is_active", "no")), "is_active");
        assertInvalid(http.patch("/api/admin/users/" + id, admin, Map.of("email", "bad")), "email");
        assertInvalid(http.patch("/api/admin/users/" + id, admin, Map.of("password", "short")), "password");
        assertError(http.patch("/api/admin/users/999999", admin, Map.of("email", "s@example.org")), 404, "NOT_FOUND");
        assertInvalid(http.patch("/api/admin/users/zero", admin, Map.of("email", "s@example.org")), "id");

        JsonNode user = get(id);
        assertThat(user.get("role").asText()).isEqualTo("viewer");
        assertThat(user.get("email").isNull()).isTrue();
        assertThat(user.get("is_active").asBoolean()).isTrue();
        assertThat(platform.login("steady", "steady-password")).isNotBlank();
    }

    @Test
    void adminResetsAPassword() {
        long id = platform.createUser("forgetful", "member").get("id").asLong();

        assertThat(http.patch("/api/admin/users/" + id, admin, Map.of("password", "reset-password")).status()).isEqualTo(200);

        assertThat(platform.login("forgetful", "reset-password")).isNotBlank();
        assertError(http.post("/api/auth/login", null, Map.of("username", "forgetful", "password", "forgetful-password")),
                401, "UNAUTHORIZED");
    }

    @Test
    void roleChangeTakesEffectOnTheUsersExistingSession() {
        long id = platform.createUser("climber", "member").get("id").asLong();
        String token = platform.login("climber", "climber-password");
        assertError(http.get("/api/admin/tokens", token), 403, "PERMISSION_DENIED");

        JsonNode promoted = http.put("/api/admin/users/" + id + "/role", admin, Map.of("role", "admin")).json();

        assertThat(promoted.get("role").asText()).isEqualTo("admin");
        assertThat(promoted.at("/role_obj/permissions")).hasSize(18);
        assertThat(http.get("/api/admin/tokens", token).status()).isEqualTo(200);

        assertThat(http.patch("/api/admin/users/" + id, admin, Map.of("role", "viewer")).json().get("role").asText())
                .isEqualTo("viewer");
        assertThat(get(id).get("role").asText()).isEqualTo("viewer");
        assertError(http.post("/api/experiments", token, Map.of("name", "not as a viewer")), 403, "PERMISSION_DENIED");
    }

    @Test
    void setRoleNeedsAKnownRole() {
        long id = platform.createUser("role-kept", "member").get("id").asLong();

        assertInvalid(http.put("/api/admin/users/" + id + "/role", admin, Map.of()), "role");
        assertInvalid(http.put("/api/admin/users/" + id + "/role", admin, Map.of("role", "chief")), "role");
        assertError(http.put("/api/admin/users/999999/role", admin, Map.of("role", "viewer")), 404, "NOT_FOUND");

        assertThat(get(id).get("role").asText()).isEqualTo("member");
    }

    @Test
    void disablingAUserEndsTheirSessionAtOnce() {
        long id = platform.createUser("leaver", "member").get("id").asLong();
        String token = platform.login("leaver", "leaver-password");
        assertThat(http.get("/api/users/me", token).status()).isEqualTo(200);

        JsonNode disabled = http.patch("/api/admin/users/" + id, admin, Map.of("is_active", false)).json();

        assertThat(disabled.get("is_active").asBoolean()).isFalse();
        JsonNode body = assertError(http.get("/api/users/me", token), 401, "UNAUTHORIZED");
        assertThat(body.get("message").asText()).isEqualTo("User account is disabled");
        assertError(http.post("/api/experiments", token, Map.of("name", "after leaving")), 401, "UNAUTHORIZED");
        assertThat(assertError(http.post("/api/auth/login", null, Map.of("username", "leaver", "password", "leaver-password")),
                401, "UNAUTHORIZED").get("message").asText()).isEqualTo("Invalid credentials");
        assertThat(get(id).get("is_active").asBoolean()).isFalse();
    }

    @Test
    void rolesListsTheThreeBuiltInRolesToAnyUser() {
        String viewer = platform.userToken("role-reader", "viewer");

        TestHttp.Response response = http.get("/api/roles", viewer);

        assertThat(response.status()).isEqualTo(200);
        Map<String, Integer> sizes = new LinkedHashMap<>();
        response.json().get("roles").forEach(r -> sizes.put(r.get("slug").asText(), r.get("permissions").size()));
        assertThat(sizes).containsExactly(Map.entry("admin", 18), Map.entry("member", 15), Map.entry("viewer", 4));
        JsonNode member = response.json().get("roles").get(1);
        assertThat(member.get("name").asText()).isEqualTo("Member");
        assertThat(member.get("color").asText()).startsWith("#");
        assertError(http.get("/api/roles", null), 401, "UNAUTHORIZED");
    }
}
