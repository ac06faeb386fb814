package dev.mint.server.experiments;

import static dev.mint.server.experiments.ExperimentApi.assertDenied;
import static dev.mint.server.experiments.ExperimentApi.assertError;
import static dev.mint.server.experiments.ExperimentApi.assertInvalid;
import static dev.mint.server.experiments.ExperimentApi.emptyObject;
import static dev.mint.server.experiments.ExperimentApi.fields;
import static dev.mint.server.experiments.ExperimentApi.tree;
import static dev.mint.server.experiments.ExperimentApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** Create, read, update and delete of single experiments: wire shape, defaults, validation, rights. */
class ExperimentCrudTest {
    private static final List<String> WIRE_FIELDS = List.of("id", "experiment_code", "name", "status", "experiment_type",
            "project", "project_id", "project_name", "notes", "tags", "custom_metadata", "created_by", "created_by_user",
            "parent_experiment_id", "start_date", "end_date", "has_design_data", "created_at", "updated_at");
    private static final long UNKNOWN_ID = 987_654_321L;

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static ExperimentApi api;
    static String admin;
    static String alice;
    static String viewer;

    @BeforeAll
    static void start() {
        api = new ExperimentApi(platform);
        admin = platform.adminToken();
        alice = api.user("alice", "member",
                Map.of("shortname", "AL", "first_name", "Alice", "last_name", "Liddell"));
        viewer = platform.userToken("victor", "viewer");
    }

    private static TestHttp http() {
        return platform.http();
    }

    private static String path(JsonNode experiment) {
        return "/api/experiments/" + experiment.get("id").asLong();
    }

    // ---- create ----

    @Test
    void createAnswers201WithEveryWireFieldAndDefaults() {
        long aliceId = api.userId(alice);
        TestHttp.Response response = http().post("/api/experiments", alice, Map.of("name", "  Kinase screen  "));

        assertThat(response.status()).isEqualTo(201);
        JsonNode e = response.json();
        List<String> names = new ArrayList<>();
        e.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrderElementsOf(WIRE_FIELDS);
        assertThat(e.get("id").asLong()).isPositive();
        assertThat(e.get("experiment_code").asText()).matches("EXP-\\d{3,}");
        assertThat(e.get("name").asText()).isEqualTo("Kinase screen");
        assertThat(e.get("status").asText()).isEqualTo("planned");
        assertThat(e.get("experiment_type").asText()).isEqualTo("custom");
        assertThat(e.get("tags")).isEqualTo(emptyObject());
        assertThat(e.get("custom_metadata")).isEqualTo(emptyObject());
        for (String nullField : List.of("project", "project_id", "project_name", "notes", "parent_experiment_id",
                "start_date", "end_date")) {
            assertThat(e.get(nullField).isNull()).as(nullField).isTrue();
        }
        assertThat(e.get("has_design_data").asBoolean()).isFalse();
        assertThat(e.get("has_design_data").isBoolean()).isTrue();
        assertThat(e.get("created_by").asLong()).isEqualTo(aliceId);
        JsonNode creator = e.get("created_by_user");
        List<String> creatorFields = new ArrayList<>();
        creator.fieldNames().forEachRemaining(creatorFields::add);
        assertThat(creatorFields).containsExactlyInAnyOrder("id", "username", "shortname", "first_name", "last_name");
        assertThat(creator.get("id").asLong()).isEqualTo(aliceId);
        assertThat(creator.get("username").asText()).isEqualTo("alice");
        assertThat(creator.get("shortname").asText()).isEqualTo("AL");
        assertThat(creator.get("first_name").asText()).isEqualTo("Alice");
        assertThat(creator.get("last_name").asText()).isEqualTo("Liddell");
        Instant created = Instant.parse(e.get("created_at").asText());
        assertThat(Instant.parse(e.get("updated_at").asText())).isEqualTo(created);
        assertThat(created).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
    }

    @Test
    void createStoresEveryGivenFieldAndGetReturnsTheSame() {
        JsonNode project = api.project(admin, unique("Oncology"));
        JsonNode parent = api.create(alice, "Parent run");
        Map<String, Object> body = fields(
                "name", "Doxorubicin in HeLa",
                "experiment_type", "dose_response",
                "status", "ongoing",
                "project_id", project.get("id").asLong(),
                "notes", "Plate 3 was\nre-run",
                "tags", Map.of("cell_line", "HeLa", "replicates", 3),
                "custom_metadata", Map.of("instrument", Map.of("name", "Envision", "slots", List.of(1, 2))),
                "parent_experiment_id", parent.get("id").asLong(),
                "start_date", "2026-05-01",
                "end_date", "2026-05-01");

        JsonNode created = api.create(alice, body);

        assertThat(created.get("name").asText()).isEqualTo("Doxorubicin in HeLa");
        assertThat(created.get("experiment_type").asText()).isEqualTo("dose_response");
        assertThat(created.get("status").asText()).isEqualTo("ongoing");
        assertThat(created.get("project_id").asLong()).isEqualTo(project.get("id").asLong());
        assertThat(created.get("project").asText()).isEqualTo(project.get("name").asText());
        assertThat(created.get("project_name").asText()).isEqualTo(project.get("name").asText());
        assertThat(created.get("notes").asText()).isEqualTo("Plate 3 was\nre-run");
        assertThat(created.get("tags")).isEqualTo(tree(Map.of("cell_line", "HeLa", "replicates", 3)));
        assertThat(created.get("custom_metadata")).isEqualTo(tree(body.get("custom_metadata")));
        assertThat(created.get("parent_experiment_id").asLong()).isEqualTo(parent.get("id").asLong());
        assertThat(created.get("start_date").asText()).isEqualTo("2026-05-01");
        assertThat(created.get("end_date").asText()).isEqualTo("2026-05-01");
        assertThat(api.get(viewer, created.get("id").asLong())).isEqualTo(created);
    }

    @Test
    void nameOfExactly200CharactersIsAccepted() {
        String name = "n".repeat(200);
        assertThat(api.create(alice, name).get("name").asText()).isEqualTo(name);
    }

    static Stream<Arguments> invalidCreates() {
        return Stream.of(
                Arguments.of(Map.of("name", "x", "experiment_type", "no_such_type"), "experiment_type"),
                Arguments.of(Map.of("name", "x", "experiment_type", 7), "experiment_type"),
                Arguments.of(Map.of("name", "x", "status", "done"), "status"),
                Arguments.of(Map.of("name", "x", "status", "PLANNED"), "status"),
                Arguments.of(Map.of("name", "x", "tags", List.of("a", "b")), "tags"),
                Arguments.of(Map.of("name", "x", "tags", "a,b"), "tags"),
                Arguments.of(Map.of("name", "x", "custom_metadata", 5), "custom_metadata"),
                Arguments.of(Map.of("status", "planned"), "name"),
                Arguments.of(fields("name", null), "name"),
                Arguments.of(Map.of("name", ""), "name"),
                Arguments.of(Map.of("name", "   \t "), "name"),
                Arguments.of(Map.of("name", "n".repeat(201)), "name"),
                Arguments.of(Map.of("name", 42), "name"),
                Arguments.of(Map.of("name", "x", "start_date", "2026-05-02", "end_date", "2026-05-01"), "end_date"),
                Arguments.of(Map.of("name", "x", "start_date", "01/05/2026"), "start_date"),
                Arguments.of(Map.of("name", "x", "start_date", "2026-02-30"), "start_date"),
                Arguments.of(Map.of("name", "x", "end_date", "2026-05-01T10:00:00Z"), "end_date"),
                Arguments.of(Map.of("name", "x", "project_id", UNKNOWN_ID), "project_id"),
                Arguments.of(Map.of("name", "x", "project_id", "1"), "project_id"),
                Arguments.of(Map.of("name", "x", "parent_experiment_id", UNKNOWN_ID), "parent_experiment_id"),
                Arguments.of(Map.of("name", "x", "parent_experiment_id", 1.5), "parent_experiment_id"));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("invalidCreates")
    void invalidCreateIs422AndLeavesNoRow(Map<String, ?> body, String field) {
        long before = api.total(admin);

        assertInvalid(http().post("/api/experiments", alice, body), field);

        assertThat(api.total(admin)).isEqualTo(before);
    }

    @Test
    void bodyThatIsNotAnObjectIs422AndMalformedJsonIs400() {
        long before = api.total(admin);
        assertInvalid(http().post("/api/experiments", alice, "[{\"name\": \"x\"}]"), "body");
        assertError(http().post("/api/experiments", alice, "{\"name\": "), 400, "INVALID_JSON");
        assertThat(api.total(admin)).isEqualTo(before);
    }

    @Test
    void creatingInAnArchivedProjectIsConflict() {
        JsonNode project = api.project(admin, unique("Archived"));
        api.archive(admin, project.get("id").asLong());
        long before = api.total(admin);

        TestHttp.Response response = http().post("/api/experiments", alice,
                Map.of("name", "Too late", "project_id", project.get("id").asLong()));

        JsonNode error = assertError(response, 409, "CONFLICT");
        assertThat(error.at("/details/conflict_field").asText()).isEqualTo("status");
        assertThat(api.total(admin)).isEqualTo(before);
    }

    @Test
    void viewerCannotCreateExperiment() {
        JsonNode project = api.project(admin, unique("Open"));
        long before = api.total(admin);

        assertDenied(http().post("/api/experiments", viewer, Map.of("name", "Mine")), "experiments.create");
        assertDenied(http().post("/api/experiments", viewer,
                Map.of("name", "Mine", "project_id", project.get("id").asLong())), "experiments.create");

        assertThat(api.total(admin)).isEqualTo(before);
    }

    @Test
    void projectRoleAddsToAViewersPlatformRights() {
        String vera = platform.userToken("vera", "viewer");
        JsonNode project = api.project(admin, unique("Shared"));
        long projectId = project.get("id").asLong();
        TestHttp.Response grant = http().put("/api/projects/" + projectId + "/members/" + api.userId(vera), admin,
                Map.of("role", "editor"));
        assertThat(grant.status()).as(grant.toString()).isEqualTo(200);

        JsonNode inProject = api.create(vera, Map.of("name", "Vera's run", "project_id", projectId));
        assertThat(http().patch(path(inProject), vera, Map.of("status", "ongoing")).status()).isEqualTo(200);
        assertDenied(http().post("/api/experiments", vera, Map.of("name", "Outside")), "experiments.create");
        JsonNode outside = api.create(alice, "Alice's own");
        assertDenied(http().patch(path(outside), vera, Map.of("name", "taken")), "experiments.edit");
        assertThat(http().delete(path(inProject), vera).status()).isEqualTo(204);
    }

    @Test
    void experimentsOfARestrictedProjectAreHiddenFromNonMembers() {
        String bea = platform.userToken("bea", "member");
        TestHttp.Response created = http().post("/api/projects", admin,
                Map.of("name", unique("Secret"), "visibility", "restricted"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long projectId = created.json().get("id").asLong();
        JsonNode hidden = api.create(admin, Map.of("name", "Hidden run", "project_id", projectId));
        String p = path(hidden);

        assertError(http().get(p, bea), 404, "NOT_FOUND");
        assertError(http().patch(p, bea, Map.of("name", "found you")), 404, "NOT_FOUND");
        assertError(http().delete(p, bea), 404, "NOT_FOUND");
        assertError(http().get(p + "/data", bea), 404, "NOT_FOUND");
        assertError(http().put(p + "/results/fit", bea, Map.of("result", Map.of())), 404, "NOT_FOUND");
        assertThat(api.list(bea, "limit=500&project_id=" + projectId).get("total").asLong()).isZero();
        assertInvalid(http().post("/api/experiments", bea, Map.of("name", "Sneak in", "project_id", projectId)),
                "project_id");
        assertInvalid(http().post("/api/experiments", bea,
                Map.of("name", "Child", "parent_experiment_id", hidden.get("id").asLong())), "parent_experiment_id");
        assertThat(api.get(admin, hidden.get("id").asLong())).isEqualTo(hidden);
        assertThat(api.list(admin, "limit=500&project_id=" + projectId).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void createWithoutTokenIs401() {
        long before = api.total(admin);
        TestHttp.Response response = http().post("/api/experiments", null, Map.of("name", "Anonymous"));
        assertError(response, 401, "UNAUTHORIZED");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(api.total(admin)).isEqualTo(before);
    }

    // ---- get ----

    @Test
    void unknownExperimentIs404() {
        JsonNode error = assertError(http().get("/api/experiments/" + UNKNOWN_ID, alice), 404, "NOT_FOUND");
        assertThat(error.get("message").asText()).contains(Long.toString(UNKNOWN_ID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-3", "1.5", "99999999999999999999"})
    void nonPositiveOrNonNumericIdIs422(String id) {
        assertInvalid(http().get("/api/experiments/" + id, alice), "id");
        assertInvalid(http().patch("/api/experiments/" + id, alice, Map.of("name", "x")), "id");
        assertInvalid(http().delete("/api/experiments/" + id, admin), "id");
    }

    @Test
    void getWritesAbsentValuesAsExplicitNulls() {
        JsonNode created = api.create(alice, "Bare");
        TestHttp.Response response = http().get(path(created), alice);

        assertThat(response.status()).isEqualTo(200);
        for (String field : List.of("project", "project_id", "project_name", "notes", "parent_experiment_id",
                "start_date", "end_date")) {
            assertThat(response.body()).contains("\"" + field + "\":null");
            assertThat(response.json().has(field)).as(field).isTrue();
        }
    }

    // ---- update ----

    @Test
    void patchChangesOnlyTheGivenFields() {
        JsonNode project = api.project(admin, unique("Patch"));
        JsonNode before = api.create(alice, fields("name", "Original", "notes", "keep me", "tags", Map.of("a", 1),
                "project_id", project.get("id").asLong(), "start_date", "2026-01-01"));

        TestHttp.Response response = http().patch(path(before), alice, Map.of("name", "Renamed"));

        assertThat(response.status()).isEqualTo(200);
        ObjectNode after = (ObjectNode) response.json();
        assertThat(after.get("name").asText()).isEqualTo("Renamed");
        ObjectNode expected = ((ObjectNode) before.deepCopy()).put("name", "Renamed");
        expected.set("updated_at", after.get("updated_at"));
        assertThat(after).isEqualTo(expected);
        assertThat(api.get(alice, before.get("id").asLong())).isEqualTo(after);
    }

    @Test
    void patchWithEveryEditableField() {
        JsonNode project = api.project(admin, unique("Target"));
        JsonNode parent = api.create(alice, "Another parent");
        JsonNode e = api.create(alice, "Everything");

        TestHttp.Response response = http().patch(path(e), alice, fields(
                "name", "Everything v2", "status", "completed", "experiment_type", "metabolomics",
                "project_id", project.get("id").asLong(), "notes", "done", "tags", Map.of("k", "v"),
                "custom_metadata", Map.of("m", List.of(1)), "parent_experiment_id", parent.get("id").asLong(),
                "start_date", "2026-03-01", "end_date", "2026-03-31"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode after = api.get(alice, e.get("id").asLong());
        assertThat(after).isEqualTo(response.json());
        assertThat(after.get("name").asText()).isEqualTo("Everything v2");
        assertThat(after.get("status").asText()).isEqualTo("completed");
        assertThat(after.get("experiment_type").asText()).isEqualTo("metabolomics");
        assertThat(after.get("project_id").asLong()).isEqualTo(project.get("id").asLong());
        assertThat(after.get("project_name").asText()).isEqualTo(project.get("name").asText());
        assertThat(after.get("notes").asText()).isEqualTo("done");
        assertThat(after.get("tags")).isEqualTo(tree(Map.of("k", "v")));
        assertThat(after.get("custom_metadata")).isEqualTo(tree(Map.of("m", List.of(1))));
        assertThat(after.get("parent_experiment_id").asLong()).isEqualTo(parent.get("id").asLong());
        assertThat(after.get("start_date").asText()).isEqualTo("2026-03-01");
        assertThat(after.get("end_date").asText()).isEqualTo("2026-03-31");
    }

    @Test
    void explicitNullClearsNotesDatesProjectAndParent() {
        JsonNode project = api.project(admin, unique("Clear"));
        JsonNode parent = api.create(alice, "Parent to forget");
        JsonNode e = api.create(alice, fields("name", "Full", "notes", "n", "start_date", "2026-02-01",
                "end_date", "2026-02-02", "project_id", project.get("id").asLong(),
                "parent_experiment_id", parent.get("id").asLong(), "tags", Map.of("x", 1)));

        TestHttp.Response response = http().patch(path(e), alice, fields("notes", null, "start_date", null,
                "end_date", null, "project_id", null, "parent_experiment_id", null, "tags", null));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode after = api.get(alice, e.get("id").asLong());
        for (String field : List.of("notes", "start_date", "end_date", "project_id", "project", "project_name",
                "parent_experiment_id")) {
            assertThat(after.get(field).isNull()).as(field).isTrue();
        }
        assertThat(after.get("tags")).isEqualTo(emptyObject());
        assertThat(after.get("name").asText()).isEqualTo("Full");
    }

    @Test
    void statusMovesFreelyAmongTheFourValues() {
        JsonNode e = api.create(alice, "Lifecycle");
        for (String status : List.of("ongoing", "completed", "cancelled", "planned", "completed")) {
            TestHttp.Response response = http().patch(path(e), alice, Map.of("status", status));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().get("status").asText()).isEqualTo(status);
            assertThat(api.get(alice, e.get("id").asLong()).get("status").asText()).isEqualTo(status);
        }
    }

    static Stream<Arguments> invalidPatches() {
        return Stream.of(
                Arguments.of(Map.of("status", "done"), "status"),
                Arguments.of(fields("status", null), "status"),
                Arguments.of(Map.of("name", ""), "name"),
                Arguments.of(fields("name", null), "name"),
                Arguments.of(Map.of("name", "n".repeat(201)), "name"),
                Arguments.of(Map.of("experiment_type", "no_such_type"), "experiment_type"),
                Arguments.of(fields("experiment_type", null), "experiment_type"),
                Arguments.of(Map.of("tags", List.of(1)), "tags"),
                Arguments.of(Map.of("start_date", "tomorrow"), "start_date"),
                Arguments.of(Map.of("end_date", "2025-12-31"), "end_date"),
                Arguments.of(Map.of("start_date", "2026-07-01"), "end_date"),
                Arguments.of(Map.of("project_id", UNKNOWN_ID), "project_id"),
                Arguments.of(Map.of("parent_experiment_id", UNKNOWN_ID), "parent_experiment_id"),
                Arguments.of(Map.of("name", "valid", "status", "bogus"), "status"));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("invalidPatches")
    void invalidPatchIs422AndChangesNothing(Map<String, ?> body, String field) {
        JsonNode before = api.create(alice, fields("name", "Stable", "status", "ongoing", "notes", "n",
                "start_date", "2026-01-01", "end_date", "2026-06-30"));

        assertInvalid(http().patch(path(before), alice, body), field);

        assertThat(api.get(alice, before.get("id").asLong())).isEqualTo(before);
    }

    @Test
    void experimentCannotBeItsOwnParent() {
        JsonNode before = api.create(alice, "Ouroboros");
        assertInvalid(http().patch(path(before), alice, Map.of("parent_experiment_id", before.get("id").asLong())),
                "parent_experiment_id");
        assertThat(api.get(alice, before.get("id").asLong())).isEqualTo(before);
    }

    @Test
    void parentLinksCannotFormACycle() {
        JsonNode grandparent = api.create(alice, "Generation 1");
        JsonNode parent = api.create(alice, fields("name", "Generation 2", "parent_experiment_id", grandparent.get("id").asLong()));
        JsonNode child = api.create(alice, fields("name", "Generation 3", "parent_experiment_id", parent.get("id").asLong()));
        JsonNode before = api.get(alice, grandparent.get("id").asLong());

        assertInvalid(http().patch(path(grandparent), alice, Map.of("parent_experiment_id", child.get("id").asLong())),
                "parent_experiment_id");
        assertInvalid(http().patch(path(grandparent), alice, Map.of("parent_experiment_id", parent.get("id").asLong())),
                "parent_experiment_id");

        assertThat(api.get(alice, grandparent.get("id").asLong())).isEqualTo(before);
        JsonNode unrelated = api.create(alice, "Unrelated");
        TestHttp.Response deepChain = http().patch(path(unrelated), alice, Map.of("parent_experiment_id", child.get("id").asLong()));
        assertThat(deepChain.status()).as(deepChain.toString()).isEqualTo(200);
        assertThat(deepChain.json().get("parent_experiment_id").asLong()).isEqualTo(child.get("id").asLong());
    }

    @Test
    void movingIntoAnArchivedProjectIsConflictAndChangesNothing() {
        JsonNode project = api.project(admin, unique("Closed"));
        api.archive(admin, project.get("id").asLong());
        JsonNode before = api.create(alice, "Mover");

        assertError(http().patch(path(before), alice, Map.of("project_id", project.get("id").asLong(), "name", "Moved")),
                409, "CONFLICT");

        assertThat(api.get(alice, before.get("id").asLong())).isEqualTo(before);
    }

    @Test
    void updatedAtAdvancesAndCreatedAtStays() {
        JsonNode before = api.create(alice, "Clock");
        ExperimentApi.clockPast(before.get("updated_at"));
        JsonNode after = http().patch(path(before), alice, Map.of("notes", "tick")).json();

        assertThat(Instant.parse(after.get("updated_at").asText()))
                .isAfter(Instant.parse(before.get("updated_at").asText()));
        assertThat(after.get("created_at")).isEqualTo(before.get("created_at"));
    }

    @Test
    void memberMayEditAnotherUsersExperimentButViewerMayNot() {
        String bob = platform.userToken("bob", "member");
        JsonNode e = api.create(alice, "Shared");

        TestHttp.Response byBob = http().patch(path(e), bob, Map.of("notes", "bob was here"));
        assertThat(byBob.status()).as(byBob.toString()).isEqualTo(200);
        JsonNode edited = api.get(alice, e.get("id").asLong());
        assertThat(edited.get("notes").asText()).isEqualTo("bob was here");

        assertDenied(http().patch(path(e), viewer, Map.of("notes", "viewer was here")), "experiments.edit");
        assertThat(api.get(alice, e.get("id").asLong())).isEqualTo(edited);
    }

    @Test
    void experimentCodeInPatchIsIgnored() {
        JsonNode e = api.create(alice, "Coded");

        TestHttp.Response response = http().patch(path(e), alice, Map.of("experiment_code", "EXP-999", "name", "Coded 2"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("experiment_code")).isEqualTo(e.get("experiment_code"));
        JsonNode after = api.get(alice, e.get("id").asLong());
        assertThat(after.get("experiment_code")).isEqualTo(e.get("experiment_code"));
        assertThat(after.get("name").asText()).isEqualTo("Coded 2");
    }

    @Test
    void patchOfUnknownExperimentIs404() {
        assertError(http().patch("/api/experiments/" + UNKNOWN_ID, alice, Map.of("name", "ghost")), 404, "NOT_FOUND");
    }

    // ---- delete ----

    @Test
    void deleteIs204ThenTheExperimentIsGone() {
        JsonNode e = api.create(alice, "Doomed");
        long before = api.total(admin);

        TestHttp.Response response = http().delete(path(e), alice);

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertError(http().get(path(e), alice), 404, "NOT_FOUND");
        assertError(http().delete(path(e), alice), 404, "NOT_FOUND");
        assertThat(api.total(admin)).isEqualTo(before - 1);
    }

    @Test
    void deleteCascadesToDesignDataAndResults() {
        JsonNode e = api.create(alice, "With data");
        long id = e.get("id").asLong();
        assertThat(http().put(path(e) + "/data", alice, Map.of("plugin_id", "designer", "data", Map.of("a", 1))).status())
                .isEqualTo(200);
        for (String plugin : List.of("fit", "plot")) {
            assertThat(http().put(path(e) + "/results/" + plugin, alice, Map.of("result", Map.of("ok", true))).status())
                    .isEqualTo(200);
        }

        assertThat(http().delete(path(e), alice).status()).isEqualTo(204);

        assertError(http().get(path(e) + "/data", alice), 404, "NOT_FOUND");
        assertError(http().get(path(e) + "/results", alice), 404, "NOT_FOUND");
        assertError(http().get(path(e) + "/results/fit", alice), 404, "NOT_FOUND");
        assertThat(rowsOf("design_data", id)).isZero();
        assertThat(rowsOf("analysis_results", id)).isZero();
    }

    @Test
    void deletingAParentKeepsTheChildWithoutParent() {
        JsonNode parent = api.create(alice, "Parent to delete");
        JsonNode child = api.create(alice, fields("name", "Orphan", "parent_experiment_id", parent.get("id").asLong()));

        assertThat(http().delete(path(parent), alice).status()).isEqualTo(204);

        JsonNode after = api.get(alice, child.get("id").asLong());
        assertThat(after.get("parent_experiment_id").isNull()).isTrue();
        assertThat(after.get("name").asText()).isEqualTo("Orphan");
    }

    @Test
    void viewerCannotDelete() {
        JsonNode e = api.create(alice, "Protected");

        assertDenied(http().delete(path(e), viewer), "experiments.delete");

        assertThat(api.get(alice, e.get("id").asLong())).isEqualTo(e);
    }

    /** Rows a table still holds for an experiment, read straight from the database. */
    private static long rowsOf(String table, long experimentId) {
        return platform.server().database().jdbi().withHandle(h -> h
                .createQuery("SELECT count(*) FROM " + table + " WHERE experiment_id = :e").bind("e", experimentId)
                .mapTo(Long.class).one());
    }
}
