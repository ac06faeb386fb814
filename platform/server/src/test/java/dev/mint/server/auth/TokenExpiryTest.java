package dev.mint.server.auth;

import static dev.mint.server.test.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Session expiry is wall-clock by design, so these tests run servers with second-long lifetimes and wait
 * for the clock to pass a token's expiry.
 */
class TokenExpiryTest {

    /** Waits until the wall clock is past {@code instant}; bounded so a wrong expiry cannot hang the suite. */
    static void waitUntilPast(Instant instant) throws InterruptedException {
        assertThat(instant).as("expiry to wait for").isBefore(Instant.now().plusSeconds(30));
        while (!Instant.now().isAfter(instant)) {
            Thread.sleep(Math.max(1, Duration.between(Instant.now(), instant).toMillis() + 1));
        }
    }

    static Instant expiresAt(TestHttp http, String token) {
        TestHttp.Response verify = http.get("/api/auth/verify", token);
        assertThat(verify.status()).as("verify %s", verify).isEqualTo(200);
        return Instant.parse(verify.json().get("expires_at").asText());
    }

    @Test
    void tokenStopsWorkingAtItsExpiryAndCanStillBeRefreshedWithinTheGrace() throws InterruptedException {
        try (TestPlatform platform = TestPlatform.start(b -> b.tokenTtl(Duration.ofSeconds(3)))) {
            TestHttp http = platform.http();
            String token = platform.adminToken();
            Instant expiresAt = expiresAt(http, token);
            assertThat(expiresAt).isBetween(Instant.now(), Instant.now().plusSeconds(3));

            waitUntilPast(expiresAt);

            JsonNode body = assertError(http.get("/api/auth/verify", token), 401, "UNAUTHORIZED");
            assertThat(body.get("message").asText()).isEqualTo("Token expired");
            assertError(http.get("/api/users/me", token), 401, "UNAUTHORIZED");

            TestHttp.Response refreshed = http.post("/api/auth/refresh", token, "{}");
            assertThat(refreshed.status()).as("refresh %s", refreshed).isEqualTo(200);
            String fresh = refreshed.json().get("access_token").asText();
            assertThat(fresh).isNotEqualTo(token);
            assertThat(refreshed.json().get("expires_in").asLong()).isEqualTo(3);
            assertThat(http.get("/api/users/me", fresh).json().get("username").asText()).isEqualTo("admin");
        }
    }

    @Test
    void tokenExpiredLongerThanTheGraceCannotBeRefreshed() throws InterruptedException {
        try (TestPlatform platform = TestPlatform.start(b -> b.tokenTtl(Duration.ofSeconds(1))
                .refreshGrace(Duration.ofSeconds(1)))) {
            TestHttp http = platform.http();
            String token = platform.adminToken();
            Instant issuedAt = Instant.now();

            // A 1 s token expires at most 1 s after issue; 1 s of grace later it is gone for good.
            waitUntilPast(issuedAt.plusSeconds(2));

            JsonNode body = assertError(http.post("/api/auth/refresh", token, "{}"), 401, "UNAUTHORIZED");
            assertThat(body.get("message").asText()).isEqualTo("Token expired");
            assertError(http.get("/api/auth/verify", token), 401, "UNAUTHORIZED");
        }
    }
}
