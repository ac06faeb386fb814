package dev.mint.server.plugins;

import static dev.mint.server.test.ErrorAssertions.assertError;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.sdk.AnalysisPlugin;
import dev.mint.sdk.PluginCapabilities;
import dev.mint.sdk.PluginRouter;
import dev.mint.sdk.PluginType;
import dev.mint.sdk.data.ExperimentChanges;
import dev.mint.sdk.data.ExperimentQuery;
import dev.mint.sdk.data.ExperimentRepository;
import dev.mint.server.test.TestPlatform;
import dev.mint.testing.PluginTesting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The experiment repository plugins get: present only when declared, read-only for ANALYSIS plugins. */
class PluginRepositoriesTest {
    static TestPlatform platform;
    static String admin;

    /** Routes that drive the plugin's own experiment repository. */
    static AnalysisPlugin plugin(String name, PluginType type, PluginCapabilities capabilities) {
        return new Delegating(PluginTesting.makeTestPlugin(name).pluginType(type).capabilities(capabilities).build()) {
            private ExperimentRepository repo() {
                return requireContext().experimentRepository().orElseThrow(() ->
                        new dev.mint.sdk.ConfigurationException("no experiment repository", "capabilities"));
            }

            @Override
            public List<PluginRouter> routers() {
                return List.of(PluginRouter.of(() -> {
                    get("/has-repository", ctx -> ctx.json(Map.of("present", requireContext().experimentRepository().isPresent(),
                            "data", requireContext().pluginDataRepository().isPresent())));
                    get("/experiments/{id}", ctx -> ctx.json(repo().getById(Long.parseLong(ctx.pathParam("id"))).orElseThrow(
                            () -> new dev.mint.sdk.NotFoundException("no such experiment"))));
                    get("/experiments/{id}/has-design", ctx -> ctx.json(Map.of("has_design",
                            repo().hasDesignData(Long.parseLong(ctx.pathParam("id"))))));
                    get("/count", ctx -> ctx.json(Map.of("total", repo().listAll(ExperimentQuery.builder()
                            .search(ctx.queryParam("search")).build()).total())));
                    post("/experiments", ctx -> {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> body = ctx.bodyAsClass(Map.class);
                        ExperimentChanges.Builder fields = ExperimentChanges.builder();
                        body.forEach(fields::set);
                        ctx.status(201).json(repo().create(fields.build()));
                    });
                    patch("/experiments/{id}", ctx -> {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> body = ctx.bodyAsClass(Map.class);
                        ExperimentChanges.Builder fields = ExperimentChanges.builder();
                        body.forEach(fields::set);
                        ctx.json(repo().update(Long.parseLong(ctx.pathParam("id")), fields.build()).orElseThrow(
                                () -> new dev.mint.sdk.NotFoundException("no such experiment")));
                    });
                    delete("/experiments/{id}", ctx -> ctx.json(Map.of("deleted",
                            repo().delete(Long.parseLong(ctx.pathParam("id"))))));
                }));
            }
        };
    }

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(b -> b.plugins(List.of(
                plugin("reader", PluginType.ANALYSIS, PluginCapabilities.builder().requiresExperiments().build()),
                plugin("designer", PluginType.EXPERIMENT_DESIGN, PluginCapabilities.builder().requiresExperiments().build()),
                plugin("bare", PluginType.ANALYSIS, PluginCapabilities.none()))));
        admin = platform.adminToken();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void repositoriesArePresentOnlyWhenDeclared() {
        assertThat(platform.http().get("/api/reader/has-repository", null).json().get("present").asBoolean()).isTrue();
        assertThat(platform.http().get("/api/bare/has-repository", null).json().get("present").asBoolean()).isFalse();
        assertThat(platform.http().get("/api/bare/has-repository", null).json().get("data").asBoolean()).isFalse();
    }

    @Test
    void analysisPluginsReadButCannotWrite() {
        JsonNode made = platform.http().post("/api/experiments", admin, Map.of("name", "readable one", "notes", "n",
                "tags", Map.of("k", "v"))).json();
        JsonNode read = platform.http().get("/api/reader/experiments/" + made.get("id").asLong(), null).json();
        assertThat(read.get("name").asText()).isEqualTo("readable one");
        assertThat(read.get("experiment_code").asText()).isEqualTo(made.get("experiment_code").asText());
        assertThat(read.get("tags").get("k").asText()).isEqualTo("v");
        assertThat(platform.http().get("/api/reader/count?search=readable", null).json().get("total").asLong()).isEqualTo(1);
        String hasDesign = "/api/reader/experiments/" + made.get("id").asLong() + "/has-design";
        assertThat(platform.http().get(hasDesign, null).json().get("has_design").asBoolean()).isFalse();
        platform.http().put("/api/experiments/" + made.get("id").asLong() + "/data", admin,
                Map.of("plugin_id", "designer", "data", Map.of("wells", 1)));
        assertThat(platform.http().get(hasDesign, null).json().get("has_design").asBoolean()).isTrue();
        assertThat(platform.http().get("/api/reader/experiments/999999/has-design", null).json().get("has_design").asBoolean())
                .isFalse();

        JsonNode refused = assertError(platform.http().post("/api/reader/experiments", null,
                Map.of("name", "nope", "created_by", 1)), 403, "PERMISSION_DENIED");
        assertThat(refused.get("message").asText()).contains("ANALYSIS plugin");
        assertError(platform.http().send("DELETE", "/api/reader/experiments/" + made.get("id").asLong(), null, null, Map.of()),
                403, "PERMISSION_DENIED");
    }

    @Test
    void designPluginsCreateUpdateAndDeleteWithTheRoutesChecks() {
        JsonNode created = platform.http().post("/api/designer/experiments", null,
                Map.of("name", "designed", "experiment_type", "dose_response", "created_by", 1, "tags", Map.of("a", 1))).json();
        long id = created.get("id").asLong();
        assertThat(created.get("experiment_code").asText()).startsWith("EXP-");
        assertThat(created.get("status").asText()).isEqualTo("planned");
        assertThat(platform.http().get("/api/experiments/" + id, admin).json().get("created_by_user").get("username").asText())
                .isEqualTo("admin");

        JsonNode updated = platform.http().patch("/api/designer/experiments/" + id, null, Map.of("status", "ongoing")).json();
        assertThat(updated.get("status").asText()).isEqualTo("ongoing");

        assertError(platform.http().post("/api/designer/experiments", null, Map.of("name", "x")), 400, "VALIDATION_ERROR");
        assertError(platform.http().post("/api/designer/experiments", null,
                Map.of("name", "x", "created_by", 1, "experiment_type", "no_such_type")), 400, "VALIDATION_ERROR");
        assertError(platform.http().patch("/api/designer/experiments/" + id, null, Map.of("status", "exploded")),
                400, "VALIDATION_ERROR");
        assertError(platform.http().patch("/api/designer/experiments/" + id, null, Map.of("colour", "red")),
                400, "VALIDATION_ERROR");

        assertThat(platform.http().send("DELETE", "/api/designer/experiments/" + id, null, null, Map.of()).json()
                .get("deleted").asBoolean()).isTrue();
        assertError(platform.http().get("/api/experiments/" + id, admin), 404, "NOT_FOUND");
    }
}
