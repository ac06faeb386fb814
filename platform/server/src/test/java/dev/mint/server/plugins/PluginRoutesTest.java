package dev.mint.server.plugins;

import static dev.mint.server.test.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.sdk.PluginMetadata;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PluginRoutesTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static String admin;

    @BeforeAll
    static void install() {
        admin = platform.adminToken();
        platform.server().plugins().register(PluginInfo.ready(PluginMetadata.builder("minima", "1.2.0")
                .description("Model recommendations").analysisType("llm-routing").build()));
        platform.server().plugins().register(PluginInfo.failed(PluginMetadata.builder("broken", "0.1.0").build(),
                "initialize() threw: missing API key"));
        for (String name : List.of("cfg-a", "cfg-b", "cfg-c", "cfg-d", "cfg-e", "cfg-race", "cfg-once")) {
            platform.server().plugins().register(PluginInfo.ready(PluginMetadata.builder(name, "1.0.0").build()));
        }
    }

    private static TestHttp http() {
        return platform.http();
    }

    private static TestHttp.Response withIfMatch(String method, String name, String ifMatch, Map<String, ?> config) {
        return http().send(method, "/api/plugins/" + name + "/config", admin, Map.of("config", config),
                Map.of("If-Match", ifMatch));
    }

    @Test
    void listsLoadedAndFailedPluginsByName() {
        JsonNode body = http().get("/api/plugins", admin).json();
        assertThat(body.get("total").asLong()).isEqualTo(9);
        JsonNode broken = body.get("plugins").get(0);
        assertThat(broken.get("name").asText()).isEqualTo("broken");
        assertThat(broken.get("status").asText()).isEqualTo("failed");
        assertThat(broken.get("error").asText()).contains("missing API key");
        JsonNode minima = body.get("plugins").get(8);
        assertThat(minima.get("name").asText()).isEqualTo("minima");
        assertThat(minima.get("plugin_type").asText()).isEqualTo("analysis");
        assertThat(minima.get("routes_prefix").asText()).isEqualTo("/minima");
        assertThat(minima.get("analysis_type").asText()).isEqualTo("llm-routing");

        JsonNode health = http().get("/api/health", null).json();
        assertThat(health.get("plugins")).hasSize(9);
        assertThat(health.get("plugins").get(0).get("status").asText()).isEqualTo("failed");
    }

    @Test
    void viewersListButCannotConfigureAndStrangersAreRejected() {
        String viewer = platform.userToken("plugin-viewer", "viewer");
        assertThat(http().get("/api/plugins", viewer).status()).isEqualTo(200);
        assertError(http().get("/api/plugins/minima/config", viewer), 403, "PERMISSION_DENIED");
        assertError(http().get("/api/plugins", null), 401, "UNAUTHORIZED");
    }

    @Test
    void configStartsEmptyAtRevisionZero() {
        TestHttp.Response response = http().get("/api/plugins/cfg-a/config", admin);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("plugin_name").asText()).isEqualTo("cfg-a");
        assertThat(response.json().get("config").size()).isZero();
        assertThat(response.json().get("revision").asText()).isEqualTo("0");
        assertThat(response.header("ETag")).isEqualTo("\"0\"");
    }

    @Test
    void patchMergesTopLevelKeysAndNullRemovesOne() {
        http().patch("/api/plugins/cfg-b/config", admin, Map.of("config", Map.of("a", 1, "nested", Map.of("x", 1))));
        Map<String, Object> changes = new HashMap<>();
        changes.put("a", null);
        changes.put("b", "two");
        changes.put("nested", Map.of("y", 2));
        TestHttp.Response response = http().patch("/api/plugins/cfg-b/config", admin, Map.of("config", changes));
        assertThat(response.status()).isEqualTo(200);
        JsonNode config = response.json().get("config");
        assertThat(config.has("a")).isFalse();
        assertThat(config.get("b").asText()).isEqualTo("two");
        assertThat(config.get("nested").toString()).isEqualTo("{\"y\":2}");
        assertThat(response.json().get("revision").asText()).isEqualTo("2");
        assertThat(http().get("/api/plugins/cfg-b/config", admin).json().get("config")).isEqualTo(config);
    }

    @Test
    void putReplacesAndIfMatchGuardsTheRevision() {
        http().put("/api/plugins/cfg-c/config", admin, Map.of("config", Map.of("old", true)));
        TestHttp.Response replaced = withIfMatch("PUT", "cfg-c", "\"1\"", Map.of("new", 1));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("config").toString()).isEqualTo("{\"new\":1}");
        assertThat(replaced.json().get("revision").asText()).isEqualTo("2");

        JsonNode stale = assertError(withIfMatch("PUT", "cfg-c", "\"1\"", Map.of("lost", 1)), 409, "CONFLICT");
        assertThat(stale.get("details").get("current_revision").asText()).isEqualTo("2");
        assertThat(withIfMatch("PATCH", "cfg-c", "W/\"2\"", Map.of("more", 1)).status()).isEqualTo(200);
        assertThat(withIfMatch("PUT", "cfg-c", "3", Map.of("plain", 1)).status()).isEqualTo(200);
        assertThat(withIfMatch("PUT", "cfg-c", "*", Map.of("any", 1)).json().get("revision").asText()).isEqualTo("5");
        assertError(withIfMatch("PUT", "cfg-c", "abc", Map.of()), 400, "BAD_REQUEST");
    }

    @Test
    void unknownPluginsAndBadBodies() {
        assertError(http().get("/api/plugins/nope/config", admin), 404, "NOT_FOUND");
        assertError(http().patch("/api/plugins/nope/config", admin, Map.of("config", Map.of())), 404, "NOT_FOUND");
        assertError(http().patch("/api/plugins/cfg-d/config", admin, Map.of("settings", Map.of())), 422, "VALIDATION_ERROR");
        assertError(http().put("/api/plugins/cfg-d/config", admin, Map.of("config", List.of(1))), 422, "VALIDATION_ERROR");
        assertError(http().put("/api/plugins/cfg-d/config", admin, "{\"config\": "), 400, "INVALID_JSON");
        assertThat(http().get("/api/plugins/cfg-d/config", admin).json().get("revision").asText()).isEqualTo("0");
        assertThat(http().get("/api/plugins/broken/config", admin).status()).isEqualTo(200);
    }

    @Test
    void writesAreAuditedWithKeysButNotValues() {
        http().patch("/api/plugins/cfg-e/config", admin, Map.of("config", Map.of("api_key", "sk-secret-value", "n", 1)));
        JsonNode events = http().get("/api/admin/audit?entity_type=plugin&entity_id=cfg-e", admin).json().get("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("action").asText()).isEqualTo("plugin.config.update");
        assertThat(events.get(0).get("details").get("keys").toString()).contains("api_key", "n");
        assertThat(events.get(0).toString()).doesNotContain("sk-secret-value");
    }

    @Test
    void concurrentPatchesOfDistinctKeysAllSurvive() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String key = "k" + i;
                results.add(pool.submit(() -> http().patch("/api/plugins/cfg-race/config", admin,
                        Map.of("config", Map.of(key, true))).status()));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        JsonNode stored = http().get("/api/plugins/cfg-race/config", admin).json();
        assertThat(stored.get("config").size()).isEqualTo(16);
        assertThat(stored.get("revision").asText()).isEqualTo("16");
    }

    @Test
    void concurrentReplacesWithTheSameRevisionHaveExactlyOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int writer = i;
                results.add(pool.submit(() -> withIfMatch("PUT", "cfg-once", "\"0\"", Map.of("writer", writer)).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(http().get("/api/plugins/cfg-once/config", admin).json().get("revision").asText()).isEqualTo("1");
    }
}
