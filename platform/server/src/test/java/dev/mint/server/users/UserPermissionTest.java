package dev.mint.server.users;

import static dev.mint.server.test.ErrorAssertions.assertDenied;
import static dev.mint.server.test.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who may read and administer users: users.view for the directory, users.manage for every write. */
class UserPermissionTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static TestHttp http;
    static String admin;
    static String member;
    static String viewer;
    static long targetId;
    static long tokenId;
    static String targetToken;

    record Call(String method, String path, Object body) {
        TestHttp.Response send(String token) {
            return http.send(method, path, token, body, Map.of());
        }
    }

    @BeforeAll
    static void start() {
        http = platform.http();
        admin = platform.adminToken();
        member = platform.userToken("perm-member", "member");
        viewer = platform.userToken("perm-viewer", "viewer");
        targetId = platform.createUser("perm-target", "viewer").get("id").asLong();
        JsonNode token = http.post("/api/admin/users/" + targetId + "/tokens", admin, Map.of("name", "target")).json();
        tokenId = token.get("id").asLong();
        targetToken = token.get("token").asText();
    }

    static List<Call> managementCalls() {
        return List.of(
                new Call("POST", "/api/admin/users", Map.of("username", "sneaky", "password", "sneaky-password", "role", "admin")),
                new Call("PATCH", "/api/admin/users/" + targetId, Map.of("role", "admin", "is_active", false)),
                new Call("PUT", "/api/admin/users/" + targetId + "/role", Map.of("role", "admin")),
                new Call("POST", "/api/admin/service-accounts", Map.of("username", "sneaky-robot")),
                new Call("POST", "/api/admin/users/" + targetId + "/tokens", Map.of("name", "stolen")),
                new Call("GET", "/api/admin/tokens", null),
                new Call("DELETE", "/api/admin/tokens/" + tokenId, null));
    }

    /** Nothing any refused call could have changed has changed. */
    static void assertNothingChanged() {
        assertThat(http.get("/api/admin/users?search=sneaky", admin).json().get("total").asLong()).isZero();
        JsonNode target = http.get("/api/users/" + targetId, admin).json();
        assertThat(target.get("role").asText()).isEqualTo("viewer");
        assertThat(target.get("is_active").asBoolean()).isTrue();
        JsonNode tokens = http.get("/api/admin/tokens?user_id=" + targetId, admin).json();
        assertThat(tokens.get("total").asLong()).isEqualTo(1);
        assertThat(tokens.get("tokens").get(0).get("active").asBoolean()).isTrue();
        assertThat(http.get("/api/users/me", targetToken).status()).isEqualTo(200);
    }

    @Test
    void memberIsDeniedEveryUserManagementCall() {
        for (Call call : managementCalls()) {
            assertDenied(call.send(member), "users.manage");
        }
        assertNothingChanged();
    }

    @Test
    void viewerIsDeniedEveryUserManagementCall() {
        for (Call call : managementCalls()) {
            assertDenied(call.send(viewer), "users.manage");
        }
        assertNothingChanged();
    }

    @Test
    void anApiTokenOfANonAdminIsDeniedToo() {
        for (Call call : managementCalls()) {
            assertDenied(call.send(targetToken), "users.manage");
        }
        assertNothingChanged();
    }

    @Test
    void anonymousCallsAreUnauthorized() {
        for (Call call : managementCalls()) {
            assertError(call.send(null), 401, "UNAUTHORIZED");
        }
        for (String path : List.of("/api/users", "/api/admin/users", "/api/users/" + targetId, "/api/roles",
                "/api/admin/audit")) {
            assertError(http.get(path, null), 401, "UNAUTHORIZED");
        }
        assertNothingChanged();
    }

    @Test
    void memberAndViewerMayReadTheDirectory() {
        for (String token : List.of(member, viewer)) {
            assertThat(http.get("/api/users", token).json().get("total").asLong()).isEqualTo(4);
            assertThat(http.get("/api/admin/users?role=viewer", token).json().get("total").asLong()).isEqualTo(2);
            assertThat(http.get("/api/users/" + targetId, token).json().get("username").asText()).isEqualTo("perm-target");
        }
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        assertDenied(http.get("/api/admin/audit", member), "platform.configure");
        assertDenied(http.get("/api/admin/audit", viewer), "platform.configure");
        assertThat(http.get("/api/admin/audit", admin).status()).isEqualTo(200);
    }
}
