package dev.mint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.client.model.Health;
import dev.mint.client.model.TokenResponse;
import dev.mint.client.model.TokenVerification;
import dev.mint.client.model.User;
import dev.mint.server.test.TestPlatform;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthApiTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();

    @Test
    void loginWhoamiVerifyRefreshLogout() {
        try (MintClient client = Clients.isolated().baseUrl(platform.baseUrl()).build()) {
            assertThat(client.token()).isEmpty();
            TokenResponse token = client.login("admin", TestPlatform.ADMIN_PASSWORD);
            assertThat(token.tokenType()).isEqualTo("bearer");
            assertThat(token.expiresIn()).isEqualTo(Duration.ofHours(24).toSeconds());
            assertThat(client.token()).contains(token.accessToken());

            User me = client.whoami();
            assertThat(me.username()).isEqualTo("admin");
            assertThat(me.role()).isEqualTo("admin");
            assertThat(me.isActive()).isTrue();
            assertThat(me.roleObj()).hasValueSatisfying(role -> assertThat(role.permissions()).contains("platform.configure"));

            TokenVerification verified = client.auth().verify();
            assertThat(verified.valid()).isTrue();
            assertThat(verified.username()).contains("admin");
            assertThat(verified.expiresAt()).hasValueSatisfying(at -> assertThat(at).isAfter(Instant.now()));

            TokenResponse refreshed = client.auth().refresh();
            assertThat(client.token()).contains(refreshed.accessToken());
            assertThat(client.whoami().username()).isEqualTo("admin");

            client.logout();
            assertThat(client.token()).isEmpty();
            assertThatThrownBy(client::whoami).isInstanceOfSatisfying(MintAuthenticationException.class,
                    e -> assertThat(e.status()).isEqualTo(401));
        }
    }

    @Test
    void constructionWithUsernameAndPasswordLogsIn() {
        platform.createUser("carol", "member");
        try (MintClient client = Clients.isolated().baseUrl(platform.baseUrl())
                .credentials("carol", "carol-password").build()) {
            assertThat(client.token()).isPresent();
            assertThat(client.whoami().username()).isEqualTo("carol");
        }
    }

    @Test
    void wrongPasswordFailsConstructionWithAuthenticationError() {
        assertThatThrownBy(() -> Clients.isolated().baseUrl(platform.baseUrl()).credentials("admin", "wrong").build())
                .isInstanceOfSatisfying(MintAuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).isEqualTo("Invalid credentials");
                });
    }

    @Test
    void healthNeedsNoToken() {
        try (MintClient client = Clients.isolated().baseUrl(platform.baseUrl()).build()) {
            Health health = client.health();
            assertThat(health.status()).isEqualTo("healthy");
            assertThat(health.version()).isPresent();
            assertThat(health.database()).hasValueSatisfying(db -> assertThat(db).isIn("sqlite", "postgresql"));
        }
    }

    @Test
    void apiTokensWorkAsBearerTokens() {
        long botId = platform.http().post("/api/admin/service-accounts", platform.adminToken(),
                java.util.Map.of("username", "ci-bot", "role", "member")).json().get("id").asLong();
        String pat = platform.http().post("/api/admin/users/" + botId + "/tokens", platform.adminToken(),
                java.util.Map.of("name", "ci")).json().get("token").asText();
        try (MintClient client = Clients.withToken(platform, pat)) {
            assertThat(client.whoami().isServiceAccount()).isTrue();
            assertThat(client.auth().verify().expiresAt()).isEmpty();
        }
    }
}
