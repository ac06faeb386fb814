package dev.mint.server.plugins;

import static dev.mint.server.test.ErrorAssertions.assertError;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.sdk.AnalysisPlugin;
import dev.mint.sdk.HealthStatus;
import dev.mint.sdk.PluginCapabilities;
import dev.mint.sdk.migrations.MigrationOps;
import dev.mint.sdk.migrations.PluginMigration;
import dev.mint.server.test.TestPlatform;
import dev.mint.testing.PluginTesting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plugins given to the platform in its configuration: lifecycle, isolation, ordering, mounting, roles. */
class PluginHostTest {
    static final List<String> opened = Collections.synchronizedList(new ArrayList<>());
    static TestPlatform platform;
    static String admin;

    /** A test plugin whose initialize() records its name, or throws when {@code failure} is given. */
    static AnalysisPlugin recording(String name, List<String> dependencies, String failure) {
        AnalysisPlugin inner = PluginTesting.makeTestPlugin(name).dependencies(dependencies)
                .routes(() -> get("/hello", ctx -> ctx.result("hello from " + name))).build();
        return new Delegating(inner) {
            @Override
            public void initialize(dev.mint.sdk.PlatformContext context) {
                if (failure != null) {
                    throw new IllegalStateException(failure);
                }
                opened.add(name);
            }
        };
    }

    /** Guarded routes: auth required, a role-guarded action, and a way for the plugin itself to grant a role. */
    static final AnalysisPlugin GUARDED = new Delegating(PluginTesting.makeTestPlugin("guarded")
            .capabilities(PluginCapabilities.builder().requiresAuth().build()).build()) {
        @Override
        public List<dev.mint.sdk.PluginRouter> routers() {
            return List.of(dev.mint.sdk.PluginRouter.of(() -> {
                get("/me", ctx -> ctx.json(Map.of("username", requireContext().requireUser(ctx).username())));
                post("/grant/{user}", ctx -> {
                    requireContext().pluginRoleRepository().orElseThrow()
                            .setRole("guarded", Long.parseLong(ctx.pathParam("user")), "editor");
                    ctx.status(204);
                });
                post("/edit", ctx -> {
                    requireContext().requirePluginRole("editor").handle(ctx);
                    ctx.json(Map.of("edited", true));
                });
                post("/settings", ctx -> ctx.json(Map.of("revision",
                        requireContext().saveSettings(Map.of("threshold", 3)))));
            }));
        }
    };

    static final List<String> hookCalls = Collections.synchronizedList(new ArrayList<>());

    /** Hooks that record what they see and veto design data carrying a "forbidden" key. */
    static final AnalysisPlugin HOOKED = PluginTesting.makeTestPlugin("hooked")
            .capabilities(PluginCapabilities.builder().requiresDatabase().build())
            .beforeSave((id, data) -> data.containsKey("forbidden")
                    ? dev.mint.sdk.LifecycleHookResult.veto("wells overlap") : dev.mint.sdk.LifecycleHookResult.ok())
            .afterSave((id, data) -> hookCalls.add("after " + id + " " + data.keySet()))
            .statusChange((id, from, to) -> hookCalls.add("status " + id + " " + from + "->" + to))
            .build();

    /** Saves design data through its repository, the way plugin code does. */
    static final AnalysisPlugin WRITER = new Delegating(PluginTesting.makeTestPlugin("writer")
            .capabilities(PluginCapabilities.builder().requiresDatabase().build()).build()) {
        @Override
        public List<dev.mint.sdk.PluginRouter> routers() {
            return List.of(dev.mint.sdk.PluginRouter.of(() -> post("/design/{id}", ctx -> {
                long id = Long.parseLong(ctx.pathParam("id"));
                @SuppressWarnings("unchecked")
                Map<String, Object> body = ctx.bodyAsClass(Map.class);
                ctx.json(saveDesign(id, body).orElseThrow());
            })));
        }
    };

    static final PluginMigration BROKEN_MIGRATION = new PluginMigration() {
        @Override
        public int version() {
            return 1;
        }

        @Override
        public String name() {
            return "broken";
        }

        @Override
        public void upgrade(MigrationOps ops) {
            ops.execute("CREATE TABLE " + ops.table("half_done") + " (id INTEGER PRIMARY KEY)");
            ops.execute("THIS IS NOT SQL");
        }
    };

    @BeforeAll
    static void start() {
        AnalysisPlugin unhealthy = PluginTesting.makeTestPlugin("sickly").health(HealthStatus.DEGRADED, "upstream slow").build();
        AnalysisPlugin badMigration = new Delegating(PluginTesting.makeTestPlugin("bad-migration").build()) {
            @Override
            public List<PluginMigration> migrations() {
                return List.of(BROKEN_MIGRATION);
            }
        };
        platform = TestPlatform.start(b -> b.plugins(List.of(
                recording("zeta", List.of("alpha"), null),
                recording("alpha", List.of(), null),
                recording("exploding", List.of(), "no API key configured"),
                recording("needs-exploding", List.of("exploding"), null),
                recording("needs-missing", List.of("not-installed"), null),
                recording("cycle-a", List.of("cycle-b"), null),
                recording("cycle-b", List.of("cycle-a"), null),
                PluginTesting.makeTestPlugin("alpha").build(),
                PluginTesting.makeTestPlugin("squatter").routesPrefix("/alpha").build(),
                PluginTesting.makeTestPlugin("shadow").routesPrefix("/experiments").build(),
                unhealthy, badMigration, GUARDED, HOOKED, WRITER)));
        admin = platform.adminToken();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static JsonNode plugin(String name) {
        for (JsonNode plugin : platform.http().get("/api/plugins", admin).json().get("plugins")) {
            if (plugin.get("name").asText().equals(name)) {
                return plugin;
            }
        }
        throw new AssertionError("no plugin " + name);
    }

    @Test
    void readyPluginsAreMountedAndStartAfterTheirDependencies() {
        assertThat(plugin("alpha").get("status").asText()).isEqualTo("ready");
        assertThat(plugin("zeta").get("status").asText()).isEqualTo("ready");
        assertThat(opened.indexOf("alpha")).isLessThan(opened.indexOf("zeta"));
        assertThat(platform.http().get("/api/alpha/hello", null).body()).isEqualTo("hello from alpha");
        assertThat(platform.http().get("/api/zeta/hello", null).body()).isEqualTo("hello from zeta");
    }

    @Test
    void failuresAreIsolatedAndExplained() {
        assertThat(plugin("exploding").get("status").asText()).isEqualTo("failed");
        assertThat(plugin("exploding").get("error").asText()).contains("initialize() failed").contains("no API key configured");
        assertThat(plugin("needs-exploding").get("error").asText()).isEqualTo("depends on plugin 'exploding', which did not start");
        assertThat(plugin("needs-missing").get("error").asText()).isEqualTo("depends on plugin 'not-installed', which did not start");
        assertThat(plugin("cycle-a").get("error").asText()).startsWith("dependency cycle: cycle-a -> cycle-b -> cycle-a");
        assertThat(plugin("cycle-b").get("status").asText()).isEqualTo("failed");
        assertThat(plugin("squatter").get("error").asText()).contains("routes prefix /alpha is already used by plugin 'alpha'");
        assertThat(plugin("shadow").get("error").asText()).contains("would shadow the platform's /api/experiments routes");
        assertThat(plugin("bad-migration").get("error").asText()).startsWith("migration failed");
        assertThat(opened).doesNotContain("exploding", "needs-exploding", "needs-missing", "cycle-a", "cycle-b");
        assertError(platform.http().get("/api/exploding/hello", null), 404, "NOT_FOUND");
        assertThat(platform.http().get("/api/experiments", admin).status()).isEqualTo(200);
    }

    @Test
    void aDuplicateNameKeepsTheFirstAndFailsTheSecondEntry() {
        assertThat(platform.http().get("/api/alpha/hello", null).body()).isEqualTo("hello from alpha");
        assertThat(plugin("alpha").get("status").asText()).isEqualTo("ready");
        JsonNode duplicate = plugin("alpha (configuration)");
        assertThat(duplicate.get("status").asText()).isEqualTo("failed");
        assertThat(duplicate.get("error").asText()).isEqualTo("another plugin named 'alpha' is already installed");
    }

    @Test
    void failedMigrationLeavesNoHalfDoneTable() {
        Integer tables = platform.server().database().jdbi().withHandle(h -> h.createQuery(
                platform.server().database().dialect() == dev.mint.sdk.migrations.Dialect.SQLITE
                        ? "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '%half_done'"
                        : "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'half_done'")
                .mapTo(Integer.class).one());
        assertThat(tables).isZero();
    }

    @Test
    void healthReportsEachPluginsOwnCheck() {
        JsonNode plugins = platform.http().get("/api/health", null).json().get("plugins");
        JsonNode sickly = null;
        for (JsonNode p : plugins) {
            if (p.get("name").asText().equals("sickly")) {
                sickly = p;
            }
        }
        assertThat(sickly).isNotNull();
        assertThat(sickly.get("health").get("status").asText()).isEqualTo("degraded");
        assertThat(sickly.get("health").get("message").asText()).isEqualTo("upstream slow");
    }

    @Test
    void authRequiredRoutesAndPluginRoles() {
        assertError(platform.http().get("/api/guarded/me", null), 401, "UNAUTHORIZED");
        assertThat(platform.http().get("/api/guarded/me", admin).json().get("username").asText()).isEqualTo("admin");

        String member = platform.userToken("plugin-member", "member");
        long memberId = platform.http().get("/api/users/me", member).json().get("id").asLong();
        assertError(platform.http().post("/api/guarded/edit", member, Map.of()), 403, "PERMISSION_DENIED");
        assertThat(platform.http().post("/api/guarded/edit", admin, Map.of()).status()).isEqualTo(200);
        assertThat(platform.http().post("/api/guarded/grant/" + memberId, admin, Map.of()).status()).isEqualTo(204);
        assertThat(platform.http().post("/api/guarded/edit", member, Map.of()).json().get("edited").asBoolean()).isTrue();
    }

    @Test
    void savedSettingsLandInThePluginConfigStore() {
        String revision = platform.http().post("/api/guarded/settings", admin, Map.of()).json().get("revision").asText();
        JsonNode config = platform.http().get("/api/plugins/guarded/config", admin).json();
        assertThat(config.get("revision").asText()).isEqualTo(revision);
        assertThat(config.get("config").get("threshold").asInt()).isEqualTo(3);
    }

    @Test
    void hooksSeeDesignWritesAndStatusChangesAndCanVeto() {
        long id = platform.http().post("/api/experiments", admin, Map.of("name", "hooked experiment")).json().get("id").asLong();
        JsonNode vetoed = assertError(platform.http().put("/api/experiments/" + id + "/data", admin,
                Map.of("plugin_id", "writer", "data", Map.of("forbidden", true))), 400, "VALIDATION_ERROR");
        assertThat(vetoed.get("message").asText()).isEqualTo("Plugin 'hooked' rejected the design data: wells overlap");
        assertError(platform.http().get("/api/experiments/" + id + "/data", admin), 404, "NOT_FOUND");

        assertThat(platform.http().put("/api/experiments/" + id + "/data", admin,
                Map.of("plugin_id", "writer", "data", Map.of("wells", 96))).status()).isEqualTo(200);
        platform.http().patch("/api/experiments/" + id, admin, Map.of("status", "ongoing"));
        platform.http().patch("/api/experiments/" + id, admin, Map.of("name", "renamed"));
        assertThat(hookCalls).containsSubsequence("after " + id + " [wells]", "status " + id + " planned->ongoing");
        assertThat(hookCalls).filteredOn(c -> c.startsWith("status " + id)).hasSize(1);
    }

    @Test
    void pluginRepositoryWritesGoThroughTheSameHooks() {
        long id = platform.http().post("/api/experiments", admin, Map.of("name", "written by a plugin")).json().get("id").asLong();
        JsonNode saved = platform.http().post("/api/writer/design/" + id, admin, Map.of("plate", "96")).json();
        assertThat(saved.get("plugin_id").asText()).isEqualTo("writer");
        assertThat(platform.http().get("/api/experiments/" + id + "/data", admin).json().get("data").get("plate").asText())
                .isEqualTo("96");
        assertThat(hookCalls).contains("after " + id + " [plate]");
        JsonNode vetoed = assertError(platform.http().post("/api/writer/design/" + id, admin, Map.of("forbidden", 1)),
                400, "VALIDATION_ERROR");
        assertThat(vetoed.get("message").asText()).contains("wells overlap");
        assertError(platform.http().post("/api/writer/design/999999", admin, Map.of("a", 1)), 404, "NOT_FOUND");
    }
}
