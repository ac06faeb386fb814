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

/** {@code /api/experiments/{id}/data}: one design record per experiment, owned by the plugin that saved it. */
class DesignDataTest {
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

    private static String data(long id) {
        return "/api/experiments/" + id + "/data";
    }

    private static JsonNode save(long id, Map<String, ?> body) {
        TestHttp.Response response = http().put(data(id), member, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode read(String token, long id) {
        TestHttp.Response response = http().get(data(id), token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static boolean hasDesignData(long id) {
        return api.get(member, id).get("has_design_data").asBoolean();
    }

    @Test
    void getBeforeAnySaveIs404() {
        long id = experiment("Empty");
        assertError(http().get(data(id), member), 404, "NOT_FOUND");
        assertThat(hasDesignData(id)).isFalse();
    }

    @Test
    void putAnswersTheRecordAndGetReturnsIt() {
        long id = experiment("Designed");
        Map<String, Object> design = Map.of("samples", List.of(Map.of("sample_name", "S1", "sample_type", "sample")));

        JsonNode saved = save(id, Map.of("plugin_id", "panel-designer", "data", design, "schema_version", "2.1"));

        List<String> keys = new ArrayList<>();
        saved.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("id", "experiment_id", "plugin_id", "data", "schema_version",
                "created_at", "updated_at");
        assertThat(saved.get("id").asLong()).isPositive();
        assertThat(saved.get("experiment_id").asLong()).isEqualTo(id);
        assertThat(saved.get("plugin_id").asText()).isEqualTo("panel-designer");
        assertThat(saved.get("data")).isEqualTo(tree(design));
        assertThat(saved.get("schema_version").asText()).isEqualTo("2.1");
        assertThat(Instant.parse(saved.get("created_at").asText())).isEqualTo(Instant.parse(saved.get("updated_at").asText()));
        assertThat(read(member, id)).isEqualTo(saved);
        assertThat(hasDesignData(id)).isTrue();
    }

    @Test
    void schemaVersionDefaultsTo1Point0() {
        long id = experiment("Unversioned");
        assertThat(save(id, Map.of("plugin_id", "p", "data", Map.of())).get("schema_version").asText()).isEqualTo("1.0");
        assertThat(read(member, id).get("schema_version").asText()).isEqualTo("1.0");
    }

    @Test
    void secondPutBySamePluginReplacesTheOneRecord() {
        long id = experiment("Revised");
        JsonNode first = save(id, Map.of("plugin_id", "panel-designer", "data", Map.of("old", 1, "kept", "no")));
        ExperimentApi.clockPast(first.get("updated_at"));

        JsonNode second = save(id, Map.of("plugin_id", "panel-designer", "data", Map.of("new", 2), "schema_version", "1.1"));

        assertThat(second.get("id")).isEqualTo(first.get("id"));
        assertThat(second.get("data")).isEqualTo(tree(Map.of("new", 2)));
        assertThat(second.get("schema_version").asText()).isEqualTo("1.1");
        assertThat(second.get("created_at")).isEqualTo(first.get("created_at"));
        assertThat(Instant.parse(second.get("updated_at").asText()))
                .isAfter(Instant.parse(first.get("updated_at").asText()));
        assertThat(read(member, id)).isEqualTo(second);
    }

    @Test
    void putByAnotherPluginIsConflictAndKeepsTheOwnersData() {
        long id = experiment("Owned");
        JsonNode owner = save(id, Map.of("plugin_id", "panel-designer", "data", Map.of("a", 1)));

        JsonNode error = assertError(http().put(data(id), member, Map.of("plugin_id", "other-plugin", "data", Map.of("b", 2))),
                409, "CONFLICT");

        assertThat(error.at("/details/conflict_field").asText()).isEqualTo("plugin_id");
        assertThat(read(member, id)).isEqualTo(owner);
    }

    @Test
    void deleteIs204ThenGetAndDeleteAre404AndAnotherPluginMayTakeOver() {
        long id = experiment("Cleared");
        save(id, Map.of("plugin_id", "panel-designer", "data", Map.of("a", 1)));

        TestHttp.Response response = http().delete(data(id), member);

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertError(http().get(data(id), member), 404, "NOT_FOUND");
        assertError(http().delete(data(id), member), 404, "NOT_FOUND");
        assertThat(hasDesignData(id)).isFalse();
        assertThat(save(id, Map.of("plugin_id", "other-plugin", "data", Map.of("b", 2))).get("plugin_id").asText())
                .isEqualTo("other-plugin");
        assertThat(hasDesignData(id)).isTrue();
    }

    @Test
    void hasDesignDataShowsInTheList() {
        long with = experiment("Listed with");
        long without = experiment("Listed without");
        save(with, Map.of("plugin_id", "p", "data", Map.of("x", true)));

        JsonNode page = api.list(member, "limit=500");
        for (JsonNode e : page.get("experiments")) {
            if (e.get("id").asLong() == with) {
                assertThat(e.get("has_design_data").asBoolean()).isTrue();
            } else if (e.get("id").asLong() == without) {
                assertThat(e.get("has_design_data").asBoolean()).isFalse();
            }
        }
    }

    @Test
    void savingTouchesTheExperimentsUpdatedAt() {
        JsonNode before = api.create(member, "Touched");
        long id = before.get("id").asLong();
        ExperimentApi.clockPast(before.get("updated_at"));
        save(id, Map.of("plugin_id", "p", "data", Map.of("x", 1)));
        assertThat(Instant.parse(api.get(member, id).get("updated_at").asText()))
                .isAfter(Instant.parse(before.get("updated_at").asText()));
    }

    static Stream<Arguments> invalidSaves() {
        return Stream.of(
                Arguments.of(Map.of("plugin_id", "p", "data", List.of(1, 2)), "data"),
                Arguments.of(Map.of("plugin_id", "p", "data", "text"), "data"),
                Arguments.of(Map.of("plugin_id", "p", "data", 3), "data"),
                Arguments.of(fields("plugin_id", "p", "data", null), "data"),
                Arguments.of(Map.of("plugin_id", "p"), "data"),
                Arguments.of(Map.of("data", Map.of()), "plugin_id"),
                Arguments.of(Map.of("plugin_id", "", "data", Map.of()), "plugin_id"),
                Arguments.of(Map.of("plugin_id", "bad id", "data", Map.of()), "plugin_id"),
                Arguments.of(Map.of("plugin_id", "-lead", "data", Map.of()), "plugin_id"),
                Arguments.of(Map.of("plugin_id", 5, "data", Map.of()), "plugin_id"),
                Arguments.of(Map.of("plugin_id", "p", "data", Map.of(), "schema_version", 2), "schema_version"));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("invalidSaves")
    void invalidSaveIs422AndStoresNothing(Map<String, ?> body, String field) {
        long id = experiment("Refused");

        assertInvalid(http().put(data(id), member, body), field);

        assertError(http().get(data(id), member), 404, "NOT_FOUND");
        assertThat(hasDesignData(id)).isFalse();
    }

    @Test
    void invalidSaveDoesNotTouchExistingData() {
        long id = experiment("Guarded");
        JsonNode saved = save(id, Map.of("plugin_id", "p", "data", Map.of("keep", "me")));

        assertInvalid(http().put(data(id), member, Map.of("plugin_id", "p", "data", List.of())), "data");

        assertThat(read(member, id)).isEqualTo(saved);
    }

    /** Several rounds, since one race may happen to run in sequence. */
    @Test
    void concurrentFirstSavesByDifferentPluginsLeaveExactlyOneOwner() {
        for (int round = 0; round < 10; round++) {
            long id = experiment("Contested " + round);

            List<TestHttp.Response> responses = ExperimentApi.inParallel(12, i -> http().put(data(id), member,
                    Map.of("plugin_id", "plugin-" + i, "data", Map.of("by", i))));

            List<TestHttp.Response> won = responses.stream().filter(r -> r.status() == 200).toList();
            assertThat(won).as("successful saves among %s", responses).hasSize(1);
            responses.stream().filter(r -> r.status() != 200).forEach(r -> assertError(r, 409, "CONFLICT"));
            assertThat(read(member, id)).isEqualTo(won.get(0).json());
        }
    }

    @Test
    void concurrentSavesBySamePluginAllSucceedOnOneRecord() {
        long id = experiment("Autosaved");

        List<TestHttp.Response> responses = ExperimentApi.inParallel(12, i -> http().put(data(id), member,
                Map.of("plugin_id", "panel-designer", "data", Map.of("revision", i))));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        assertThat(responses.stream().map(r -> r.json().get("id").asLong()).distinct()).hasSize(1);
        assertThat(read(member, id).at("/data/revision").asInt()).isBetween(0, 11);
    }

    @Test
    void viewerMayReadButNotWriteOrDelete() {
        long id = experiment("Read only");
        JsonNode saved = save(id, Map.of("plugin_id", "p", "data", Map.of("v", 1)));

        assertThat(read(viewer, id)).isEqualTo(saved);
        assertDenied(http().put(data(id), viewer, Map.of("plugin_id", "p", "data", Map.of("v", 2))), "experiments.edit");
        assertDenied(http().delete(data(id), viewer), "experiments.edit");

        assertThat(read(member, id)).isEqualTo(saved);
    }

    @Test
    void unknownExperimentIs404ForEveryVerb() {
        String path = data(987_654_321L);
        assertError(http().get(path, member), 404, "NOT_FOUND");
        assertError(http().put(path, member, Map.of("plugin_id", "p", "data", Map.of())), 404, "NOT_FOUND");
        assertError(http().delete(path, member), 404, "NOT_FOUND");
        assertInvalid(http().get("/api/experiments/x/data", member), "id");
    }

    @Test
    void nestedJsonRoundTripsExactly() {
        long id = experiment("Rich");
        String json = """
                {"plate": {"rows": 8, "cols": 12, "wells": [[1, 2.5, -3.75], [0, 1e-3, 9007199254740993]]},
                 "flags": [true, false, null],
                 "empty": {"list": [], "object": {}},
                 "text": "Zürich – 東京 – 🧪 \\"quoted\\" back\\\\slash\\nnew line\\ttab",
                 "deep": {"a": {"b": {"c": {"d": [{"e": "f"}]}}}},
                 "order": {"z": 1, "a": 2, "m": 3}}
                """;
        JsonNode expected = parse(json);
        String body = "{\"plugin_id\": \"panel-designer\", \"data\": " + json + "}";

        TestHttp.Response response = http().put(data(id), member, body);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("data")).isEqualTo(expected);
        assertThat(read(member, id).get("data")).isEqualTo(expected);
        assertThat(read(member, id).at("/data/text").asText()).isEqualTo("Zürich – 東京 – 🧪 \"quoted\" back\\slash\nnew line\ttab");
        assertThat(read(member, id).at("/data/plate/wells/1/2").asLong()).isEqualTo(9007199254740993L);
    }
}
