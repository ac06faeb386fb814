package dev.mint.server.auth;

import static dev.mint.server.test.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenRefreshTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static TestHttp http;

    @BeforeAll
    static void start() {
        http = platform.http();
    }

    @Test
    void refreshIssuesANewDifferentWorkingTokenForTheSameUser() {
        JsonNode user = platform.createUser("refresher", "member");
        String token = platform.login("refresher", "refresher-password");

        TestHttp.Response response = http.post("/api/auth/refresh", token, "{}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.properties()).extracting(Map.Entry::getKey)
                .containsExactly("access_token", "token_type", "expires_in");
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(86400);
        String refreshed = body.get("access_token").asText();
        assertThat(refreshed).isNotEqualTo(token);
        assertThat(JWT.decode(refreshed).getSubject()).isEqualTo(user.get("id").asText());
        JsonNode me = http.get("/api/users/me", refreshed).json();
        assertThat(me.get("username").asText()).isEqualTo("refresher");
        assertThat(http.get("/api/auth/verify", refreshed).json().get("username").asText()).isEqualTo("refresher");
    }

    @Test
    void refreshWorksWithoutABody() {
        String token = platform.userToken("refresh-nobody", "viewer");

        assertThat(http.post("/api/auth/refresh", token, null).status()).isEqualTo(200);
    }

    @Test
    void refreshNeedsAGenuineToken() {
        assertError(http.post("/api/auth/refresh", null, "{}"), 401, "UNAUTHORIZED");
        assertError(http.post("/api/auth/refresh", "garbage", "{}"), 401, "UNAUTHORIZED");
        String foreign = JWT.create().withIssuer("mint").withSubject("1").withExpiresAt(Instant.now().plusSeconds(600))
                .sign(Algorithm.HMAC256("a-different-secret-that-is-32-bytes-long".getBytes(StandardCharsets.UTF_8)));
        JsonNode body = assertError(http.post("/api/auth/refresh", foreign, "{}"), 401, "UNAUTHORIZED");
        assertThat(body.get("message").asText()).isEqualTo("Invalid token");
    }

    @Test
    void disabledUserCannotRefresh() {
        long id = platform.createUser("refresh-disabled", "member").get("id").asLong();
        String token = platform.login("refresh-disabled", "refresh-disabled-password");
        assertThat(http.patch("/api/admin/users/" + id, platform.adminToken(), Map.of("is_active", false)).status())
                .isEqualTo(200);

        assertError(http.post("/api/auth/refresh", token, "{}"), 401, "UNAUTHORIZED");
        assertError(http.get("/api/auth/verify", token), 401, "UNAUTHORIZED");
    }

    @Test
    void refreshedTokenCarriesTheCurrentRoleNotTheOneAtLogin() {
        long id = platform.createUser("refresh-promoted", "viewer").get("id").asLong();
        String token = platform.login("refresh-promoted", "refresh-promoted-password");
        http.put("/api/admin/users/" + id + "/role", platform.adminToken(), Map.of("role", "admin"));

        String refreshed = http.post("/api/auth/refresh", token, "{}").json().get("access_token").asText();

        assertThat(http.get("/api/users/me", refreshed).json().get("role").asText()).isEqualTo("admin");
        assertThat(http.get("/api/admin/tokens", refreshed).status()).isEqualTo(200);
    }
}
