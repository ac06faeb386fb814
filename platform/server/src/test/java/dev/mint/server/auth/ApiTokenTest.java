package dev.mint.server.auth;

import static dev.mint.server.test.ErrorAssertions.assertError;
import static dev.mint.server.test.ErrorAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiTokenTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static TestHttp http;
    static String admin;

    @BeforeAll
    static void start() {
        http = platform.http();
        admin = platform.adminToken();
    }

    static JsonNode createServiceAccount(String username) {
        TestHttp.Response response = http.post("/api/admin/service-accounts", admin,
                Map.of("username", username, "description", "CI robot"));
        assertThat(response.status()).as("create %s: %s", username, response).isEqualTo(201);
        return response.json();
    }

    static JsonNode createToken(long userId, Map<String, ?> body) {
        TestHttp.Response response = http.post("/api/admin/users/" + userId + "/tokens", admin, body);
        assertThat(response.status()).as("token for %s: %s", userId, response).isEqualTo(201);
        return response.json();
    }

    static JsonNode listedToken(long tokenId) {
        for (JsonNode token : http.get("/api/admin/tokens", admin).json().get("tokens")) {
            if (token.get("id").asLong() == tokenId) {
                return token;
            }
        }
        throw new AssertionError("Token " + tokenId + " is not listed");
    }

    static long tokenCount() {
        return http.get("/api/admin/tokens", admin).json().get("total").asLong();
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void serviceAccountIsAUserWithoutAPassword() {
        JsonNode account = createServiceAccount("robot-nopass");

        assertThat(account.get("is_service_account").asBoolean()).isTrue();
        assertThat(account.get("is_active").asBoolean()).isTrue();
        assertThat(account.get("role").asText()).isEqualTo("member");
        assertThat(account.get("description").asText()).isEqualTo("CI robot");
        assertThat(http.get("/api/users/" + account.get("id").asLong(), admin).json().get("is_service_account").asBoolean())
                .isTrue();
        for (String password : new String[] {"robot-nopass-password", "null", " "}) {
            TestHttp.Response login = http.post("/api/auth/login", null, Map.of("username", "robot-nopass", "password", password));
            assertThat(assertError(login, 401, "UNAUTHORIZED").get("message").asText()).isEqualTo("Invalid credentials");
        }
    }

    @Test
    void serviceAccountTakesARoleAndRejectsAnUnknownOne() {
        assertThat(http.post("/api/admin/service-accounts", admin, Map.of("username", "robot-viewer", "role", "viewer"))
                .json().get("role").asText()).isEqualTo("viewer");
        assertInvalid(http.post("/api/admin/service-accounts", admin, Map.of("username", "robot-bad", "role", "boss")), "role");
        assertInvalid(http.post("/api/admin/service-accounts", admin, Map.of("username", "-robot")), "username");
        assertError(http.post("/api/admin/service-accounts", admin, Map.of("username", "ROBOT-VIEWER")), 409, "CONFLICT");
        assertThat(http.get("/api/users?search=robot-bad", admin).json().get("total").asLong()).isZero();
    }

    @Test
    void createdTokenIsShownOnceAndWorksAsABearerCredential() {
        JsonNode account = createServiceAccount("robot-worker");
        long accountId = account.get("id").asLong();
        Instant before = Instant.now();

        JsonNode created = createToken(accountId, Map.of("name", "ci", "expires_in_days", 30));

        String token = created.get("token").asText();
        assertThat(token).matches("mint_pat_[0-9A-Za-z]{40}");
        assertThat(created.get("token_type").asText()).isEqualTo("bearer");
        assertThat(created.get("name").asText()).isEqualTo("ci");
        assertThat(created.get("user_id").asLong()).isEqualTo(accountId);
        assertThat(created.get("username").asText()).isEqualTo("robot-worker");
        assertThat(created.get("token_prefix").asText()).isEqualTo(token.substring(0, 13));
        assertThat(created.get("active").asBoolean()).isTrue();
        assertThat(created.get("revoked_at").isNull()).isTrue();
        Instant expiresAt = Instant.parse(created.get("expires_at").asText());
        assertThat(expiresAt).isBetween(before.plus(Duration.ofDays(30)).minusSeconds(2),
                Instant.now().plus(Duration.ofDays(30)));

        JsonNode me = http.get("/api/users/me", token).json();
        assertThat(me.get("username").asText()).isEqualTo("robot-worker");
        assertThat(me.get("is_service_account").asBoolean()).isTrue();

        JsonNode verify = http.get("/api/auth/verify", token).json();
        assertThat(verify.get("valid").asBoolean()).isTrue();
        assertThat(verify.get("username").asText()).isEqualTo("robot-worker");
        assertThat(Instant.parse(verify.get("expires_at").asText())).isEqualTo(expiresAt);

        TestHttp.Response experiment = http.post("/api/experiments", token, Map.of("name", "made by a robot"));
        assertThat(experiment.status()).as("create experiment: %s", experiment).isEqualTo(201);
        long experimentId = experiment.json().get("id").asLong();
        assertThat(http.get("/api/experiments/" + experimentId, admin).json().get("created_by").asLong()).isEqualTo(accountId);

        assertThat(listedToken(created.get("id").asLong()).get("last_used_at").isNull()).isFalse();
    }

    @Test
    void tokenWithoutExpiryHasNoExpiresAt() {
        long accountId = createServiceAccount("robot-forever").get("id").asLong();

        JsonNode created = createToken(accountId, Map.of("name", "forever"));

        assertThat(created.get("expires_at").isNull()).isTrue();
        JsonNode verify = http.get("/api/auth/verify", created.get("token").asText()).json();
        assertThat(verify.get("valid").asBoolean()).isTrue();
        assertThat(verify.get("expires_at").isNull()).isTrue();
    }

    @Test
    void personalUsersCanHaveTokensToo() {
        long userId = platform.createUser("token-person", "viewer").get("id").asLong();

        String token = createToken(userId, Map.of("name", "laptop")).get("token").asText();

        assertThat(http.get("/api/users/me", token).json().get("username").asText()).isEqualTo("token-person");
        assertError(http.post("/api/experiments", token, Map.of("name", "viewers may not")), 403, "PERMISSION_DENIED");
    }

    @Test
    void tokensOfEachKindCarryTheirClientsPrefixAndUsersMakeTheirOwn() {
        platform.createUser("key-maker", "member");
        String session = platform.login("key-maker", "key-maker-password");

        TestHttp.Response minima = http.post("/api/users/me/tokens", session, Map.of("name", "router", "kind", "minima"));
        TestHttp.Response tinker = http.post("/api/users/me/tokens", session, Map.of("name", "trainer", "kind", "tinker"));

        assertThat(minima.status()).as(minima.toString()).isEqualTo(201);
        assertThat(minima.json().get("token").asText()).startsWith("mbt_").hasSize(44);
        assertThat(tinker.json().get("token").asText()).startsWith("tml-");
        assertThat(listedToken(minima.json().get("id").asLong()).get("token_prefix").asText()).matches("mbt_.{4}");
        for (TestHttp.Response key : List.of(minima, tinker)) {
            assertThat(http.get("/api/users/me", key.json().get("token").asText()).json().get("username").asText())
                    .isEqualTo("key-maker");
        }
        assertInvalid(http.post("/api/users/me/tokens", session, Map.of("name", "x", "kind", "mubit")), "kind");
        assertThat(http.post("/api/users/me/tokens", null, Map.of("name", "x")).status()).isEqualTo(401);
        assertThat(http.get("/api/users/me", "mbt_" + "x".repeat(40)).status()).isEqualTo(401);
    }

    @Test
    void aCredentialMayComeInXApiKeyAndAuthorizationWins() {
        platform.createUser("x-key-user", "member");
        String session = platform.login("x-key-user", "x-key-user-password");
        String key = http.post("/api/users/me/tokens", session, Map.of("name", "sdk", "kind", "tinker")).json().get("token").asText();

        for (String credential : List.of(key, session)) {
            TestHttp.Response me = http.send("GET", "/api/users/me", null, null, Map.of("X-API-Key", credential));
            assertThat(me.status()).as(me.toString()).isEqualTo(200);
            assertThat(me.json().get("username").asText()).isEqualTo("x-key-user");
        }
        assertThat(http.send("GET", "/api/users/me", null, null, Map.of("X-API-Key", "tml-" + "x".repeat(40))).status())
                .isEqualTo(401);
        TestHttp.Response both = http.send("GET", "/api/users/me", admin, null, Map.of("X-API-Key", key));
        assertThat(both.json().get("username").asText()).isEqualTo("admin");
    }

    @Test
    void listingNeverRevealsTheTokenOrItsHash() throws Exception {
        long accountId = createServiceAccount("robot-secretive").get("id").asLong();
        JsonNode created = createToken(accountId, Map.of("name", "secret"));
        String token = created.get("token").asText();

        for (String path : new String[] {"/api/admin/tokens", "/api/admin/tokens?user_id=" + accountId}) {
            TestHttp.Response listing = http.get(path, admin);
            assertThat(listing.status()).isEqualTo(200);
            assertThat(listing.body()).doesNotContain(token).doesNotContain(token.substring(13))
                    .doesNotContain(sha256(token)).doesNotContain("token_hash").contains(token.substring(0, 13));
        }
        JsonNode own = http.get("/api/admin/tokens?user_id=" + accountId, admin).json();
        assertThat(own.get("total").asLong()).isEqualTo(1);
        assertThat(own.get("tokens").get(0).get("id").asLong()).isEqualTo(created.get("id").asLong());
        assertThat(own.get("tokens").get(0).has("token")).isFalse();
    }

    @Test
    void revokedTokenStopsWorkingAtOnceAndRevokingIsIdempotent() {
        long accountId = createServiceAccount("robot-revoked").get("id").asLong();
        JsonNode created = createToken(accountId, Map.of("name", "short-lived"));
        String token = created.get("token").asText();
        long tokenId = created.get("id").asLong();
        assertThat(http.get("/api/users/me", token).status()).isEqualTo(200);

        TestHttp.Response revoke = http.delete("/api/admin/tokens/" + tokenId, admin);

        assertThat(revoke.status()).isEqualTo(204);
        assertThat(revoke.body()).isEmpty();
        JsonNode body = assertError(http.get("/api/users/me", token), 401, "UNAUTHORIZED");
        assertThat(body.get("message").asText()).isEqualTo("Token has been revoked");
        assertError(http.get("/api/auth/verify", token), 401, "UNAUTHORIZED");
        JsonNode listed = listedToken(tokenId);
        assertThat(listed.get("active").asBoolean()).isFalse();
        Instant revokedAt = Instant.parse(listed.get("revoked_at").asText());

        assertThat(http.delete("/api/admin/tokens/" + tokenId, admin).status()).isEqualTo(204);
        assertThat(Instant.parse(listedToken(tokenId).get("revoked_at").asText())).isEqualTo(revokedAt);
        assertError(http.get("/api/users/me", token), 401, "UNAUTHORIZED");
    }

    @Test
    void revokingAnUnknownTokenIsNotFound() {
        assertError(http.delete("/api/admin/tokens/999999", admin), 404, "NOT_FOUND");
        assertInvalid(http.delete("/api/admin/tokens/abc", admin), "id");
    }

    @Test
    void expiryMustBeFromOneDayToTenYears() {
        long accountId = createServiceAccount("robot-expiry").get("id").asLong();
        long before = tokenCount();

        for (Object days : new Object[] {0, -1, 3651, 5000, "ten", 1.5, true}) {
            assertInvalid(http.post("/api/admin/users/" + accountId + "/tokens", admin,
                    Map.of("name", "bad", "expires_in_days", days)), "expires_in_days");
        }
        assertInvalid(http.post("/api/admin/users/" + accountId + "/tokens", admin, Map.of("expires_in_days", 5)), "name");
        assertInvalid(http.post("/api/admin/users/" + accountId + "/tokens", admin, Map.of("name", "  ")), "name");

        assertThat(tokenCount()).isEqualTo(before);
        assertThat(createToken(accountId, Map.of("name", "one", "expires_in_days", 1)).get("active").asBoolean()).isTrue();
        assertThat(createToken(accountId, Map.of("name", "max", "expires_in_days", 3650)).get("active").asBoolean()).isTrue();
    }

    @Test
    void tokenForAnUnknownUserIsNotFound() {
        long before = tokenCount();

        assertError(http.post("/api/admin/users/999999/tokens", admin, Map.of("name", "ghost")), 404, "NOT_FOUND");
        assertInvalid(http.post("/api/admin/users/x/tokens", admin, Map.of("name", "ghost")), "id");

        assertThat(tokenCount()).isEqualTo(before);
    }

    @Test
    void disabledUsersTokensStopWorkingAndNoNewOnesAreIssued() {
        long accountId = createServiceAccount("robot-disabled").get("id").asLong();
        String token = createToken(accountId, Map.of("name", "before")).get("token").asText();
        assertThat(http.patch("/api/admin/users/" + accountId, admin, Map.of("is_active", false)).status()).isEqualTo(200);

        JsonNode body = assertError(http.get("/api/users/me", token), 401, "UNAUTHORIZED");
        assertThat(body.get("message").asText()).isEqualTo("User account is disabled");
        long before = tokenCount();
        assertError(http.post("/api/admin/users/" + accountId + "/tokens", admin, Map.of("name", "after")), 409, "CONFLICT");
        assertThat(tokenCount()).isEqualTo(before);

        http.patch("/api/admin/users/" + accountId, admin, Map.of("is_active", true));
        assertThat(http.get("/api/users/me", token).status()).isEqualTo(200);
    }

    @Test
    void apiTokensCannotBeRefreshed() {
        long accountId = createServiceAccount("robot-refresh").get("id").asLong();
        JsonNode created = createToken(accountId, Map.of("name", "no-refresh"));
        String token = created.get("token").asText();

        JsonNode body = assertError(http.post("/api/auth/refresh", token, "{}"), 400, "NOT_REFRESHABLE");
        assertThat(body.has("access_token")).isFalse();

        http.delete("/api/admin/tokens/" + created.get("id").asLong(), admin);
        assertError(http.post("/api/auth/refresh", token, "{}"), 401, "UNAUTHORIZED");
    }

    @Test
    void serviceAccountHasNoPasswordToChange() {
        long accountId = createServiceAccount("robot-self").get("id").asLong();
        String token = createToken(accountId, Map.of("name", "self")).get("token").asText();

        assertInvalid(http.put("/api/users/me", token, Map.of("current_password", "x", "new_password", "a-new-password")),
                "new_password");
        assertThat(http.post("/api/auth/login", null, Map.of("username", "robot-self", "password", "a-new-password")).status())
                .isEqualTo(401);
    }
}
