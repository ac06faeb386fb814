package dev.mint.server.auth;

import static dev.mint.server.test.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenVerifyTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static TestHttp http;
    static long adminId;

    @BeforeAll
    static void start() {
        http = platform.http();
        adminId = http.get("/api/users/me", platform.adminToken()).json().get("id").asLong();
    }

    /** The platform's own signing key, as kept in its data directory. */
    static Algorithm platformKey() throws IOException {
        String stored = Files.readString(platform.dataDir().resolve("jwt-secret")).trim();
        return Algorithm.HMAC256(Base64.getDecoder().decode(stored));
    }

    static String sign(Algorithm key, String issuer, String subject, Instant expiresAt) {
        return JWT.create().withIssuer(issuer).withSubject(subject).withClaim("name", "admin")
                .withIssuedAt(Instant.now()).withExpiresAt(expiresAt).sign(key);
    }

    static void assertRejected(String token, String message) {
        JsonNode body = assertError(http.get("/api/auth/verify", token), 401, "UNAUTHORIZED");
        assertThat(body.get("message").asText()).isEqualTo(message);
        assertError(http.get("/api/users/me", token), 401, "UNAUTHORIZED");
    }

    @Test
    void verifyNamesTheUserAndTheExpiry() {
        String token = platform.userToken("verified", "viewer");

        TestHttp.Response response = http.get("/api/auth/verify", token);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.properties()).extracting(Map.Entry::getKey).containsExactly("valid", "username", "expires_at");
        assertThat(body.get("valid").asBoolean()).isTrue();
        assertThat(body.get("username").asText()).isEqualTo("verified");
        assertThat(Instant.parse(body.get("expires_at").asText()))
                .isEqualTo(JWT.decode(token).getExpiresAtAsInstant())
                .isBetween(Instant.now().plus(Duration.ofHours(24)).minusSeconds(60), Instant.now().plus(Duration.ofHours(24)));
    }

    @Test
    void missingOrMalformedAuthorizationIsUnauthorized() {
        assertError(http.get("/api/auth/verify", null), 401, "UNAUTHORIZED");
        assertError(http.send("GET", "/api/auth/verify", null, null, Map.of("Authorization", "Basic YWRtaW46eA==")),
                401, "UNAUTHORIZED");
        assertError(http.send("GET", "/api/auth/verify", null, null, Map.of("Authorization", "Bearer")),
                401, "UNAUTHORIZED");
        assertRejected("garbage", "Invalid token");
        assertRejected("a.b.c", "Invalid token");
        assertRejected("mint_pat_doesnotexist", "Invalid token");
    }

    @Test
    void tokenSignedWithAnotherSecretIsRejected() {
        Algorithm other = Algorithm.HMAC256("another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8));

        assertRejected(sign(other, "mint", Long.toString(adminId), Instant.now().plusSeconds(3600)), "Invalid token");
    }

    @Test
    void unsignedTokenIsRejected() {
        String unsigned = JWT.create().withIssuer("mint").withSubject(Long.toString(adminId))
                .withExpiresAt(Instant.now().plusSeconds(3600)).sign(Algorithm.none());

        assertRejected(unsigned, "Invalid token");
    }

    @Test
    void tamperedPayloadIsRejected() {
        String[] parts = platform.adminToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"" + adminId + "\"", "\"sub\":\"" + (adminId + 1) + "\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertRejected(tampered, "Invalid token");
    }

    @Test
    void correctlySignedTokenMustStillComeFromThisPlatformForAnExistingUser() throws IOException {
        Algorithm key = platformKey();
        String wellFormed = sign(key, "mint", Long.toString(adminId), Instant.now().plusSeconds(3600));
        assertThat(http.get("/api/auth/verify", wellFormed).status()).isEqualTo(200);

        assertRejected(sign(key, "someone-else", Long.toString(adminId), Instant.now().plusSeconds(3600)), "Invalid token");
        assertRejected(sign(key, "mint", "not-a-number", Instant.now().plusSeconds(3600)), "Invalid token");
        assertRejected(sign(key, "mint", "999999", Instant.now().plusSeconds(3600)), "User no longer exists");
        assertRejected(sign(key, "mint", Long.toString(adminId), Instant.now().minusSeconds(60)), "Token expired");
    }
}
