package dev.mint.server.projects;

import static dev.mint.server.test.ErrorAssertions.assertDenied;
import static dev.mint.server.test.ErrorAssertions.assertError;
import static dev.mint.server.test.ErrorAssertions.assertInvalid;
import static dev.mint.server.test.ErrorAssertions.assertNotFound;
import static dev.mint.server.test.ProjectFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.ProjectFixtures;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Creating, reading, changing, archiving, deleting and listing projects. */
class ProjectCrudTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static TestHttp http;
    static ProjectFixtures fixtures;
    static ProjectFixtures.User member;
    static ProjectFixtures.User viewer;

    @BeforeAll
    static void start() {
        http = platform.http();
        fixtures = new ProjectFixtures(platform);
        member = fixtures.user("member", "member");
        viewer = fixtures.user("viewer", "viewer");
    }

    @Test
    void createAnswersTheFullProjectAndMakesTheCreatorOwner() {
        String name = unique("Shape");
        var response = http.post("/api/projects", member.token(), Map.of("name", name, "description", "  about it  "));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode project = response.json();
        assertThat(fieldNames(project)).containsExactlyInAnyOrder("id", "name", "description", "status", "visibility",
                "created_by", "experiment_count", "member_count", "my_role", "created_at", "updated_at");
        assertThat(project.get("id").asLong()).isPositive();
        assertThat(project.get("name").asText()).isEqualTo(name);
        assertThat(project.get("description").asText()).isEqualTo("about it");
        assertThat(project.get("status").asText()).isEqualTo("active");
        assertThat(project.get("visibility").asText()).isEqualTo("open");
        assertThat(project.get("created_by").asLong()).isEqualTo(member.id());
        assertThat(project.get("experiment_count").asLong()).isZero();
        assertThat(project.get("member_count").asLong()).isEqualTo(1);
        assertThat(project.get("my_role").asText()).isEqualTo("owner");
        assertThat(Instant.parse(project.get("created_at").asText())).isEqualTo(Instant.parse(project.get("updated_at").asText()));

        JsonNode members = http.get("/api/projects/" + project.get("id").asLong() + "/members", member.token()).json();
        assertThat(members.get("total").asInt()).isEqualTo(1);
        assertThat(members.at("/members/0/user_id").asLong()).isEqualTo(member.id());
        assertThat(members.at("/members/0/role").asText()).isEqualTo("owner");
    }

    @Test
    void getAnswersTheProjectWithTheCallersRole() {
        long id = fixtures.projectId(member.token(), "open");

        var asOwner = http.get("/api/projects/" + id, member.token());
        var asAdmin = http.get("/api/projects/" + id, platform.adminToken());

        assertThat(asOwner.status()).isEqualTo(200);
        assertThat(asOwner.json().get("id").asLong()).isEqualTo(id);
        assertThat(asOwner.json().get("my_role").asText()).isEqualTo("owner");
        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.json().get("my_role").isNull()).isTrue();
    }

    @Test
    void duplicateNameIsAConflictAlsoInAnotherCase() {
        String name = unique("Duplicate");
        fixtures.project(member.token(), name, "open");

        assertError(http.post("/api/projects", member.token(), Map.of("name", name)), 409, "CONFLICT");
        assertError(http.post("/api/projects", platform.adminToken(), Map.of("name", name.toUpperCase())), 409, "CONFLICT");
        assertError(http.post("/api/projects", member.token(), Map.of("name", "  " + name.toLowerCase() + " ")), 409, "CONFLICT");

        assertThat(search(platform.adminToken(), name).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void renamingOntoAnotherProjectsNameIsAConflictButRecasingOwnNameIsNot() {
        String taken = unique("Taken");
        fixtures.project(member.token(), taken, "open");
        JsonNode other = fixtures.project(member.token(), "open");
        String path = "/api/projects/" + other.get("id").asLong();

        assertError(http.patch(path, member.token(), Map.of("name", taken.toLowerCase())), 409, "CONFLICT");
        assertThat(http.get(path, member.token()).json().get("name").asText()).isEqualTo(other.get("name").asText());

        var recased = http.patch(path, member.token(), Map.of("name", other.get("name").asText().toUpperCase()));
        assertThat(recased.status()).as(recased.toString()).isEqualTo(200);
        assertThat(recased.json().get("name").asText()).isEqualTo(other.get("name").asText().toUpperCase());
    }

    @Test
    void missingOrBlankNameIsInvalidAndCreatesNothing() {
        long before = total(platform.adminToken());

        assertInvalid(http.post("/api/projects", member.token(), Map.of("description", "no name")), "name");
        assertInvalid(http.post("/api/projects", member.token(), Map.of("name", "   ")), "name");
        assertInvalid(http.post("/api/projects", member.token(), Map.of("name", "x".repeat(201))), "name");

        assertThat(total(platform.adminToken())).isEqualTo(before);
    }

    @Test
    void visibilityIsOpenOrRestricted() {
        var restricted = http.post("/api/projects", member.token(), Map.of("name", unique("Restricted"), "visibility", "restricted"));
        assertThat(restricted.status()).isEqualTo(201);
        assertThat(restricted.json().get("visibility").asText()).isEqualTo("restricted");

        String name = unique("Secret");
        assertInvalid(http.post("/api/projects", member.token(), Map.of("name", name, "visibility", "secret")), "visibility");
        assertInvalid(http.post("/api/projects", member.token(), Map.of("name", name, "visibility", "OPEN")), "visibility");
        assertThat(search(platform.adminToken(), name).get("total").asInt()).isZero();
    }

    @Test
    void viewerCannotCreateProject() {
        String name = unique("ByViewer");

        assertDenied(http.post("/api/projects", viewer.token(), Map.of("name", name)), "projects.create");

        assertThat(search(platform.adminToken(), name).get("total").asInt()).isZero();
    }

    @Test
    void unknownProjectIsNotFoundAndNonNumericIdIsInvalid() {
        assertNotFound(http.get("/api/projects/999999", member.token()));
        assertNotFound(http.patch("/api/projects/999999", member.token(), Map.of("name", unique("Ghost"))));
        assertNotFound(http.delete("/api/projects/999999", member.token()));
        assertNotFound(http.post("/api/projects/999999/archive", member.token(), null));
        assertInvalid(http.get("/api/projects/abc", member.token()), "id");
        assertInvalid(http.get("/api/projects/0", member.token()), "id");
        assertInvalid(http.get("/api/projects/-3", member.token()), "id");
        assertInvalid(http.get("/api/projects/1.5", member.token()), "id");
    }

    @Test
    void patchChangesNameDescriptionStatusAndVisibility() {
        JsonNode created = fixtures.project(member.token(), "open");
        String path = "/api/projects/" + created.get("id").asLong();
        String name = unique("Renamed");

        var response = http.patch(path, member.token(), Map.of("name", name, "description", "new words",
                "status", "completed", "visibility", "restricted"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode read = http.get(path, member.token()).json();
        for (JsonNode project : List.of(response.json(), read)) {
            assertThat(project.get("name").asText()).isEqualTo(name);
            assertThat(project.get("description").asText()).isEqualTo("new words");
            assertThat(project.get("status").asText()).isEqualTo("completed");
            assertThat(project.get("visibility").asText()).isEqualTo("restricted");
            assertThat(project.get("created_by").asLong()).isEqualTo(member.id());
        }
        assertThat(Instant.parse(read.get("updated_at").asText())).isAfterOrEqualTo(Instant.parse(created.get("updated_at").asText()));
    }

    @Test
    void patchOnlyChangesTheFieldsSentAndNullClearsTheDescription() {
        JsonNode created = fixtures.project(member.token(), "open");
        String path = "/api/projects/" + created.get("id").asLong();
        http.patch(path, member.token(), Map.of("description", "to be cleared"));

        Map<String, Object> clear = new HashMap<>();
        clear.put("description", null);
        var response = http.patch(path, member.token(), clear);

        assertThat(response.status()).isEqualTo(200);
        JsonNode read = http.get(path, member.token()).json();
        assertThat(read.get("description").isNull()).isTrue();
        assertThat(read.get("name").asText()).isEqualTo(created.get("name").asText());
        assertThat(read.get("status").asText()).isEqualTo("active");
        assertThat(read.get("visibility").asText()).isEqualTo("open");
    }

    @Test
    void invalidPatchIsRejectedWholeAndChangesNothing() {
        JsonNode created = fixtures.project(member.token(), "open");
        String path = "/api/projects/" + created.get("id").asLong();

        assertInvalid(http.patch(path, member.token(), Map.of("name", unique("Never"), "status", "finished")), "status");
        assertInvalid(http.patch(path, member.token(), Map.of("description", "never", "visibility", "hidden")), "visibility");
        Map<String, Object> nullStatus = new HashMap<>();
        nullStatus.put("status", null);
        assertInvalid(http.patch(path, member.token(), nullStatus), "status");
        assertInvalid(http.patch(path, member.token(), Map.of("name", "")), "name");

        JsonNode read = http.get(path, member.token()).json();
        assertThat(read.get("name").asText()).isEqualTo(created.get("name").asText());
        assertThat(read.get("description").isNull()).isTrue();
        assertThat(read.get("status").asText()).isEqualTo("active");
        assertThat(read.get("visibility").asText()).isEqualTo("open");
    }

    @Test
    void archiveIsReversibleWithPatch() {
        long id = fixtures.projectId(member.token(), "open");
        String path = "/api/projects/" + id;

        var archived = http.post(path + "/archive", member.token(), null);
        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        assertThat(archived.json().get("status").asText()).isEqualTo("archived");
        assertThat(http.get(path, member.token()).json().get("status").asText()).isEqualTo("archived");
        assertError(http.post("/api/experiments", member.token(), Map.of("name", unique("late"), "project_id", id)),
                409, "CONFLICT");
        assertThat(http.get(path, member.token()).json().get("experiment_count").asInt()).isZero();

        var reactivated = http.patch(path, member.token(), Map.of("status", "active"));
        assertThat(reactivated.status()).isEqualTo(200);
        assertThat(http.get(path, member.token()).json().get("status").asText()).isEqualTo("active");
        assertThat(fixtures.experiment(member.token(), id).get("project_id").asLong()).isEqualTo(id);
    }

    @Test
    void deleteRemovesTheProjectAndItsExperimentsOnly() {
        long id = fixtures.projectId(member.token(), "open");
        long first = fixtures.experimentId(member.token(), id);
        long second = fixtures.experimentId(member.token(), id);
        long outside = fixtures.experimentId(member.token(), null);
        assertThat(http.get("/api/projects/" + id, member.token()).json().get("experiment_count").asInt()).isEqualTo(2);

        var response = http.delete("/api/projects/" + id, member.token());

        assertThat(response.status()).as(response.toString()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertNotFound(http.get("/api/projects/" + id, member.token()));
        assertNotFound(http.get("/api/projects/" + id, platform.adminToken()));
        assertNotFound(http.get("/api/experiments/" + first, platform.adminToken()));
        assertNotFound(http.get("/api/experiments/" + second, member.token()));
        assertThat(http.get("/api/experiments?project_id=" + id, platform.adminToken()).json().get("total").asInt()).isZero();
        assertThat(http.get("/api/experiments/" + outside, member.token()).status()).isEqualTo(200);
        assertNotFound(http.delete("/api/projects/" + id, member.token()));
    }

    @Test
    void listAnswersProjectsAndTotalSortedByName() {
        String marker = unique("listing");
        fixtures.project(member.token(), marker + "-b", "open");
        fixtures.project(member.token(), marker + "-a", "open");

        var response = http.get("/api/projects?search=" + marker, member.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(fieldNames(response.json())).containsExactly("projects", "total");
        assertThat(names(response.json())).containsExactly(marker + "-a", marker + "-b");
        assertThat(response.json().get("total").asInt()).isEqualTo(2);
        assertThat(fieldNames(response.json().at("/projects/0"))).contains("id", "name", "status", "visibility",
                "experiment_count", "member_count", "my_role");
    }

    @Test
    void listSearchMatchesNameAndDescriptionCaseInsensitivelyAndLiterally() {
        String marker = unique("SeArCh");
        String underscored = marker.replace("-", "_");
        fixtures.project(member.token(), marker + " by name", "open");
        var described = http.post("/api/projects", member.token(), Map.of("name", unique("other"), "description",
                "mentions " + marker));
        assertThat(described.status()).isEqualTo(201);
        fixtures.project(member.token(), underscored + "x", "open");
        fixtures.project(member.token(), marker + " 100%!", "open");

        assertThat(search(member.token(), marker.toLowerCase()).get("total").asInt()).isEqualTo(3);
        assertThat(search(member.token(), marker.toUpperCase()).get("total").asInt()).isEqualTo(3);
        assertThat(search(member.token(), marker + " 100%!").get("total").asInt()).isEqualTo(1);
        assertThat(search(member.token(), underscored).get("total").asInt())
                .as("'_' is matched literally, not as a wildcard").isEqualTo(1);
        assertThat(search(member.token(), "0%").get("total").asInt())
                .as("'%' is matched literally, not as a wildcard").isEqualTo(1);
        assertThat(search(member.token(), "%" + marker).get("total").asInt())
                .as("'%' is matched literally, not as a wildcard").isZero();
    }

    @Test
    void listFiltersByStatus() {
        String marker = unique("status");
        fixtures.project(member.token(), marker + "-active", "open");
        long archived = fixtures.project(member.token(), marker + "-archived", "open").get("id").asLong();
        http.post("/api/projects/" + archived + "/archive", member.token(), null);

        assertThat(names(http.get("/api/projects?status=archived&search=" + marker, member.token()).json()))
                .containsExactly(marker + "-archived");
        assertThat(names(http.get("/api/projects?status=active&search=" + marker, member.token()).json()))
                .containsExactly(marker + "-active");
        assertThat(http.get("/api/projects?status=completed&search=" + marker, member.token()).json().get("total").asInt())
                .isZero();
        assertInvalid(http.get("/api/projects?status=gone", member.token()), "status");
    }

    @Test
    void myProjectsListsOnlyProjectsTheCallerIsMemberOf() {
        String marker = unique("mine");
        fixtures.project(member.token(), marker + "-own", "open");
        long shared = fixtures.project(platform.adminToken(), marker + "-shared", "open").get("id").asLong();
        fixtures.project(platform.adminToken(), marker + "-foreign", "open");
        fixtures.member(platform.adminToken(), shared, member.id(), "viewer");

        JsonNode mine = http.get("/api/projects?my_projects=true&search=" + marker, member.token()).json();
        JsonNode all = http.get("/api/projects?my_projects=false&search=" + marker, member.token()).json();

        assertThat(names(mine)).containsExactly(marker + "-own", marker + "-shared");
        assertThat(mine.get("total").asInt()).isEqualTo(2);
        assertThat(mine.at("/projects/1/my_role").asText()).isEqualTo("viewer");
        assertThat(all.get("total").asInt()).isEqualTo(3);
        assertInvalid(http.get("/api/projects?my_projects=perhaps", member.token()), "my_projects");
    }

    @Test
    void listIsPagedWithSkipAndLimit() {
        String marker = unique("paging");
        for (String suffix : List.of("a", "b", "c", "d", "e")) {
            fixtures.project(member.token(), marker + "-" + suffix, "open");
        }
        String base = "/api/projects?search=" + marker;

        JsonNode first = http.get(base + "&limit=2", member.token()).json();
        JsonNode middle = http.get(base + "&skip=2&limit=2", member.token()).json();
        JsonNode last = http.get(base + "&skip=4&limit=2", member.token()).json();
        JsonNode beyond = http.get(base + "&skip=10", member.token()).json();

        assertThat(names(first)).containsExactly(marker + "-a", marker + "-b");
        assertThat(names(middle)).containsExactly(marker + "-c", marker + "-d");
        assertThat(names(last)).containsExactly(marker + "-e");
        assertThat(names(beyond)).isEmpty();
        for (JsonNode page : List.of(first, middle, last, beyond)) {
            assertThat(page.get("total").asInt()).isEqualTo(5);
        }
        assertThat(http.get(base + "&limit=500", member.token()).status()).isEqualTo(200);
        assertInvalid(http.get(base + "&limit=0", member.token()), "limit");
        assertInvalid(http.get(base + "&limit=501", member.token()), "limit");
        assertInvalid(http.get(base + "&limit=ten", member.token()), "limit");
        assertInvalid(http.get(base + "&skip=-1", member.token()), "skip");
    }

    @Test
    void projectExperimentsAreListedAndPaged() {
        long id = fixtures.projectId(member.token(), "open");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(fixtures.experimentId(member.token(), id));
        }
        fixtures.experimentId(member.token(), null);
        fixtures.experimentId(member.token(), fixtures.projectId(member.token(), "open"));
        String path = "/api/projects/" + id + "/experiments";

        JsonNode all = http.get(path, member.token()).json();
        JsonNode first = http.get(path + "?limit=2", member.token()).json();
        JsonNode rest = http.get(path + "?skip=2&limit=2", member.token()).json();

        assertThat(fieldNames(all)).containsExactly("experiments", "total");
        assertThat(all.get("total").asInt()).isEqualTo(3);
        assertThat(ids(all)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(first.get("experiments")).hasSize(2);
        assertThat(rest.get("experiments")).hasSize(1);
        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(rest.get("total").asInt()).isEqualTo(3);
        List<Long> paged = new ArrayList<>(ids(first));
        paged.addAll(ids(rest));
        assertThat(paged).containsExactlyInAnyOrderElementsOf(ids);
        for (JsonNode experiment : all.get("experiments")) {
            assertThat(experiment.get("project_id").asLong()).isEqualTo(id);
        }
        assertInvalid(http.get(path + "?limit=501", member.token()), "limit");
        assertNotFound(http.get("/api/projects/999999/experiments", member.token()));
    }

    @Test
    void projectExperimentsTakeTheFiltersOfTheExperimentList() {
        long id = fixtures.projectId(member.token(), "open");
        long planned = fixtures.experimentId(member.token(), id);
        var done = http.post("/api/experiments", member.token(), Map.of("name", unique("done"), "status", "completed", "project_id", id));
        assertThat(done.status()).as(done.toString()).isEqualTo(201);
        long other = fixtures.projectId(member.token(), "open");
        String path = "/api/projects/" + id + "/experiments";

        assertThat(ids(http.get(path + "?status=completed", member.token()).json())).containsExactly(done.json().get("id").asLong());
        assertThat(ids(http.get(path + "?status=planned&sort_order=asc", member.token()).json())).containsExactly(planned);
        assertThat(http.get(path + "?project_id=" + other, member.token()).json().get("total").asInt()).isEqualTo(2);
        assertInvalid(http.get(path + "?status=exploded", member.token()), "status");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("projects").forEach(p -> names.add(p.get("name").asText()));
        return names;
    }

    static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("experiments").forEach(e -> ids.add(e.get("id").asLong()));
        return ids;
    }

    static JsonNode search(String token, String text) {
        var response = http.get("/api/projects?search=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8),
                token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    static long total(String token) {
        return http.get("/api/projects", token).json().get("total").asLong();
    }
}
