package dev.mint.server.users;

import static dev.mint.server.test.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The platform never loses its last active admin. Each test starts from a platform whose only admin is {@code admin}. */
class LastAdminTest {
    TestPlatform platform;
    TestHttp http;
    long adminId;

    @BeforeEach
    void start() {
        platform = TestPlatform.start();
        http = platform.http();
        adminId = http.get("/api/users/me", platform.adminToken()).json().get("id").asLong();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    JsonNode user(long id) {
        return http.get("/api/users/" + id, platform.adminToken()).json();
    }

    @Test
    void lastAdminCanBeNeitherDemotedNorDisabled() {
        String token = platform.adminToken();

        JsonNode demote = assertError(http.put("/api/admin/users/" + adminId + "/role", token, Map.of("role", "member")),
                409, "CONFLICT");
        assertThat(demote.at("/details/conflict_field").asText()).isEqualTo("role");
        assertError(http.patch("/api/admin/users/" + adminId, token, Map.of("role", "viewer")), 409, "CONFLICT");
        JsonNode disable = assertError(http.patch("/api/admin/users/" + adminId, token, Map.of("is_active", false)),
                409, "CONFLICT");
        assertThat(disable.at("/details/conflict_field").asText()).isEqualTo("is_active");
        assertError(http.patch("/api/admin/users/" + adminId, token,
                Map.of("is_active", false, "email", "gone@example.org")), 409, "CONFLICT");

        JsonNode admin = user(adminId);
        assertThat(admin.get("role").asText()).isEqualTo("admin");
        assertThat(admin.get("is_active").asBoolean()).isTrue();
        assertThat(admin.get("email").isNull()).isTrue();
        assertThat(http.get("/api/admin/audit?action=user.disable", token).json().get("total").asLong()).isZero();
    }

    @Test
    void keepingTheAdminRoleOrStayingActiveIsNoConflict() {
        String token = platform.adminToken();

        assertThat(http.put("/api/admin/users/" + adminId + "/role", token, Map.of("role", "admin")).status()).isEqualTo(200);
        assertThat(http.patch("/api/admin/users/" + adminId, token, Map.of("is_active", true, "first_name", "Ada"))
                .status()).isEqualTo(200);
        assertThat(user(adminId).get("first_name").asText()).isEqualTo("Ada");
    }

    @Test
    void withASecondAdminEitherCanBeDemotedButNotBoth() {
        long secondId = platform.createUser("second-admin", "admin").get("id").asLong();
        String second = platform.login("second-admin", "second-admin-password");

        assertThat(http.put("/api/admin/users/" + adminId + "/role", second, Map.of("role", "member")).status())
                .isEqualTo(200);

        assertThat(user(adminId).get("role").asText()).isEqualTo("member");
        assertError(http.put("/api/admin/users/" + secondId + "/role", second, Map.of("role", "member")), 409, "CONFLICT");
        assertError(http.patch("/api/admin/users/" + secondId, second, Map.of("is_active", false)), 409, "CONFLICT");
        assertThat(http.get("/api/users/" + secondId, second).json().get("role").asText()).isEqualTo("admin");
    }

    @Test
    void aDisabledAdminDoesNotCountAsAnotherAdmin() {
        long thirdId = platform.createUser("dormant-admin", "admin").get("id").asLong();
        String token = platform.adminToken();
        assertThat(http.patch("/api/admin/users/" + thirdId, token, Map.of("is_active", false)).status()).isEqualTo(200);

        assertError(http.put("/api/admin/users/" + adminId + "/role", token, Map.of("role", "viewer")), 409, "CONFLICT");
        assertError(http.patch("/api/admin/users/" + adminId, token, Map.of("is_active", false)), 409, "CONFLICT");
        // A disabled admin may be demoted: it takes nothing away from the active ones.
        assertThat(http.put("/api/admin/users/" + thirdId + "/role", token, Map.of("role", "viewer")).status()).isEqualTo(200);

        assertThat(http.patch("/api/admin/users/" + thirdId, token, Map.of("is_active", true, "role", "admin")).status())
                .isEqualTo(200);
        assertThat(http.patch("/api/admin/users/" + adminId, token, Map.of("is_active", false)).status()).isEqualTo(200);
        assertError(http.get("/api/users/me", token), 401, "UNAUTHORIZED");
    }
}
