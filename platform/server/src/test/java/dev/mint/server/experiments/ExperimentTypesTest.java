package dev.mint.server.experiments;

import static dev.mint.server.experiments.ExperimentApi.assertDenied;
import static dev.mint.server.experiments.ExperimentApi.assertError;
import static dev.mint.server.experiments.ExperimentApi.assertInvalid;
import static dev.mint.server.experiments.ExperimentApi.fields;
import static dev.mint.server.experiments.ExperimentApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Experiment types: the public list, and the admin routes that add, change and retire them. */
class ExperimentTypesTest {
    private static final String TYPES = "/api/experiments/experiment-types";
    private static final String ADMIN_TYPES = "/api/admin/experiment-types";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static ExperimentApi api;
    static String admin;
    static String member;
    static String viewer;

    @BeforeAll
    static void start() {
        api = new ExperimentApi(platform);
        admin = platform.adminToken();
        member = platform.userToken("mia", "member");
        viewer = platform.userToken("vic", "viewer");
    }

    private static TestHttp http() {
        return platform.http();
    }

    private static List<JsonNode> types(String token, String query) {
        TestHttp.Response response = http().get(TYPES + query, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
        return StreamSupport.stream(response.json().spliterator(), false).toList();
    }

    private static Optional<JsonNode> type(String value, boolean includeInactive) {
        return types(admin, includeInactive ? "?include_inactive=true" : "").stream()
                .filter(t -> t.get("value").asText().equals(value)).findFirst();
    }

    /** Adds a type as admin, asserting 201. */
    private static JsonNode addType(String value, String label) {
        TestHttp.Response response = http().post(ADMIN_TYPES, admin, Map.of("value", value, "label", label));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    @Test
    void listIsAnArrayOfTypesWithTheSeededOnesInSortOrder() {
        List<JsonNode> list = types(viewer, "");

        JsonNode custom = list.stream().filter(t -> t.get("value").asText().equals("custom")).findFirst().orElseThrow();
        assertThat(custom.get("label").asText()).isEqualTo("Custom");
        assertThat(custom.get("color").asText()).isEqualTo("#6b7280");
        assertThat(custom.get("active").asBoolean()).isTrue();
        List<String> values = list.stream().map(t -> t.get("value").asText()).toList();
        assertThat(values).contains("custom", "dose_response", "metabolomics");
        for (JsonNode t : list) {
            List<String> keys = new ArrayList<>();
            t.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).contains("value", "label", "color", "description", "sort_order", "active");
            assertThat(t.get("color").asText()).matches("#[0-9A-Fa-f]{6}");
        }
        assertThat(list).isSortedAccordingTo((a, b) -> Integer.compare(a.get("sort_order").asInt(), b.get("sort_order").asInt()));
    }

    @Test
    void listNeedsAuthentication() {
        assertError(http().get(TYPES, null), 401, "UNAUTHORIZED");
    }

    @Test
    void adminAddsATypeThatCreatesThenAccept() {
        String value = unique("flow_cytometry");
        TestHttp.Response response = http().post(ADMIN_TYPES, admin, fields("value", value, "label", "Flow cytometry",
                "color", "#FF8800", "description", "FACS runs", "sort_order", 7));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode created = response.json();
        assertThat(created.get("value").asText()).isEqualTo(value);
        assertThat(created.get("label").asText()).isEqualTo("Flow cytometry");
        assertThat(created.get("color").asText()).isEqualTo("#FF8800");
        assertThat(created.get("description").asText()).isEqualTo("FACS runs");
        assertThat(created.get("sort_order").asInt()).isEqualTo(7);
        assertThat(created.get("active").asBoolean()).isTrue();
        assertThat(type(value, false)).contains(created);

        JsonNode experiment = api.create(member, Map.of("name", "Sorted cells", "experiment_type", value));
        assertThat(experiment.get("experiment_type").asText()).isEqualTo(value);
    }

    @Test
    void newTypeGetsDefaultColorAndIsActive() {
        JsonNode created = addType(unique("plain"), "Plain");
        assertThat(created.get("color").asText()).matches("#[0-9A-Fa-f]{6}");
        assertThat(created.get("active").asBoolean()).isTrue();
        assertThat(created.get("description").isNull()).isTrue();
    }

    @Test
    void onlyAdminsMayAddTypes() {
        for (String token : List.of(member, viewer)) {
            String value = unique("sneaky");
            assertDenied(http().post(ADMIN_TYPES, token, Map.of("value", value, "label", "Sneaky")), "platform.configure");
            assertThat(type(value, true)).isEmpty();
        }
        assertError(http().post(ADMIN_TYPES, null, Map.of("value", "anon", "label", "Anon")), 401, "UNAUTHORIZED");
        assertThat(type("anon", true)).isEmpty();
    }

    @Test
    void duplicateValueIsConflictAndKeepsTheFirst() {
        String value = unique("dup");
        JsonNode first = addType(value, "First");

        assertError(http().post(ADMIN_TYPES, admin, Map.of("value", value, "label", "Second")), 409, "CONFLICT");
        assertError(http().post(ADMIN_TYPES, admin, Map.of("value", "custom", "label", "Again")), 409, "CONFLICT");

        assertThat(type(value, true)).contains(first);
        assertThat(type("custom", false).orElseThrow().get("label").asText()).isEqualTo("Custom");
    }

    /** Several rounds, since one race may happen to run in sequence. */
    @Test
    void concurrentDuplicateCreatesGiveOneTypeAndConflicts() {
        for (int round = 0; round < 10; round++) {
            String value = unique("raced");

            List<TestHttp.Response> responses = ExperimentApi.inParallel(10, i -> http().post(ADMIN_TYPES, admin,
                    Map.of("value", value, "label", "Raced " + i)));

            assertThat(responses.stream().filter(r -> r.status() == 201)).as(responses.toString()).hasSize(1);
            responses.stream().filter(r -> r.status() != 201).forEach(r -> assertError(r, 409, "CONFLICT"));
            assertThat(types(admin, "?include_inactive=true").stream()
                    .filter(t -> t.get("value").asText().equals(value))).hasSize(1);
        }
    }

    static Stream<Arguments> invalidTypes() {
        return Stream.of(
                Arguments.of(Map.of("value", "Flow", "label", "L"), "value"),
                Arguments.of(Map.of("value", "1flow", "label", "L"), "value"),
                Arguments.of(Map.of("value", "flow-cyto", "label", "L"), "value"),
                Arguments.of(Map.of("value", "flow cyto", "label", "L"), "value"),
                Arguments.of(Map.of("value", "_flow", "label", "L"), "value"),
                Arguments.of(Map.of("value", "f" + "x".repeat(50), "label", "L"), "value"),
                Arguments.of(Map.of("label", "L"), "value"),
                Arguments.of(Map.of("value", "nolabel"), "label"),
                Arguments.of(Map.of("value", "longlabel", "label", "L".repeat(101)), "label"),
                Arguments.of(Map.of("value", "badcolor", "label", "L", "color", "red"), "color"),
                Arguments.of(Map.of("value", "badcolor", "label", "L", "color", "#12345"), "color"),
                Arguments.of(Map.of("value", "badcolor", "label", "L", "color", "#GGGGGG"), "color"),
                Arguments.of(Map.of("value", "badcolor", "label", "L", "color", "#1234567"), "color"),
                Arguments.of(Map.of("value", "badcolor", "label", "L", "color", "123456"), "color"),
                Arguments.of(Map.of("value", "badactive", "label", "L", "active", "yes"), "active"),
                Arguments.of(Map.of("value", "badsort", "label", "L", "sort_order", "first"), "sort_order"));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("invalidTypes")
    void invalidTypeIs422AndNotStored(Map<String, ?> body, String field) {
        int before = types(admin, "?include_inactive=true").size();

        assertInvalid(http().post(ADMIN_TYPES, admin, body), field);

        assertThat(types(admin, "?include_inactive=true")).hasSize(before);
    }

    @Test
    void valueOfExactlyFiftyCharactersIsAccepted() {
        String value = "f" + "x".repeat(49);
        assertThat(addType(value, "Long value").get("value").asText()).isEqualTo(value);
    }

    @Test
    void deactivatedTypeIsHiddenAndRefusedForNewExperimentsButKeptByOldOnes() {
        String value = unique("legacy_assay");
        addType(value, "Legacy assay");
        JsonNode old = api.create(member, Map.of("name", "Old style", "experiment_type", value));
        JsonNode other = api.create(member, Map.of("name", "Other style"));

        TestHttp.Response response = http().patch(ADMIN_TYPES + "/" + value, admin, Map.of("active", false));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("active").asBoolean()).isFalse();
        assertThat(type(value, false)).isEmpty();
        assertThat(type(value, true)).hasValueSatisfying(t -> assertThat(t.get("active").asBoolean()).isFalse());
        long total = api.total(admin);
        assertInvalid(http().post("/api/experiments", member, Map.of("name", "New style", "experiment_type", value)),
                "experiment_type");
        assertInvalid(http().patch("/api/experiments/" + other.get("id").asLong(), member,
                Map.of("experiment_type", value)), "experiment_type");
        assertThat(api.total(admin)).isEqualTo(total);
        assertThat(api.get(member, other.get("id").asLong())).isEqualTo(other);

        assertThat(api.get(member, old.get("id").asLong()).get("experiment_type").asText()).isEqualTo(value);
        TestHttp.Response edit = http().patch("/api/experiments/" + old.get("id").asLong(), member,
                Map.of("name", "Old style, renamed", "experiment_type", value));
        assertThat(edit.status()).as(edit.toString()).isEqualTo(200);
        assertThat(edit.json().get("experiment_type").asText()).isEqualTo(value);

        assertThat(http().patch(ADMIN_TYPES + "/" + value, admin, Map.of("active", true)).status()).isEqualTo(200);
        assertThat(type(value, false)).isPresent();
        assertThat(api.create(member, Map.of("name", "Revived", "experiment_type", value))
                .get("experiment_type").asText()).isEqualTo(value);
    }

    @Test
    void patchChangesLabelColorDescriptionAndSortOrder() {
        String value = unique("tweak");
        addType(value, "Tweak");

        TestHttp.Response response = http().patch(ADMIN_TYPES + "/" + value, admin,
                Map.of("label", "Tweaked", "color", "#abcdef", "description", "Now described", "sort_order", 42));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode stored = type(value, false).orElseThrow();
        assertThat(stored).isEqualTo(response.json());
        assertThat(stored.get("label").asText()).isEqualTo("Tweaked");
        assertThat(stored.get("color").asText()).isEqualTo("#abcdef");
        assertThat(stored.get("description").asText()).isEqualTo("Now described");
        assertThat(stored.get("sort_order").asInt()).isEqualTo(42);

        assertThat(http().patch(ADMIN_TYPES + "/" + value, admin, fields("description", null)).status()).isEqualTo(200);
        assertThat(type(value, false).orElseThrow().get("description").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"color\": \"blue\"}", "{\"label\": \"\"}", "{\"active\": \"no\"}", "{\"sort_order\": 1.5}"})
    void invalidPatchIs422AndChangesNothing(String body) {
        String value = unique("steady");
        JsonNode before = addType(value, "Steady");

        TestHttp.Response response = http().patch(ADMIN_TYPES + "/" + value, admin, body);

        assertError(response, 422, "VALIDATION_ERROR");
        assertThat(type(value, false)).contains(before);
    }

    @Test
    void patchOfUnknownTypeIs404() {
        assertError(http().patch(ADMIN_TYPES + "/no_such_type", admin, Map.of("active", false)), 404, "NOT_FOUND");
        assertThat(type("no_such_type", true)).isEmpty();
    }

    @Test
    void onlyAdminsMayChangeTypes() {
        assertDenied(http().patch(ADMIN_TYPES + "/custom", member, Map.of("active", false)), "platform.configure");
        assertDenied(http().patch(ADMIN_TYPES + "/custom", viewer, Map.of("label", "Mine")), "platform.configure");
        JsonNode custom = type("custom", false).orElseThrow();
        assertThat(custom.get("active").asBoolean()).isTrue();
        assertThat(custom.get("label").asText()).isEqualTo("Custom");
    }
}
