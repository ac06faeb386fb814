package dev.mint.server.projects;

import static dev.mint.server.test.ErrorAssertions.assertDenied;
import static dev.mint.server.test.ErrorAssertions.assertError;
import static dev.mint.server.test.ErrorAssertions.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.ProjectFixtures.User;
import dev.mint.server.test.ProjectFixtures;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who sees and changes which projects and experiments in the default {@code open} visibility mode: platform
 * roles admin, member and viewer combined with project roles owner, editor and viewer (see {@link Access}).
 */
class AccessControlTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static TestHttp http;
    static ProjectFixtures fixtures;
    /** Platform member; owns every project below. */
    static User alice;
    /** Platform member in no project. */
    static User bob;
    /** Platform viewer in no project. */
    static User vic;
    /** Platform viewer who is editor of {@link #editorsProject}. */
    static User eddie;
    static long editorsProject;
    static long openProject;
    static long restrictedProject;
    static long restrictedExperiment;

    @BeforeAll
    static void start() {
        http = platform.http();
        fixtures = new ProjectFixtures(platform);
        alice = fixtures.user("alice", "member");
        bob = fixtures.user("bob", "member");
        vic = fixtures.user("vic", "viewer");
        eddie = fixtures.user("eddie", "viewer");
        editorsProject = fixtures.projectId(alice.token(), "open");
        fixtures.member(alice.token(), editorsProject, eddie.id(), "editor");
        openProject = fixtures.projectId(alice.token(), "open");
        restrictedProject = fixtures.projectId(alice.token(), "restricted");
        restrictedExperiment = fixtures.experimentId(alice.token(), restrictedProject);
        assertThat(http.put("/api/experiments/" + restrictedExperiment + "/data", alice.token(),
                Map.of("plugin_id", "plate-designer", "data", Map.of("wells", 96))).status()).isEqualTo(200);
        assertThat(http.put("/api/experiments/" + restrictedExperiment + "/results/plate-analysis", alice.token(),
                Map.of("result", Map.of("ok", true))).status()).isEqualTo(200);
    }

    @Test
    void viewerCannotCreateEditArchiveOrDeleteProjects() {
        JsonNode before = http.get(project(openProject), alice.token()).json();

        assertDenied(http.post("/api/projects", vic.token(), Map.of("name", ProjectFixtures.unique("vic"))), "projects.create");
        assertDenied(http.patch(project(openProject), vic.token(), Map.of("name", "taken over")), "projects.edit");
        assertDenied(http.post(project(openProject) + "/archive", vic.token(), null), "projects.edit");
        assertDenied(http.delete(project(openProject), vic.token()), "projects.delete");

        JsonNode after = http.get(project(openProject), alice.token()).json();
        assertThat(after.get("name")).isEqualTo(before.get("name"));
        assertThat(after.get("status").asText()).isEqualTo("active");
        assertThat(after.get("updated_at")).isEqualTo(before.get("updated_at"));
    }

    @Test
    void viewerCannotCreateEditOrDeleteExperiments() {
        long unprojected = fixtures.experimentId(alice.token(), null);
        long inProject = fixtures.experimentId(alice.token(), openProject);
        long experimentsBefore = total("/api/experiments", platform.adminToken());

        assertDenied(http.post("/api/experiments", vic.token(), Map.of("name", "by vic")), "experiments.create");
        assertDenied(http.post("/api/experiments", vic.token(), Map.of("name", "by vic", "project_id", openProject)),
                "experiments.create");
        for (long id : List.of(unprojected, inProject)) {
            assertThat(http.get(experiment(id), vic.token()).status()).isEqualTo(200);
            assertDenied(http.patch(experiment(id), vic.token(), Map.of("name", "renamed by vic")), "experiments.edit");
            assertDenied(http.put(experiment(id) + "/data", vic.token(), Map.of("plugin_id", "p", "data", Map.of())),
                    "experiments.edit");
            assertDenied(http.delete(experiment(id), vic.token()), "experiments.delete");
            assertThat(http.get(experiment(id), alice.token()).json().get("name").asText()).doesNotContain("vic");
        }
        assertThat(total("/api/experiments", platform.adminToken())).isEqualTo(experimentsBefore);
    }

    @Test
    void platformViewerWhoEditsAProjectCreatesEditsAndDeletesExperimentsThere() {
        long aliceExperiment = fixtures.experimentId(alice.token(), editorsProject);

        var created = http.post("/api/experiments", eddie.token(), Map.of("name", "eddie's run", "project_id", editorsProject));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long own = created.json().get("id").asLong();
        var editedOwn = http.patch(experiment(own), eddie.token(), Map.of("status", "ongoing"));
        var editedAlices = http.patch(experiment(aliceExperiment), eddie.token(), Map.of("notes", "checked by eddie"));
        var deleted = http.delete(experiment(own), eddie.token());

        assertThat(editedOwn.status()).as(editedOwn.toString()).isEqualTo(200);
        assertThat(editedOwn.json().get("status").asText()).isEqualTo("ongoing");
        assertThat(editedAlices.status()).as(editedAlices.toString()).isEqualTo(200);
        assertThat(http.get(experiment(aliceExperiment), alice.token()).json().get("notes").asText()).isEqualTo("checked by eddie");
        assertThat(deleted.status()).isEqualTo(204);
        assertNotFound(http.get(experiment(own), alice.token()));
    }

    @Test
    void platformViewerWhoEditsOneProjectCannotWorkInAnother() {
        long other = fixtures.experimentId(alice.token(), openProject);
        long experimentsInOther = total(project(openProject) + "/experiments", alice.token());

        assertDenied(http.post("/api/experiments", eddie.token(), Map.of("name", "eddie elsewhere", "project_id", openProject)),
                "experiments.create");
        assertDenied(http.patch(experiment(other), eddie.token(), Map.of("name", "eddie was here")), "experiments.edit");
        assertDenied(http.delete(experiment(other), eddie.token()), "experiments.delete");
        assertDenied(http.post("/api/experiments", eddie.token(), Map.of("name", "eddie alone")), "experiments.create");
        long mine = fixtures.experimentId(eddie.token(), editorsProject);
        assertDenied(http.patch(experiment(mine), eddie.token(), Map.of("project_id", openProject)), "experiments.create");

        assertThat(total(project(openProject) + "/experiments", alice.token())).isEqualTo(experimentsInOther);
        assertThat(http.get(experiment(other), alice.token()).json().get("name").asText()).doesNotContain("eddie");
        assertThat(http.get(experiment(mine), eddie.token()).json().get("project_id").asLong()).isEqualTo(editorsProject);
    }

    @Test
    void projectEditorCannotEditDeleteOrManageTheProjectItself() {
        assertDenied(http.delete(project(editorsProject), eddie.token()), "projects.delete");
        assertDenied(http.patch(project(editorsProject), eddie.token(), Map.of("name", "eddie's now")), "projects.edit");
        assertDenied(http.post(project(editorsProject) + "/archive", eddie.token(), null), "projects.edit");
        assertDenied(http.put(project(editorsProject) + "/members/" + vic.id(), eddie.token(), Map.of("role", "viewer")),
                "projects.manage_members");

        JsonNode read = http.get(project(editorsProject), alice.token()).json();
        assertThat(read.get("status").asText()).isEqualTo("active");
        assertThat(read.get("name").asText()).doesNotContain("eddie");
        assertThat(read.get("member_count").asInt()).isEqualTo(2);
    }

    @Test
    void outsiderGetsNotFoundForARestrictedProjectAndEverythingInIt() {
        String p = project(restrictedProject);
        String e = experiment(restrictedExperiment);
        for (User outsider : List.of(bob, vic)) {
            String token = outsider.token();
            assertNotFound(http.get(p, token));
            assertNotFound(http.get(p + "/experiments", token));
            assertNotFound(http.get(p + "/members", token));
            assertNotFound(http.patch(p, token, Map.of("name", "found you")));
            assertNotFound(http.post(p + "/archive", token, null));
            assertNotFound(http.delete(p, token));
            assertNotFound(http.put(p + "/members/" + outsider.id(), token, Map.of("role", "owner")));
            assertNotFound(http.delete(p + "/members/" + alice.id(), token));
            assertNotFound(http.get(e, token));
            assertNotFound(http.patch(e, token, Map.of("name", "found you")));
            assertNotFound(http.delete(e, token));
            assertNotFound(http.get(e + "/data", token));
            assertNotFound(http.put(e + "/data", token, Map.of("plugin_id", "plate-designer", "data", Map.of())));
            assertNotFound(http.delete(e + "/data", token));
            assertNotFound(http.get(e + "/results", token));
            assertNotFound(http.get(e + "/results/plate-analysis", token));
            assertNotFound(http.delete(e + "/results/plate-analysis", token));
        }

        JsonNode project = http.get(p, alice.token()).json();
        assertThat(project.get("name").asText()).doesNotContain("found you");
        assertThat(project.get("member_count").asInt()).isEqualTo(1);
        assertThat(http.get(e, alice.token()).json().get("name").asText()).doesNotContain("found you");
        assertThat(http.get(e + "/data", alice.token()).json().at("/data/wells").asInt()).isEqualTo(96);
        assertThat(http.get(e + "/results/plate-analysis", alice.token()).status()).isEqualTo(200);
    }

    @Test
    void notFoundForAHiddenProjectLooksLikeNotFoundForNoProject() {
        var hidden = http.get(project(restrictedProject), bob.token());
        var missing = http.get(project(999_999), bob.token());
        assertThat(hidden.json().get("error")).isEqualTo(missing.json().get("error"));
        assertThat(hidden.json().get("message").asText())
                .isEqualTo(missing.json().get("message").asText().replace("999999", Long.toString(restrictedProject)));

        var addToHidden = http.post("/api/experiments", bob.token(), Map.of("name", "sneak", "project_id", restrictedProject));
        var addToMissing = http.post("/api/experiments", bob.token(), Map.of("name", "sneak", "project_id", 999_999));
        assertThat(addToHidden.status()).isEqualTo(addToMissing.status()).isIn(404, 422);
        assertThat(addToHidden.json().get("error")).isEqualTo(addToMissing.json().get("error"));
        assertThat(total(project(restrictedProject) + "/experiments", alice.token())).isEqualTo(1);
    }

    @Test
    void outsiderListsNeverIncludeARestrictedProjectOrItsExperiments() {
        JsonNode restricted = http.get(project(restrictedProject), alice.token()).json();
        String projectName = restricted.get("name").asText();
        String experimentName = http.get(experiment(restrictedExperiment), alice.token()).json().get("name").asText();
        for (User outsider : List.of(bob, vic)) {
            String token = outsider.token();
            assertThat(ids(list("/api/projects?limit=500", token), "projects")).doesNotContain(restrictedProject)
                    .contains(openProject, editorsProject);
            assertEmpty(list("/api/projects?search=" + projectName, token), "projects");
            assertEmpty(list("/api/projects?status=active&search=" + projectName, token), "projects");
            assertThat(ids(list("/api/experiments?limit=500", token), "experiments")).doesNotContain(restrictedExperiment);
            assertEmpty(list("/api/experiments?project_id=" + restrictedProject, token), "experiments");
            assertEmpty(list("/api/experiments?project=" + projectName, token), "experiments");
            assertEmpty(list("/api/experiments?search=" + experimentName, token), "experiments");
            assertEmpty(list("/api/experiments?search=" + experimentName + "&project_id=" + restrictedProject, token),
                    "experiments");
            assertListsAreAdminsMinusHidden(outsider);
        }
        assertThat(list("/api/experiments?search=" + experimentName, alice.token()).get("total").asInt()).isEqualTo(1);
        assertThat(list("/api/projects?search=" + projectName, alice.token()).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void projectViewerSeesARestrictedProjectAndAsPlatformMemberMayAlsoEditIt() {
        long hidden = fixtures.projectId(alice.token(), "restricted");
        long hiddenExperiment = fixtures.experimentId(alice.token(), hidden);
        User carol = fixtures.user("carol", "member");
        assertNotFound(http.get(project(hidden), carol.token()));

        fixtures.member(alice.token(), hidden, carol.id(), "viewer");

        var seen = http.get(project(hidden), carol.token());
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().get("my_role").asText()).isEqualTo("viewer");
        assertThat(http.get(experiment(hiddenExperiment), carol.token()).status()).isEqualTo(200);
        assertThat(http.get(project(hidden) + "/members", carol.token()).json().get("total").asInt()).isEqualTo(2);
        assertThat(ids(list("/api/projects?limit=500", carol.token()), "projects")).contains(hidden);
        assertThat(ids(list("/api/experiments?project_id=" + hidden, carol.token()), "experiments"))
                .containsExactly(hiddenExperiment);
        assertListsAreAdminsMinusHidden(carol);

        var editedExperiment = http.patch(experiment(hiddenExperiment), carol.token(), Map.of("notes", "carol's notes"));
        var editedProject = http.patch(project(hidden), carol.token(), Map.of("description", "carol's words"));
        var created = http.post("/api/experiments", carol.token(), Map.of("name", "carol's run", "project_id", hidden));
        assertThat(editedExperiment.status()).as(editedExperiment.toString()).isEqualTo(200);
        assertThat(editedProject.status()).as(editedProject.toString()).isEqualTo(200);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(http.get(experiment(hiddenExperiment), alice.token()).json().get("notes").asText()).isEqualTo("carol's notes");
        assertThat(http.get(project(hidden), alice.token()).json().get("description").asText()).isEqualTo("carol's words");
    }

    @Test
    void platformViewerWhoIsProjectViewerOfARestrictedProjectOnlyReadsIt() {
        long hidden = fixtures.projectId(alice.token(), "restricted");
        long hiddenExperiment = fixtures.experimentId(alice.token(), hidden);
        User dora = fixtures.user("dora", "viewer");
        fixtures.member(alice.token(), hidden, dora.id(), "viewer");

        assertThat(http.get(project(hidden), dora.token()).status()).isEqualTo(200);
        assertThat(http.get(experiment(hiddenExperiment), dora.token()).status()).isEqualTo(200);
        assertDenied(http.patch(experiment(hiddenExperiment), dora.token(), Map.of("notes", "dora")), "experiments.edit");
        assertDenied(http.post("/api/experiments", dora.token(), Map.of("name", "dora's", "project_id", hidden)),
                "experiments.create");
        assertDenied(http.patch(project(hidden), dora.token(), Map.of("description", "dora")), "projects.edit");

        assertThat(http.get(experiment(hiddenExperiment), alice.token()).json().get("notes").isNull()).isTrue();
        assertThat(total(project(hidden) + "/experiments", alice.token())).isEqualTo(1);
    }

    @Test
    void platformMemberMayEditAnOpenProjectHeIsNotInByTheMaxRule() {
        long open = fixtures.projectId(alice.token(), "open");
        long inOpen = fixtures.experimentId(alice.token(), open);

        assertThat(http.get(project(open), bob.token()).json().get("my_role").isNull()).isTrue();
        assertThat(http.patch(project(open), bob.token(), Map.of("description", "bob's")).status()).isEqualTo(200);
        assertThat(http.patch(experiment(inOpen), bob.token(), Map.of("notes", "bob's")).status()).isEqualTo(200);
        assertThat(http.post("/api/experiments", bob.token(), Map.of("name", "bob's", "project_id", open)).status())
                .isEqualTo(201);
        assertThat(total(project(open) + "/experiments", alice.token())).isEqualTo(2);
    }

    @Test
    void adminSeesAndChangesEverything() {
        String admin = platform.adminToken();
        long hidden = fixtures.projectId(alice.token(), "restricted");
        long hiddenExperiment = fixtures.experimentId(alice.token(), hidden);

        var seen = http.get(project(hidden), admin);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().get("my_role").isNull()).isTrue();
        assertThat(ids(list("/api/projects?limit=500", admin), "projects")).contains(hidden, restrictedProject);
        assertThat(ids(list("/api/experiments?limit=500", admin), "experiments")).contains(hiddenExperiment, restrictedExperiment);
        assertThat(http.get(project(restrictedProject) + "/members", admin).status()).isEqualTo(200);
        assertThat(http.get(experiment(restrictedExperiment) + "/data", admin).status()).isEqualTo(200);
        assertThat(http.patch(experiment(hiddenExperiment), admin, Map.of("status", "completed")).status()).isEqualTo(200);
        assertThat(http.put(project(hidden) + "/members/" + bob.id(), admin, Map.of("role", "viewer")).status()).isEqualTo(200);
        assertThat(http.get(project(hidden), bob.token()).status()).isEqualTo(200);
        assertThat(http.delete(project(hidden), admin).status()).isEqualTo(204);
        assertNotFound(http.get(experiment(hiddenExperiment), admin));
    }

    @Test
    void experimentWithoutProjectIsVisibleToEveryoneWithExperimentsView() {
        JsonNode created = fixtures.experiment(alice.token(), null);
        long id = created.get("id").asLong();

        for (User reader : List.of(bob, vic, eddie)) {
            var read = http.get(experiment(id), reader.token());
            assertThat(read.status()).as("%s reads it", reader.username()).isEqualTo(200);
            assertThat(read.json().get("project_id").isNull()).isTrue();
            assertThat(ids(list("/api/experiments?search=" + created.get("name").asText(), reader.token()), "experiments"))
                    .containsExactly(id);
        }
        assertDenied(http.patch(experiment(id), vic.token(), Map.of("notes", "vic")), "experiments.edit");
        assertThat(http.patch(experiment(id), bob.token(), Map.of("notes", "bob")).status()).isEqualTo(200);
    }

    @Test
    void unauthenticatedCallersSeeNothing() {
        for (String path : List.of("/api/projects", project(openProject), project(openProject) + "/members",
                "/api/experiments", experiment(restrictedExperiment))) {
            var response = http.get(path, null);
            assertError(response, 401, "UNAUTHORIZED");
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    /**
     * The user's project and experiment lists are exactly the admin's minus the restricted projects the user
     * is not a member of, and minus those projects' experiments; totals agree.
     */
    private static void assertListsAreAdminsMinusHidden(User user) {
        JsonNode allProjects = list("/api/projects?limit=500", platform.adminToken());
        Set<Long> hidden = new HashSet<>();
        for (JsonNode p : allProjects.get("projects")) {
            if (p.get("visibility").asText().equals("restricted")
                    && !ids(list(project(p.get("id").asLong()) + "/members", platform.adminToken()), "members", "user_id")
                            .contains(user.id())) {
                hidden.add(p.get("id").asLong());
            }
        }
        assertThat(hidden).isNotEmpty();
        Set<Long> expectedProjects = ids(allProjects, "projects");
        expectedProjects.removeAll(hidden);
        JsonNode userProjects = list("/api/projects?limit=500", user.token());
        assertThat(ids(userProjects, "projects")).isEqualTo(expectedProjects);
        assertThat(userProjects.get("total").asLong()).isEqualTo(expectedProjects.size());

        JsonNode allExperiments = list("/api/experiments?limit=500", platform.adminToken());
        Set<Long> expectedExperiments = new HashSet<>();
        for (JsonNode e : allExperiments.get("experiments")) {
            if (e.get("project_id").isNull() || !hidden.contains(e.get("project_id").asLong())) {
                expectedExperiments.add(e.get("id").asLong());
            }
        }
        JsonNode userExperiments = list("/api/experiments?limit=500", user.token());
        assertThat(ids(userExperiments, "experiments")).isEqualTo(expectedExperiments);
        assertThat(userExperiments.get("total").asLong()).isEqualTo(expectedExperiments.size());
    }

    private static String project(long id) {
        return "/api/projects/" + id;
    }

    private static String experiment(long id) {
        return "/api/experiments/" + id;
    }

    private static JsonNode list(String path, String token) {
        var response = http.get(path, token);
        assertThat(response.status()).as("GET %s: %s", path, response).isEqualTo(200);
        return response.json();
    }

    private static long total(String path, String token) {
        return list(path, token).get("total").asLong();
    }

    private static Set<Long> ids(JsonNode page, String field) {
        return ids(page, field, "id");
    }

    private static Set<Long> ids(JsonNode page, String field, String idField) {
        Set<Long> ids = new HashSet<>();
        page.get(field).forEach(item -> ids.add(item.get(idField).asLong()));
        assertThat(ids).hasSize(page.get(field).size());
        return ids;
    }

    private static void assertEmpty(JsonNode page, String field) {
        assertThat(page.get(field)).as("%s of %s", field, page).isEmpty();
        assertThat(page.get("total").asInt()).as("total of %s", page).isZero();
    }
}
