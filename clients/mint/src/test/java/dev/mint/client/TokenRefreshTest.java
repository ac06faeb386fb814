package dev.mint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.client.model.TokenResponse;
import dev.mint.server.test.TestPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 401 with a token set leads to one refresh and one resend, never more. Expired tokens come from an
 * issuer platform sharing the JWT secret whose tokens live one second; the platform under test issues
 * hour-long ones, so a refreshed token never expires during a test however slow the machine.
 */
class TokenRefreshTest {
    private static final String SECRET = "token-refresh-test-secret-0123456789abcdef";
    static TestPlatform platform;
    static final Deque<String> expiredTokens = new ArrayDeque<>();

    @BeforeAll
    static void start() throws InterruptedException {
        platform = TestPlatform.start(b -> b.jwtSecret(SECRET).tokenTtl(Duration.ofHours(1)));
        try (TestPlatform issuer = TestPlatform.start(b -> b.jwtSecret(SECRET).tokenTtl(Duration.ofSeconds(1)))) {
            for (int i = 0; i < 4; i++) {
                expiredTokens.add(issuer.login("admin", TestPlatform.ADMIN_PASSWORD));
            }
        }
        Thread.sleep(2_100);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** An admin session token of the platform under test that has expired (within the refresh grace). */
    private static synchronized String expiredToken() {
        return expiredTokens.pop();
    }

    @Test
    void expiredTokenIsRefreshedOnceAndTheCallSucceeds() throws Exception {
        List<TokenResponse> refreshes = new CopyOnWriteArrayList<>();
        String original = expiredToken();
        try (MintClient client = Clients.isolated().baseUrl(platform.baseUrl()).onTokenRefresh(refreshes::add)
                .token(original).build()) {
            assertThat(client.whoami().username()).isEqualTo("admin");
            assertThat(refreshes).hasSize(1);
            assertThat(client.token()).contains(refreshes.get(0).accessToken()).isNotEqualTo(original);
            assertThat(client.whoami().username()).isEqualTo("admin");
            assertThat(refreshes).hasSize(1);
        }
    }

    @Test
    void concurrentCallsShareOneRefresh() throws Exception {
        List<TokenResponse> refreshes = new CopyOnWriteArrayList<>();
        try (MintClient client = Clients.isolated().baseUrl(platform.baseUrl()).onTokenRefresh(refreshes::add)
                .token(expiredToken()).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> calls = new java.util.ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    calls.add(pool.submit(() -> client.whoami().username()));
                }
                for (Future<String> call : calls) {
                    assertThat(call.get()).isEqualTo("admin");
                }
            } finally {
                pool.shutdown();
            }
            assertThat(refreshes).hasSize(1);
        }
    }

    @Test
    void unrefreshableTokenRaisesAfterOneAttempt() {
        List<TokenResponse> refreshes = new CopyOnWriteArrayList<>();
        try (MintClient client = Clients.isolated().baseUrl(platform.baseUrl()).token("eyJ.garbage.token")
                .onTokenRefresh(refreshes::add).build()) {
            assertThatThrownBy(client::whoami).isInstanceOf(MintAuthenticationException.class);
            assertThat(refreshes).isEmpty();
        }
    }

    @Test
    void loginFailureIsNeverRefreshed() {
        try (MintClient client = Clients.withToken(platform, platform.adminToken())) {
            assertThatThrownBy(() -> client.login("admin", "wrong")).isInstanceOf(MintAuthenticationException.class);
            assertThat(client.token()).contains(platform.adminToken());
        }
    }

    @Test
    void tokenFromTheCredentialsFileIsWrittenBackWhenRefreshed(@TempDir Path home) throws Exception {
        Map<String, String> env = Map.of("HOME", home.toString());
        CredentialsStore store = CredentialsStore.forEnvironment(env);
        String original = expiredToken();
        store.save(StoredCredentials.empty().withHost(platform.baseUrl(), HostCredentials.bearer(original, "admin", null)));
        try (MintClient client = MintClient.builder().environment(env).build()) {
            assertThat(client.whoami().username()).isEqualTo("admin");
            HostCredentials saved = store.load().orElseThrow().forHost(platform.baseUrl()).orElseThrow();
            assertThat(saved.accessToken()).isEqualTo(client.token().orElseThrow()).isNotEqualTo(original);
            assertThat(saved.username()).contains("admin");
            assertThat(saved.expiresAt()).isPresent();
        }
    }

    @Test
    void explicitTokenIsNeverWrittenToTheFile(@TempDir Path home) throws Exception {
        Map<String, String> env = Map.of("HOME", home.toString());
        try (MintClient client = MintClient.builder().environment(env).baseUrl(platform.baseUrl())
                .token(expiredToken()).build()) {
            assertThat(client.whoami().username()).isEqualTo("admin");
        }
        assertThat(CredentialsStore.forEnvironment(env).load()).isEmpty();
    }
}
