package dev.mint.server.auth;

import static dev.mint.server.test.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoginRateLimitTest {
    static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(b -> b.loginAttemptsPerMinute(3));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void fourthAttemptWithinTheMinuteIsRateLimitedEvenWithTheRightPassword() {
        TestHttp http = platform.http();
        Map<String, String> right = Map.of("username", "admin", "password", TestPlatform.ADMIN_PASSWORD);
        Map<String, String> wrong = Map.of("username", "admin", "password", "wrong-password");

        String token = http.post("/api/auth/login", null, right).json().get("access_token").asText();
        assertThat(http.post("/api/auth/login", null, wrong).status()).isEqualTo(401);
        assertThat(http.post("/api/auth/login", null, Map.of("username", "admin")).status()).isEqualTo(422);

        TestHttp.Response limited = http.post("/api/auth/login", null, right);

        JsonNode body = assertError(limited, 429, "RATE_LIMITED");
        assertThat(body.has("access_token")).isFalse();
        assertThat(limited.header("Retry-After")).matches("[0-9]+");
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(body.at("/details/retry_after").asLong()).isEqualTo(retryAfter);

        assertError(http.post("/api/auth/login", null, right), 429, "RATE_LIMITED");
        // The limit guards password guessing only; a session already held keeps working.
        assertThat(http.get("/api/auth/verify", token).status()).isEqualTo(200);
        assertThat(http.post("/api/auth/refresh", token, "{}").status()).isEqualTo(200);
    }
}
