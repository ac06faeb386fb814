package dev.mint.server.users;

import static dev.mint.server.test.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        long secondId = platform.createUser("second-admin", "admin").get("id").asLong();
        String secondToken = platform.login("second-admin", "second-admin-password");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                CountDownLatch go = new CountDownLatch(1);
                Future<Integer> first = pool.submit(() -> {
                    go.await();
                    return http.patch("/api/admin/users/" + secondId, platform.adminToken(), Map.of("role", "member")).status();
                });
                Future<Integer> second = pool.submit(() -> {
                    go.await();
                    return http.patch("/api/admin/users/" + adminId, secondToken, Map.of("role", "member")).status();
                });
                go.countDown();
                // One demotion wins; the other is refused as the last admin (409) or, when the winner already
                // demoted its requester, for lack of the right (403). Never both.
                List<Integer> statuses = List.of(first.get(), second.get());
                assertThat(statuses).as("round %d", round).containsOnlyOnce(200).containsAnyOf(403, 409);
                assertThat(List.of(user(adminId), user(secondId)).stream().filter(u -> u.get("role").asText().equals("admin")))
                        .as("admins after round %d", round).hasSize(1);
                long demoted = first.get() == 200 ? secondId : adminId;
                String survivor = first.get() == 200 ? platform.adminToken() : secondToken;
                assertThat(http.patch("/api/admin/users/" + demoted, survivor, Map.of("role", "admin")).status()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
    }
}
