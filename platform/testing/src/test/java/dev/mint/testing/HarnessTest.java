package dev.mint.testing;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.sdk.AnalysisPlugin;
import dev.mint.sdk.ConflictException;
import dev.mint.sdk.HealthStatus;
import dev.mint.sdk.LifecycleHookResult;
import dev.mint.sdk.PlatformContext;
import dev.mint.sdk.PluginCapabilities;
import dev.mint.sdk.PluginDatabase;
import dev.mint.sdk.PluginMetadata;
import dev.mint.sdk.PluginRouter;
import dev.mint.sdk.migrations.Column;
import dev.mint.sdk.migrations.MigrationOps;
import dev.mint.sdk.migrations.PluginMigration;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessTest {
    @Test
    void testPluginRoutesMountUnderApiPrefixWithHooksAndHealth() {
        AnalysisPlugin plugin = PluginTesting.makeTestPlugin("demo")
                .routes(() -> get("/hi", ctx -> ctx.json(Map.of("hello", "world"))))
                .routes("/v1", () -> get("/ping", ctx -> ctx.result("pong")))
                .beforeSave((id, data) -> data.containsKey("bad") ? LifecycleHookResult.veto("bad wells") : LifecycleHookResult.ok())
                .health(HealthStatus.DEGRADED, "slow upstream")
                .build();
        assertThat(plugin.metadata().routesPrefix()).isEqualTo("/demo");
        assertThat(plugin.onBeforeExperimentSave(1, Map.of("bad", 1)).message()).contains("bad wells");
        assertThat(plugin.onBeforeExperimentSave(1, Map.of()).success()).isTrue();
        try (TestApp app = PluginTesting.buildTestApp(plugin)) {
            assertThat(app.get("/api/demo/hi").json().get("hello").asText()).isEqualTo("world");
            assertThat(app.get("/api/demo/v1/ping").body()).isEqualTo("pong");
            assertThat(app.get("/health").json().get("status").asText()).isEqualTo("degraded");
            TestResponse missing = app.get("/api/demo/nope");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("error").asText()).isEqualTo("NOT_FOUND");
            assertThat(missing.header("X-Request-Id")).isPresent();
        }
    }

    @Test
    void recordingContextStoresDesignAndAnalysisThroughThePluginMethods() {
        RecordingContext context = new RecordingContext();
        AnalysisPlugin plugin = PluginTesting.makeTestPlugin("panel")
                .capabilities(PluginCapabilities.builder().requiresDatabase().build()).build();
        try (TestApp app = PluginTesting.buildTestApp(plugin, context)) {
            assertThat(plugin.isStandalone()).isFalse();
            assertThat(plugin.loadDesign(7)).isEmpty();
            assertThat(plugin.saveDesign(7, Map.of("wells", 96)).orElseThrow().schemaVersion()).isEqualTo("1.0");
            assertThat(plugin.loadDesign(7).orElseThrow().data()).containsEntry("wells", 96);
            assertThat(plugin.saveAnalysis(7, Map.of("ic50", 0.4)).orElseThrow().pluginId()).isEqualTo("panel");
            AnalysisPlugin.Saved both = plugin.load(7);
            assertThat(both.design()).isPresent();
            assertThat(both.analysis().orElseThrow().result()).containsEntry("ic50", 0.4);
            assertThat(plugin.deleteAnalysis(7)).isTrue();
            assertThat(plugin.deleteAnalysis(7)).isFalse();
            assertThat(plugin.deleteDesign(7)).isTrue();
            assertThat(context.calls("saveExperimentData")).singleElement()
                    .satisfies(call -> assertThat(call.args()).containsExactly(7L, "panel", Map.of("wells", 96), "1.0"));

            context.pluginDataRepository().orElseThrow().saveExperimentData(8, "other", Map.of(), "1.0");
            assertThatThrownBy(() -> plugin.saveDesign(8, Map.of())).isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void standaloneConvenienceMethodsDoNothing() {
        AnalysisPlugin plugin = PluginTesting.makeTestPlugin("alone").build();
        try (TestApp app = PluginTesting.buildTestApp(plugin, null)) {
            assertThat(plugin.isStandalone()).isTrue();
            assertThat(plugin.saveDesign(1, Map.of("a", 1))).isEmpty();
            assertThat(plugin.loadAnalysis(1)).isEmpty();
            assertThat(plugin.save(1, Map.of(), Map.of()).design()).isEmpty();
            assertThat(plugin.deleteDesign(1)).isFalse();
        }
    }

    @Test
    void authenticationAndPluginRolesGuardRoutes() {
        RecordingContext context = new RecordingContext();
        AnalysisPlugin[] holder = new AnalysisPlugin[1];
        holder[0] = PluginTesting.makeTestPlugin("guarded")
                .capabilities(PluginCapabilities.builder().requiresAuth().build())
                .routes(() -> {
                    get("/me", ctx -> ctx.json(Map.of("user", holder[0].requireContext().requireUser(ctx).username())));
                    post("/admin-only", ctx -> {
                        holder[0].requireContext().requirePluginRole("editor", "admin").handle(ctx);
                        ctx.status(204);
                    });
                }).build();
        try (TestApp app = PluginTesting.buildTestApp(holder[0], context)) {
            assertThat(app.get("/api/guarded/me").json().get("user").asText()).isEqualTo("test-user");
            assertThat(app.post("/api/guarded/admin-only", Map.of()).status()).isEqualTo(403);
            context.pluginRoleRepository().orElseThrow().setRole("guarded", RecordingContext.TEST_USER.id(), "editor");
            assertThat(app.post("/api/guarded/admin-only", Map.of()).status()).isEqualTo(204);

            context.setCurrentUser(RecordingContext.user(2, "root", "admin"));
            assertThat(app.post("/api/guarded/admin-only", Map.of()).status()).isEqualTo(204);

            context.signOut();
            TestResponse anonymous = app.get("/api/guarded/me");
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.json().get("error").asText()).isEqualTo("UNAUTHORIZED");
        }
    }

    @Test
    void standalonePluginModuleRunsAsAProcess(@TempDir Path dir) throws Exception {
        Path file = PluginTesting.writeStandalonePluginModule(dir, "proc-plugin");
        assertThat(file.getFileName().toString()).isEqualTo("ProcPluginMain.java");
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(javaBinary, "-cp", System.getProperty("java.class.path"), file.toString(), "0")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int port = -1;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("listening on ")) {
                    port = Integer.parseInt(line.substring("listening on ".length()).trim());
                    break;
                }
            }
            assertThat(port).as("process output:\n%s", seen).isPositive();
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/api/proc-plugin/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"plugin\":\"proc-plugin\"");
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> PluginTesting.writeStandalonePluginModule(dir, "Bad Name"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionAndTypeOfTestPluginsCanBeSet() {
        AnalysisPlugin plugin = PluginTesting.makeTestPlugin("typed").version("2.0.0")
                .pluginType(dev.mint.sdk.PluginType.EXPERIMENT_DESIGN).dependencies(List.of("demo")).build();
        assertThat(plugin.metadata().version()).isEqualTo("2.0.0");
        assertThat(plugin.metadata().pluginType()).isEqualTo(dev.mint.sdk.PluginType.EXPERIMENT_DESIGN);
        assertThat(plugin.metadata().dependencies()).containsExactly("demo");
    }

    /** Counts rows in a table its migration creates: the harness must migrate a database for it. */
    static final class Counter extends AnalysisPlugin {
        @Override
        public PluginMetadata metadata() {
            return PluginMetadata.builder("counter", "1.0.0")
                    .capabilities(PluginCapabilities.builder().requiresSharedDatabase().build()).build();
        }

        @Override
        public List<PluginMigration> migrations() {
            return List.of(new PluginMigration() {
                public int version() {
                    return 1;
                }

                public String name() {
                    return "hits";
                }

                public void upgrade(MigrationOps ops) {
                    ops.createTable("hits", Column.id("id"));
                }
            });
        }

        @Override
        public List<PluginRouter> routers() {
            return List.of(PluginRouter.of(() -> io.javalin.apibuilder.ApiBuilder.post("/hit", ctx -> {
                PluginDatabase db = pluginDatabase();
                db.jdbi().useHandle(h -> h.execute("INSERT INTO " + db.table("hits") + " DEFAULT VALUES"));
                ctx.json(Map.of("hits", db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + db.table("hits"))
                        .mapTo(Integer.class).one())));
            })));
        }

        @Override
        public void initialize(PlatformContext context) {
        }

        @Override
        public void shutdown() {
        }
    }

    @Test
    void pluginsWithTablesGetAFreshMigratedDatabaseIntegratedAndStandalone() {
        RecordingContext context = new RecordingContext();
        try (TestApp app = PluginTesting.buildTestApp(new Counter(), context)) {
            assertThat(context.hasDatabase()).isTrue();
            app.post("/api/counter/hit", null);
            assertThat(app.post("/api/counter/hit", null).json().get("hits").asInt()).isEqualTo(2);
        }
        assertThat(context.hasDatabase()).isFalse();
        try (TestApp app = PluginTesting.buildTestApp(new Counter(), context)) {
            assertThat(app.post("/api/counter/hit", null).json().get("hits").asInt()).as("a fresh database").isEqualTo(1);
        }
        Counter standalone = new Counter();
        try (TestApp app = PluginTesting.buildTestApp(standalone, null)) {
            assertThat(app.post("/api/counter/hit", null).json().get("hits").asInt()).isEqualTo(1);
            assertThat(standalone.localDatabase()).isPresent();
        }
        assertThat(standalone.localDatabase()).isEmpty();
    }
}
