package dev.mint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.client.model.TokenResponse;
import dev.mint.server.test.TestPlatform;
import java.nio.file.Path;
import java.time.Duration;
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

/** A 401 with a token set leads to one refresh and one resend, never more. Tokens here live one second. */
class TokenRefreshTest {
    static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(b -> b.tokenTtl(Duration.ofSeconds(1)));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static void waitForExpiry() throws InterruptedException {
        Thread.sleep(2_100);
    }

    @Test
    void expiredTokenIsRefreshedOnceAndTheCallSucceeds() throws Exception {
        List<TokenResponse> refreshes = new CopyOnWriteArrayList<>();
        try (MintClient client = Clients.isolated().baseUrl(platform.baseUrl()).onTokenRefresh(refreshes::add)
                .credentials("admin", TestPlatform.ADMIN_PASSWORD).build()) {
            String original = client.token().orElseThrow();
            waitForExpiry();
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
                .credentials("admin", TestPlatform.ADMIN_PASSWORD).build()) {
            waitForExpiry();
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
        String original = platform.login("admin", TestPlatform.ADMIN_PASSWORD);
        store.save(StoredCredentials.empty().withHost(platform.baseUrl(), HostCredentials.bearer(original, "admin", null)));
        try (MintClient client = MintClient.builder().environment(env).build()) {
            waitForExpiry();
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
                .token(platform.login("admin", TestPlatform.ADMIN_PASSWORD)).build()) {
            waitForExpiry();
            assertThat(client.whoami().username()).isEqualTo("admin");
        }
        assertThat(CredentialsStore.forEnvironment(env).load()).isEmpty();
    }
}
