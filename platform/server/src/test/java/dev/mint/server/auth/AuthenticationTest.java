package dev.mint.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Login, verify and refresh over real HTTP. */
class AuthenticationTest {
    static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start();
        platform.createUser("alice", "member");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static TestHttp.Response login(String username, Object password) {
        return platform.http().post("/api/auth/login", null, Map.of("username", username, "password", password));
    }

    @Test
    void loginAnswersTheUpstreamTokenShape() {
        var response = login("alice", "alice-password");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(response.json().get("expires_in").asLong()).isEqualTo(86_400);
        assertThat(response.json().get("access_token").asText()).startsWith("eyJ");
        assertThat(response.json().size()).isEqualTo(3);
    }

    @Test
    void everyLoginFailureLooksTheSame() {
        platform.createUser("disabled-dora", "member");
        long doraId = platform.http().get("/api/users?search=disabled-dora", platform.adminToken()).json()
                .at("/users/0/id").asLong();
        platform.http().patch("/api/admin/users/" + doraId, platform.adminToken(), Map.of("is_active", false));
        long service = platform.http().post("/api/admin/service-accounts", platform.adminToken(),
                Map.of("username", "svc-login")).json().get("id").asLong();
        assertThat(service).isPositive();

        for (var attempt : new TestHttp.Response[] {login("alice", "wrong-password"), login("nobody-here", "whatever-1"),
                login("disabled-dora", "disabled-dora-password"), login("svc-login", "anything-at-all")}) {
            assertThat(attempt.status()).isEqualTo(401);
            assertThat(attempt.json().get("error").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(attempt.json().get("message").asText()).isEqualTo("Invalid credentials");
            assertThat(attempt.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    @Test
    void malformedOrIncompleteLoginBodiesAreRefused() {
        var malformed = platform.http().post("/api/auth/login", null, "{\"username\": \"alice\",");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("error").asText()).isEqualTo("INVALID_JSON");
        var missing = platform.http().post("/api/auth/login", null, Map.of("username", "alice"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().at("/details/field").asText()).isEqualTo("password");
        var wrongType = login("alice", 12345);
        assertThat(wrongType.status()).isEqualTo(422);
    }

    @Test
    void loginIsRateLimitedPerClientWithRetryAfter() {
        try (TestPlatform limited = TestPlatform.start(b -> b.loginAttemptsPerMinute(3))) {
            var body = Map.of("username", "admin", "password", TestPlatform.ADMIN_PASSWORD);
            for (int i = 0; i < 2; i++) {
                assertThat(limited.http().post("/api/auth/login", null, Map.of("username", "admin", "password", "bad-one")).status())
                        .isEqualTo(401);
            }
            assertThat(limited.http().post("/api/auth/login", null, body).status()).isEqualTo(200);
            var refused = limited.http().post("/api/auth/login", null, body);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().get("error").asText()).isEqualTo("RATE_LIMITED");
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        }
    }

    @Test
    void verifyDescribesAValidTokenAndRefusesBadOnes() {
        String token = platform.login("alice", "alice-password");
        var verified = platform.http().get("/api/auth/verify", token);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("valid").asBoolean()).isTrue();
        assertThat(verified.json().get("username").asText()).isEqualTo("alice");
        Instant expires = Instant.parse(verified.json().get("expires_at").asText());
        assertThat(expires).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));

        String forged = JWT.create().withIssuer("mint").withSubject("1").withExpiresAt(new Date(System.currentTimeMillis() + 60_000))
                .sign(Algorithm.HMAC256("a-different-secret-of-at-least-32-bytes!!"));
        for (String bad : new String[] {null, "garbage", forged, token + "x"}) {
            var refused = platform.http().get("/api/auth/verify", bad);
            assertThat(refused.status()).as("token %s", bad).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        var notBearer = platform.http().send("GET", "/api/auth/verify", null, null, Map.of("Authorization", "Basic abc"));
        assertThat(notBearer.status()).isEqualTo(401);
    }

    @Test
    void refreshIssuesANewWorkingToken() {
        String token = platform.login("alice", "alice-password");
        var refreshed = platform.http().post("/api/auth/refresh", token, Map.of());
        assertThat(refreshed.status()).isEqualTo(200);
        String next = refreshed.json().get("access_token").asText();
        assertThat(next).isNotEqualTo(token);
        assertThat(refreshed.json().get("expires_in").asLong()).isEqualTo(86_400);
        assertThat(platform.http().get("/api/users/me", next).json().get("username").asText()).isEqualTo("alice");
        assertThat(platform.http().post("/api/auth/refresh", null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefusedButCanStillBeRefreshedWithinTheGrace() throws Exception {
        try (TestPlatform shortLived = TestPlatform.start(b -> b.tokenTtl(Duration.ofSeconds(1)))) {
            String token = shortLived.adminToken();
            awaitExpiry(shortLived, token);
            var refused = shortLived.http().get("/api/users/me", token);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("message").asText()).isEqualTo("Token expired");
            var refreshed = shortLived.http().post("/api/auth/refresh", token, Map.of());
            assertThat(refreshed.status()).isEqualTo(200);
            String next = refreshed.json().get("access_token").asText();
            assertThat(shortLived.http().get("/api/users/me", next).status()).isEqualTo(200);
        }
    }

    @Test
    void aTokenExpiredBeyondTheGraceCannotBeRefreshed() throws Exception {
        try (TestPlatform strict = TestPlatform.start(b -> b.tokenTtl(Duration.ofSeconds(1)).refreshGrace(Duration.ofSeconds(1)))) {
            String token = strict.adminToken();
            awaitExpiry(strict, token);
            Thread.sleep(2_100); // past the one-second grace, which is wall-clock by design
            assertThat(strict.http().post("/api/auth/refresh", token, Map.of()).status()).isEqualTo(401);
        }
    }

    @Test
    void aDisabledUsersTokenStopsWorkingAtOnceAndCannotBeRefreshed() {
        platform.createUser("bob", "member");
        String token = platform.login("bob", "bob-password");
        assertThat(platform.http().get("/api/users/me", token).status()).isEqualTo(200);
        long bobId = platform.http().get("/api/users/me", token).json().get("id").asLong();
        assertThat(platform.http().patch("/api/admin/users/" + bobId, platform.adminToken(), Map.of("is_active", false)).status())
                .isEqualTo(200);
        var refused = platform.http().get("/api/users/me", token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("message").asText()).isEqualTo("User account is disabled");
        assertThat(platform.http().post("/api/auth/refresh", token, Map.of()).status()).isEqualTo(401);
    }

    /** Polls until the server itself says the token expired (its TTL is one second). */
    private static void awaitExpiry(TestPlatform p, String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (p.http().get("/api/auth/verify", token).status() == 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("token never expired");
            }
            Thread.sleep(200);
        }
    }
}
