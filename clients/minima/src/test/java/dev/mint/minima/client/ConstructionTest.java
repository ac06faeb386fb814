package dev.mint.minima.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.client.core.StubServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where a client finds its URL and key: builder, then MINIMA_*, then MINT_URL / MINT_TOKEN, then the default. */
class ConstructionTest {
    private final StubServer server = new StubServer();
    private final Map<String, String> env = new HashMap<>();

    @AfterEach
    void stop() {
        server.close();
    }

    /** Calls health with a client built from {@link #env} and returns the request the server saw. */
    private StubServer.Received healthWith(MinimaClient.Builder builder) {
        server.enqueue(200, "{\"status\": \"ok\"}");
        try (MinimaClient client = builder.environment(env).build()) {
            client.health();
        }
        return server.received().get(server.received().size() - 1);
    }

    @Test
    void createTakesUrlAndKeyWithOrWithoutTrailingSlash() {
        server.enqueue(200, "{\"status\": \"ok\"}").enqueue(200, "{\"status\": \"ok\"}");
        try (MinimaClient a = MinimaClient.create(server.baseUrl() + "/api/minima", "k1");
             MinimaClient b = MinimaClient.create(server.baseUrl() + "/api/minima///", "k2")) {
            assertThat(a.baseUrl()).isEqualTo(server.baseUrl() + "/api/minima");
            assertThat(b.baseUrl()).isEqualTo(server.baseUrl() + "/api/minima");
            a.health();
            b.health();
        }
        assertThat(server.received()).extracting(StubServer.Received::path)
                .containsExactly("/api/minima/v1/health", "/api/minima/v1/health");
        assertThat(server.received()).extracting(r -> r.header("Authorization")).containsExactly("Bearer k1", "Bearer k2");
    }

    @Test
    void minimaVariablesAreUsed() {
        env.put("MINIMA_BASE_URL", server.baseUrl() + "/custom/");
        env.put("MINIMA_API_KEY", "mbt_env_key_x");
        env.put("MINT_URL", "http://127.0.0.1:1");
        env.put("MINT_TOKEN", "platform-token");
        StubServer.Received received = healthWith(MinimaClient.builder());
        assertThat(received.path()).isEqualTo("/custom/v1/health");
        assertThat(received.header("Authorization")).isEqualTo("Bearer mbt_env_key_x");
    }

    @Test
    void mintPlatformVariablesAreTheFallback() {
        env.put("MINT_URL", server.baseUrl() + "/");
        env.put("MINT_TOKEN", "platform-token");
        StubServer.Received received = healthWith(MinimaClient.builder());
        assertThat(received.path()).isEqualTo("/api/minima/v1/health");
        assertThat(received.header("Authorization")).isEqualTo("Bearer platform-token");
    }

    @Test
    void platformTokenIsNeverSentToAnotherMinima() {
        env.put("MINIMA_BASE_URL", server.baseUrl());
        env.put("MINT_TOKEN", "platform-token");
        assertThat(healthWith(MinimaClient.builder()).header("Authorization")).isNull();
        assertThat(healthWith(MinimaClient.builder().baseUrl(server.baseUrl())).header("Authorization")).isNull();
    }

    @Test
    void builderSettingsBeatTheEnvironment() {
        env.put("MINIMA_BASE_URL", "http://127.0.0.1:1");
        env.put("MINIMA_API_KEY", "env-key");
        StubServer.Received received = healthWith(MinimaClient.builder().baseUrl(server.baseUrl()).apiKey("given-key"));
        assertThat(received.header("Authorization")).isEqualTo("Bearer given-key");
    }

    @Test
    void blankValuesCountAsUnset() {
        env.put("MINIMA_BASE_URL", "  ");
        env.put("MINIMA_API_KEY", "");
        env.put("MINT_URL", server.baseUrl());
        StubServer.Received received = healthWith(MinimaClient.builder().apiKey(" "));
        assertThat(received.path()).isEqualTo("/api/minima/v1/health");
        assertThat(received.header("Authorization")).isNull();
    }

    @Test
    void defaultIsTheLocalPlatform() {
        try (MinimaClient client = MinimaClient.builder().environment(Map.of()).build();
             AsyncMinimaClient async = AsyncMinimaClient.builder().environment(Map.of()).build()) {
            assertThat(client.baseUrl()).isEqualTo("http://127.0.0.1:8001/api/minima");
            assertThat(async.baseUrl()).isEqualTo("http://127.0.0.1:8001/api/minima");
        }
    }

    @Test
    void invalidUrlNamesWhereItCameFrom() {
        env.put("MINIMA_BASE_URL", "ftp://example.org");
        assertThatThrownBy(() -> MinimaClient.builder().environment(env).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MINIMA_BASE_URL")
                .hasMessageContaining("ftp://example.org");
        assertThatThrownBy(() -> MinimaClient.builder().environment(Map.of()).baseUrl("not a url").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
    }
}
