package dev.mint.server.auth;

import static dev.mint.server.test.ErrorAssertions.assertError;
import static dev.mint.server.test.ErrorAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoginTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static TestHttp http;

    @BeforeAll
    static void start() {
        http = platform.http();
    }

    private static TestHttp.Response login(String username, String password) {
        return http.post("/api/auth/login", null, Map.of("username", username, "password", password));
    }

    @Test
    void loginAnswersExactlyTokenTypeAndLifetime() {
        TestHttp.Response response = login("admin", TestPlatform.ADMIN_PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.properties()).extracting(Map.Entry::getKey)
                .containsExactly("access_token", "token_type", "expires_in");
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").isIntegralNumber()).isTrue();
        assertThat(body.get("expires_in").asLong()).isEqualTo(86400);

        DecodedJWT jwt = JWT.decode(body.get("access_token").asText());
        long adminId = http.get("/api/users/me", body.get("access_token").asText()).json().get("id").asLong();
        assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
        assertThat(jwt.getSubject()).isEqualTo(Long.toString(adminId));
        assertThat(jwt.getClaim("name").asString()).isEqualTo("admin");
        assertThat(Duration.between(Instant.now(), jwt.getExpiresAtAsInstant()))
                .isBetween(Duration.ofHours(24).minusMinutes(1), Duration.ofHours(24));
    }

    @Test
    void loginRecordsLastLoginTime() {
        platform.createUser("last-login", "member");
        Instant before = Instant.now().minusSeconds(1);

        String token = platform.login("last-login", "last-login-password");

        Instant lastLogin = Instant.parse(http.get("/api/users/me", token).json().get("last_login_at").asText());
        assertThat(lastLogin).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void wrongPasswordUnknownUserDisabledUserAndServiceAccountAreIndistinguishable() {
        platform.createUser("case-sensitive", "member");
        long disabledId = platform.createUser("disabled-login", "member").get("id").asLong();
        assertThat(http.patch("/api/admin/users/" + disabledId, platform.adminToken(), Map.of("is_active", false))
                .status()).isEqualTo(200);
        assertThat(http.post("/api/admin/service-accounts", platform.adminToken(), Map.of("username", "robot-login"))
                .status()).isEqualTo(201);

        List<TestHttp.Response> refusals = List.of(
                login("admin", "not-the-password"),
                login("nobody-at-all", "whatever-password"),
                login("disabled-login", "disabled-login-password"),
                login("robot-login", "robot-login-password"),
                login("case-sensitive", "CASE-SENSITIVE-PASSWORD"));

        for (TestHttp.Response refusal : refusals) {
            JsonNode body = assertError(refusal, 401, "UNAUTHORIZED");
            assertThat(body.get("message").asText()).isEqualTo("Invalid credentials");
            assertThat(refusal.body()).isEqualTo(refusals.get(0).body());
        }
    }

    @Test
    void passwordLongerThanBcryptAcceptsIsAPlainRefusal() {
        JsonNode body = assertError(login("admin", "p".repeat(100)), 401, "UNAUTHORIZED");
        assertThat(body.get("message").asText()).isEqualTo("Invalid credentials");
        body = assertError(login("nobody-long", "\u00e9".repeat(60)), 401, "UNAUTHORIZED");
        assertThat(body.get("message").asText()).isEqualTo("Invalid credentials");
    }

    @Test
    void missingOrEmptyFieldsAreValidationErrors() {
        assertInvalid(http.post("/api/auth/login", null, Map.of("password", "x-password")), "username");
        assertInvalid(http.post("/api/auth/login", null, Map.of("username", "admin")), "password");
        assertInvalid(http.post("/api/auth/login", null, Map.of("username", "admin", "password", "")), "password");
        assertInvalid(http.post("/api/auth/login", null, Map.of("username", "  ", "password", "x")), "username");
        assertInvalid(http.post("/api/auth/login", null, Map.of("username", 42, "password", "x")), "username");
        assertInvalid(http.post("/api/auth/login", null, "{}"), "username");
        assertInvalid(http.post("/api/auth/login", null, "[\"admin\"]"), "body");
    }

    @Test
    void malformedJsonIsInvalidJson() {
        assertError(http.post("/api/auth/login", null, "{\"username\": \"admin\", "), 400, "INVALID_JSON");
        assertError(http.post("/api/auth/login", null, "username=admin&password=x"), 400, "INVALID_JSON");
    }

    @Test
    void loginFailsWhileDisabledAndWorksAgainOnceReEnabled() {
        long id = platform.createUser("toggled", "viewer").get("id").asLong();
        http.patch("/api/admin/users/" + id, platform.adminToken(), Map.of("is_active", false));
        assertError(login("toggled", "toggled-password"), 401, "UNAUTHORIZED");

        assertThat(http.patch("/api/admin/users/" + id, platform.adminToken(), Map.of("is_active", true)).status())
                .isEqualTo(200);

        assertThat(login("toggled", "toggled-password").status()).isEqualTo(200);
    }
}
