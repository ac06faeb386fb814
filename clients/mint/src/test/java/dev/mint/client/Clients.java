package dev.mint.client;

import dev.mint.server.test.TestPlatform;
import java.nio.file.Path;
import java.util.Map;

/** MintClients for tests: never read the real user's environment or credentials. */
final class Clients {
    private Clients() {
    }

    static MintClient admin(TestPlatform platform) {
        return withToken(platform, platform.adminToken());
    }

    static MintClient withToken(TestPlatform platform, String token) {
        return isolated().baseUrl(platform.baseUrl()).token(token).build();
    }

    /** A builder whose environment is empty and whose credentials file lives in a directory nobody uses. */
    static MintClient.Builder isolated() {
        return MintClient.builder().environment(Map.of("HOME", Path.of(System.getProperty("java.io.tmpdir"),
                "mint-client-tests-no-home").toString()));
    }
}
