package dev.mint.server.experiments;

import static dev.mint.server.experiments.ExperimentApi.assertDenied;
import static dev.mint.server.experiments.ExperimentApi.assertError;
import static dev.mint.server.experiments.ExperimentApi.assertInvalid;
import static dev.mint.server.experiments.ExperimentApi.fields;
import static dev.mint.server.experiments.ExperimentApi.parse;
import static dev.mint.server.experiments.ExperimentApi.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /api/experiments/{id}/results[/{plugin_id}]}: one analysis result per experiment and plugin. */
class AnalysisResultsTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static ExperimentApi api;
    static String member;
    static String viewer;

    @BeforeAll
    static void start() {
        api = new ExperimentApi(platform);
        member = platform.userToken("mia", "member");
        viewer = platform.userToken("vic", "viewer");
    }

    private static TestHttp http() {
        return platform.http();
    }

    private static long experiment(String name) {
        return api.create(member, name).get("id").asLong();
    }

    private static String results(long id) {
        return "/api/experiments/" + id + "/results";
    }

    private static String result(long id, String pluginId) {
        return results(id) + "/" + pluginId;
    }

    private static JsonNode save(long id, String pluginId, Map<String, ?> result) {
        TestHttp.Response response = http().put(result(id, pluginId), member, Map.of("result", result));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode read(String token, long id, String pluginId) {
        TestHttp.Response response = http().get(result(id, pluginId), token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode list(String token, long id) {
        TestHttp.Response response = http().get(results(id), token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void putAnswersTheRecordAndGetReturnsIt() {
        long id = experiment("Fitted");
        Map<String, Object> fit = Map.of("ic50", 0.42, "runs", List.of(Map.of("r2", 0.98)));

        JsonNode saved = save(id, "dose-response", fit);

        List<String> keys = new ArrayList<>();
        saved.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("id", "experiment_id", "plugin_id", "result", "created_at", "updated_at");
        assertThat(saved.get("id").asLong()).isPositive();
        assertThat(saved.get("experiment_id").asLong()).isEqualTo(id);
        assertThat(saved.get("plugin_id").asText()).isEqualTo("dose-response");
        assertThat(saved.get("result")).isEqualTo(tree(fit));
        assertThat(read(viewer, id, "dose-response")).isEqualTo(saved);
    }

    @Test
    void rePutReplacesTheResultAndKeepsItsId() {
        long id = experiment("Refitted");
        JsonNode first = save(id, "dose-response", Map.of("ic50", 1.0, "old", true));
        ExperimentApi.clockPast(first.get("updated_at"));

        JsonNode second = save(id, "dose-response", Map.of("ic50", 2.0));

        assertThat(second.get("id")).isEqualTo(first.get("id"));
        assertThat(second.get("result")).isEqualTo(tree(Map.of("ic50", 2.0)));
        assertThat(second.get("created_at")).isEqualTo(first.get("created_at"));
        assertThat(Instant.parse(second.get("updated_at").asText())).isAfter(Instant.parse(first.get("updated_at").asText()));
        assertThat(read(member, id, "dose-response")).isEqualTo(second);
        assertThat(list(member, id).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void listHoldsOneResultPerPluginOrderedByPluginId() {
        long id = experiment("Many analyses");
        JsonNode zeta = save(id, "zeta", Map.of("z", 1));
        JsonNode alpha = save(id, "alpha", Map.of("a", 1));
        JsonNode mid = save(id, "mid.plugin_2", Map.of("m", 1));
        long other = experiment("Someone else's");
        save(other, "alpha", Map.of("other", true));

        JsonNode page = list(member, id);

        List<String> keys = new ArrayList<>();
        page.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("results", "total");
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("results")).containsExactly(alpha, mid, zeta);
        assertThat(alpha.get("id")).isNotEqualTo(read(member, other, "alpha").get("id"));
    }

    @Test
    void experimentWithoutResultsListsNone() {
        long id = experiment("Unanalysed");
        JsonNode page = list(viewer, id);
        assertThat(page.get("results").isArray()).isTrue();
        assertThat(page.get("results").size()).isZero();
        assertThat(page.get("total").asInt()).isZero();
        assertError(http().get(result(id, "dose-response"), member), 404, "NOT_FOUND");
    }

    @Test
    void deleteIs204ThenGetAndDeleteAre404() {
        long id = experiment("Retracted");
        save(id, "fit", Map.of("v", 1));
        JsonNode kept = save(id, "plot", Map.of("v", 2));

        TestHttp.Response response = http().delete(result(id, "fit"), member);

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertError(http().get(result(id, "fit"), member), 404, "NOT_FOUND");
        assertError(http().delete(result(id, "fit"), member), 404, "NOT_FOUND");
        JsonNode page = list(member, id);
        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.get("results")).containsExactly(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad%20id", "-lead", ".dot", "semi;colon", "caf%C3%A9"})
    void invalidPluginIdInPathIs422(String pluginId) {
        long id = experiment("Odd plugin");

        assertInvalid(http().put(result(id, pluginId), member, Map.of("result", Map.of("x", 1))), "plugin_id");
        assertInvalid(http().get(result(id, pluginId), member), "plugin_id");
        assertInvalid(http().delete(result(id, pluginId), member), "plugin_id");

        assertThat(list(member, id).get("total").asInt()).isZero();
    }

    @Test
    void pluginIdOf100CharactersIsAcceptedAnd101Refused() {
        long id = experiment("Long plugin ids");
        String longest = "p".repeat(100);
        assertThat(save(id, longest, Map.of("ok", true)).get("plugin_id").asText()).isEqualTo(longest);
        assertInvalid(http().put(result(id, longest + "p"), member, Map.of("result", Map.of())), "plugin_id");
        assertThat(list(member, id).get("total").asInt()).isEqualTo(1);
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of(Map.of()),
                Arguments.of(fields("result", null)),
                Arguments.of(Map.of("result", List.of(1))),
                Arguments.of(Map.of("result", "done")),
                Arguments.of(Map.of("data", Map.of("x", 1))));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void missingOrNonObjectResultIs422AndStoresNothing(Map<String, ?> body) {
        long id = experiment("Bad result");

        assertInvalid(http().put(result(id, "fit"), member, body), "result");

        assertError(http().get(result(id, "fit"), member), 404, "NOT_FOUND");
        assertThat(list(member, id).get("total").asInt()).isZero();
    }

    @Test
    void invalidPutDoesNotTouchTheStoredResult() {
        long id = experiment("Guarded result");
        JsonNode saved = save(id, "fit", Map.of("keep", 1));

        assertInvalid(http().put(result(id, "fit"), member, Map.of("result", 7)), "result");

        assertThat(read(member, id, "fit")).isEqualTo(saved);
    }

    @Test
    void viewerMayReadButNotWriteOrDelete() {
        long id = experiment("Read-only results");
        JsonNode saved = save(id, "fit", Map.of("v", 1));

        assertThat(read(viewer, id, "fit")).isEqualTo(saved);
        assertThat(list(viewer, id).get("results")).containsExactly(saved);
        assertDenied(http().put(result(id, "fit"), viewer, Map.of("result", Map.of("v", 2))), "experiments.edit");
        assertDenied(http().put(result(id, "new"), viewer, Map.of("result", Map.of("v", 2))), "experiments.edit");
        assertDenied(http().delete(result(id, "fit"), viewer), "experiments.edit");

        assertThat(list(member, id).get("results")).containsExactly(saved);
    }

    @Test
    void unknownExperimentIs404ForEveryVerb() {
        long unknown = 987_654_321L;
        assertError(http().get(results(unknown), member), 404, "NOT_FOUND");
        assertError(http().get(result(unknown, "fit"), member), 404, "NOT_FOUND");
        assertError(http().put(result(unknown, "fit"), member, Map.of("result", Map.of())), 404, "NOT_FOUND");
        assertError(http().delete(result(unknown, "fit"), member), 404, "NOT_FOUND");
        assertInvalid(http().get("/api/experiments/abc/results", member), "id");
    }

    @Test
    void nestedResultRoundTripsExactly() {
        long id = experiment("Rich result");
        String json = """
                {"curve": {"x": [0.001, 0.01, 0.1, 1, 10], "y": [99.5, 97, 60.25, 12, -0.5]},
                 "params": {"hill": 1.2, "top": 100, "bottom": null, "converged": true},
                 "label": "IC₅₀ ≈ 0.42 µM – 🧫", "nested": [[[]], [{}]]}
                """;

        TestHttp.Response response = http().put(result(id, "dose-response"), member, "{\"result\": " + json + "}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("result")).isEqualTo(parse(json));
        assertThat(read(member, id, "dose-response").get("result")).isEqualTo(parse(json));
        assertThat(read(member, id, "dose-response").at("/result/label").asText()).isEqualTo("IC₅₀ ≈ 0.42 µM – 🧫");
    }
}
