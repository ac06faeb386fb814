package dev.mint.server.projects;

import static dev.mint.server.test.ErrorAssertions.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.ServerConfig;
import dev.mint.server.test.ProjectFixtures;
import dev.mint.server.test.ProjectFixtures.User;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code restricted} visibility mode: projects and experiments are for their members (and admins) only. */
class RestrictedModeTest {
    static TestPlatform platform;
    static TestHttp http;
    static ProjectFixtures fixtures;
    static User alice;
    static User bob;
    static User vic;
    static long openProject;
    static long openExperiment;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(b -> b.experimentVisibility(ServerConfig.VisibilityMode.RESTRICTED));
        http = platform.http();
        fixtures = new ProjectFixtures(platform);
        alice = fixtures.user("alice", "member");
        bob = fixtures.user("bob", "member");
        vic = fixtures.user("vic", "viewer");
        openProject = fixtures.projectId(alice.token(), "open");
        openExperiment = fixtures.experimentId(alice.token(), openProject);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void publicConfigAnnouncesRestrictedMode() {
        var response = http.get("/api/setup/config/public", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/access/experiment_visibility_mode").asText()).isEqualTo("restricted");
    }

    @Test
    void nonMembersDoNotSeeEvenAnOpenProjectOrItsExperiments() {
        for (User outsider : List.of(bob, vic)) {
            String token = outsider.token();
            assertNotFound(http.get("/api/projects/" + openProject, token));
            assertNotFound(http.get("/api/projects/" + openProject + "/experiments", token));
            assertNotFound(http.get("/api/projects/" + openProject + "/members", token));
            assertNotFound(http.patch("/api/projects/" + openProject, token, Map.of("name", "mine now")));
            assertNotFound(http.get("/api/experiments/" + openExperiment, token));
            assertNotFound(http.patch("/api/experiments/" + openExperiment, token, Map.of("name", "mine now")));
            assertThat(ids(list("/api/projects?limit=500", token), "projects")).doesNotContain(openProject);
            assertThat(ids(list("/api/experiments?limit=500", token), "experiments")).doesNotContain(openExperiment);
            assertThat(list("/api/experiments?project_id=" + openProject, token).get("total").asInt()).isZero();
        }
        assertThat(http.get("/api/projects/" + openProject, alice.token()).json().get("name").asText()).doesNotContain("mine");
    }

    @Test
    void membersSeeTheirProjectsWhateverTheirVisibility() {
        long project = fixtures.projectId(alice.token(), "open");
        long experiment = fixtures.experimentId(alice.token(), project);
        User carol = fixtures.user("carol", "viewer");
        assertNotFound(http.get("/api/projects/" + project, carol.token()));

        fixtures.member(alice.token(), project, carol.id(), "viewer");

        assertThat(http.get("/api/projects/" + project, carol.token()).status()).isEqualTo(200);
        assertThat(http.get("/api/experiments/" + experiment, carol.token()).status()).isEqualTo(200);
        JsonNode projects = list("/api/projects?limit=500", carol.token());
        assertThat(ids(projects, "projects")).containsExactly(project);
        assertThat(projects.get("total").asInt()).isEqualTo(1);
        assertThat(ids(list("/api/experiments?limit=500", carol.token()), "experiments")).containsExactly(experiment);
    }

    @Test
    void experimentWithoutProjectIsVisibleOnlyToItsCreatorAndAdmins() {
        long own = fixtures.experimentId(bob.token(), null);

        assertThat(http.get("/api/experiments/" + own, bob.token()).status()).isEqualTo(200);
        assertThat(http.get("/api/experiments/" + own, platform.adminToken()).status()).isEqualTo(200);
        assertThat(ids(list("/api/experiments?limit=500", bob.token()), "experiments")).contains(own);
        assertThat(ids(list("/api/experiments?limit=500", platform.adminToken()), "experiments")).contains(own);
        for (User other : List.of(alice, vic)) {
            assertNotFound(http.get("/api/experiments/" + own, other.token()));
            assertNotFound(http.patch("/api/experiments/" + own, other.token(), Map.of("notes", "seen")));
            assertNotFound(http.delete("/api/experiments/" + own, other.token()));
            assertThat(ids(list("/api/experiments?limit=500", other.token()), "experiments")).doesNotContain(own);
        }
        assertThat(http.get("/api/experiments/" + own, bob.token()).json().get("notes").isNull()).isTrue();
    }

    @Test
    void adminsSeeEverything() {
        assertThat(http.get("/api/projects/" + openProject, platform.adminToken()).status()).isEqualTo(200);
        assertThat(http.get("/api/experiments/" + openExperiment, platform.adminToken()).status()).isEqualTo(200);
        assertThat(ids(list("/api/projects?limit=500", platform.adminToken()), "projects")).contains(openProject);
    }

    private static JsonNode list(String path, String token) {
        var response = http.get(path, token);
        assertThat(response.status()).as("GET %s: %s", path, response).isEqualTo(200);
        return response.json();
    }

    private static List<Long> ids(JsonNode page, String field) {
        List<Long> ids = new ArrayList<>();
        page.get(field).forEach(item -> ids.add(item.get("id").asLong()));
        assertThat(page.get("total").asInt()).isEqualTo(ids.size());
        return ids;
    }
}
