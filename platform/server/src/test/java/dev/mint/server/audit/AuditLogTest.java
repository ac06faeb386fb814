package dev.mint.server.audit;

import static dev.mint.server.test.ErrorAssertions.assertDenied;
import static dev.mint.server.test.ErrorAssertions.assertError;
import static dev.mint.server.test.ErrorAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.ProjectFixtures.User;
import dev.mint.server.test.ProjectFixtures;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /api/admin/audit} and the events project and experiment writes leave there. */
class AuditLogTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static TestHttp http;
    static ProjectFixtures fixtures;
    static User alice;
    static User vic;

    @BeforeAll
    static void start() {
        http = platform.http();
        fixtures = new ProjectFixtures(platform);
        alice = fixtures.user("alice", "member");
        vic = fixtures.user("vic", "viewer");
        platform.adminToken();
    }

    @Test
    void eventsCarryActorActionEntityDetailsRequestAndTime() {
        Instant before = Instant.now().minusSeconds(1);
        String name = ProjectFixtures.unique("audited");
        var created = http.send("POST", "/api/projects", alice.token(), Map.of("name", name), Map.of("X-Request-Id", "trace-audit-1"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();

        JsonNode page = audit("entity_type=project&entity_id=" + id);

        assertThat(fieldNames(page)).containsExactly("events", "total");
        assertThat(page.get("total").asInt()).isEqualTo(1);
        JsonNode event = page.at("/events/0");
        assertThat(fieldNames(event)).containsExactlyInAnyOrder("id", "actor_id", "actor_username", "action", "entity_type",
                "entity_id", "details", "request_id", "client_ip", "created_at");
        assertThat(event.get("actor_id").asLong()).isEqualTo(alice.id());
        assertThat(event.get("actor_username").asText()).isEqualTo(alice.username());
        assertThat(event.get("action").asText()).isEqualTo("project.create");
        assertThat(event.get("entity_type").asText()).isEqualTo("project");
        assertThat(event.get("entity_id").asText()).isEqualTo(id);
        assertThat(event.at("/details/name").asText()).isEqualTo(name);
        assertThat(event.get("request_id").asText()).isEqualTo("trace-audit-1");
        assertThat(event.get("client_ip").asText()).isEqualTo("127.0.0.1");
        assertThat(Instant.parse(event.get("created_at").asText())).isBetween(before, Instant.now().plusSeconds(1));
    }

    @Test
    void recordedRequestIdIsTheOneTheClientSentOrElseTheOneAnswered() {
        long project = fixtures.projectId(alice.token(), "open");
        var sent = http.send("PATCH", "/api/projects/" + project, alice.token(), Map.of("description", "traced"),
                Map.of("X-Request-Id", "client-chosen.id:42"));
        var unsent = http.patch("/api/projects/" + project, alice.token(), Map.of("description", "untraced"));
        assertThat(sent.header("X-Request-Id")).isEqualTo("client-chosen.id:42");

        JsonNode events = audit("action=project.update&entity_id=" + project).get("events");

        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("request_id").asText()).isEqualTo(unsent.header("X-Request-Id")).isNotBlank();
        assertThat(events.get(1).get("request_id").asText()).isEqualTo("client-chosen.id:42");
    }

    @Test
    void eachProjectAndExperimentWriteAddsExactlyOneEvent() {
        JsonNode created = expectOneEvent("project.create",
                () -> http.post("/api/projects", alice.token(), Map.of("name", ProjectFixtures.unique("written"))));
        long project = created.get("entity_id").asLong();
        String path = "/api/projects/" + project;

        expectOneEvent("project.update", () -> http.patch(path, alice.token(), Map.of("description", "words")));
        expectOneEvent("project.archive", () -> http.post(path + "/archive", alice.token(), null));
        expectOneEvent("project.update", () -> http.patch(path, alice.token(), Map.of("status", "active")));
        JsonNode memberSet = expectOneEvent("project.member_set",
                () -> http.put(path + "/members/" + vic.id(), alice.token(), Map.of("role", "editor")));
        assertThat(memberSet.at("/details/user_id").asLong()).isEqualTo(vic.id());
        assertThat(memberSet.at("/details/role").asText()).isEqualTo("editor");
        JsonNode experimentCreated = expectOneEvent("experiment.create",
                () -> http.post("/api/experiments", vic.token(), Map.of("name", "audited run", "project_id", project)));
        assertThat(experimentCreated.get("actor_id").asLong()).isEqualTo(vic.id());
        assertThat(experimentCreated.get("entity_type").asText()).isEqualTo("experiment");
        String experiment = "/api/experiments/" + experimentCreated.get("entity_id").asText();
        JsonNode updated = expectOneEvent("experiment.update",
                () -> http.patch(experiment, vic.token(), Map.of("status", "ongoing")));
        assertThat(updated.at("/details/status").asText()).isEqualTo("ongoing");
        assertThat(updated.at("/details/old_status").asText()).isEqualTo("planned");
        expectOneEvent("design_data.save",
                () -> http.put(experiment + "/data", vic.token(), Map.of("plugin_id", "plate", "data", Map.of("n", 1))));
        expectOneEvent("project.member_remove", () -> http.delete(path + "/members/" + vic.id(), vic.token()));
        expectOneEvent("experiment.delete", () -> http.delete(experiment, alice.token()));
        fixtures.experimentId(alice.token(), project);
        JsonNode deleted = expectOneEvent("project.delete", () -> http.delete(path, alice.token()));
        assertThat(deleted.get("entity_id").asLong()).isEqualTo(project);
        assertThat(deleted.at("/details/experiments_deleted").asInt()).isEqualTo(1);
    }

    @Test
    void refusedWritesAddNoEvent() {
        long project = fixtures.projectId(alice.token(), "open");
        long experiment = fixtures.experimentId(alice.token(), project);
        String path = "/api/projects/" + project;
        String name = http.get(path, alice.token()).json().get("name").asText();
        long before = total("");

        assertDenied(http.post("/api/projects", vic.token(), Map.of("name", "by vic")), "projects.create");
        assertError(http.post("/api/projects", alice.token(), Map.of("name", name.toUpperCase())), 409, "CONFLICT");
        assertInvalid(http.post("/api/projects", alice.token(), Map.of("name", "x", "visibility", "nope")), "visibility");
        assertError(http.post("/api/projects", alice.token(), "{\"name\": "), 400, "INVALID_JSON");
        assertDenied(http.patch(path, vic.token(), Map.of("name", "vic's")), "projects.edit");
        assertInvalid(http.patch(path, alice.token(), Map.of("name", "fine", "status", "nope")), "status");
        assertDenied(http.post(path + "/archive", vic.token(), null), "projects.edit");
        assertDenied(http.delete(path, vic.token()), "projects.delete");
        assertDenied(http.put(path + "/members/" + vic.id(), vic.token(), Map.of("role", "owner")), "projects.manage_members");
        assertError(http.delete(path + "/members/" + alice.id(), alice.token()), 409, "CONFLICT");
        assertError(http.patch("/api/projects/999999", alice.token(), Map.of("name", "ghost")), 404, "NOT_FOUND");
        assertDenied(http.post("/api/experiments", vic.token(), Map.of("name", "vic's", "project_id", project)),
                "experiments.create");
        assertDenied(http.patch("/api/experiments/" + experiment, vic.token(), Map.of("name", "vic's")), "experiments.edit");
        assertDenied(http.delete("/api/experiments/" + experiment, vic.token()), "experiments.delete");
        http.get(path, alice.token());
        http.get("/api/experiments", vic.token());

        assertThat(total("")).isEqualTo(before);
    }

    @Test
    void eventsAreNewestFirst() {
        fixtures.projectId(alice.token(), "open");
        long latest = fixtures.projectId(alice.token(), "open");

        JsonNode events = audit("limit=500").get("events");

        assertThat(events.size()).isGreaterThan(2);
        assertThat(events.get(0).get("entity_id").asLong()).isEqualTo(latest);
        for (int i = 1; i < events.size(); i++) {
            Instant newer = Instant.parse(events.get(i - 1).get("created_at").asText());
            Instant older = Instant.parse(events.get(i).get("created_at").asText());
            assertThat(older).isBeforeOrEqualTo(newer);
            if (older.equals(newer)) {
                assertThat(events.get(i).get("id").asLong()).isLessThan(events.get(i - 1).get("id").asLong());
            }
        }
    }

    @Test
    void filtersByActionEntityAndActor() {
        long project = fixtures.projectId(alice.token(), "open");
        http.patch("/api/projects/" + project, alice.token(), Map.of("description", "once"));
        http.patch("/api/projects/" + project, alice.token(), Map.of("description", "twice"));
        fixtures.experimentId(alice.token(), project);

        JsonNode updates = audit("action=project.update&limit=500");
        JsonNode experiments = audit("entity_type=experiment&limit=500");
        JsonNode ofProject = audit("entity_type=project&entity_id=" + project);
        JsonNode byVic = audit("actor_id=" + vic.id() + "&limit=500");

        assertAll(updates, "action", "project.update");
        assertThat(updates.get("total").asInt()).isGreaterThanOrEqualTo(2);
        assertAll(experiments, "entity_type", "experiment");
        assertThat(experiments.get("total").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(actions(ofProject)).containsExactly("project.update", "project.update", "project.create");
        assertThat(ofProject.get("total").asInt()).isEqualTo(3);
        assertAll(byVic, "actor_id", Long.toString(vic.id()));
        assertThat(actions(byVic)).contains("auth.login");
        assertThat(audit("action=no.such.action").get("total").asInt()).isZero();
        assertThat(audit("actor_id=999999").get("total").asInt()).isZero();
        assertInvalid(http.get("/api/admin/audit?actor_id=alice", platform.adminToken()), "actor_id");
    }

    @Test
    void filtersByTimeWithSinceInclusiveAndUntilExclusive() {
        long project = fixtures.projectId(alice.token(), "open");
        http.patch("/api/projects/" + project, alice.token(), Map.of("description", "middle"));
        http.patch("/api/projects/" + project, alice.token(), Map.of("description", "last"));
        JsonNode events = audit("entity_type=project&entity_id=" + project).get("events");
        JsonNode middle = events.get(1);
        String at = encode(middle.get("created_at").asText());
        String filter = "entity_type=project&entity_id=" + project;

        JsonNode since = audit(filter + "&since=" + at);
        JsonNode until = audit(filter + "&until=" + at);

        assertThat(ids(since)).contains(middle.get("id").asLong()).contains(events.get(0).get("id").asLong());
        assertThat(ids(until)).doesNotContain(middle.get("id").asLong());
        assertThat(since.get("total").asInt() + until.get("total").asInt()).isEqualTo(3);
        assertThat(audit(filter + "&since=" + at + "&until=" + at).get("total").asInt()).isZero();
        assertThat(audit(filter + "&since=2000-01-01").get("total").asInt()).isEqualTo(3);
        assertThat(audit(filter + "&until=2000-01-01").get("total").asInt()).isZero();
        assertThat(audit(filter + "&since=" + encode("2000-01-01T00:00:00+02:00")).get("total").asInt()).isEqualTo(3);
        assertThat(audit(filter + "&since=3000-01-01").get("total").asInt()).isZero();
        assertInvalid(http.get("/api/admin/audit?since=yesterday", platform.adminToken()), "since");
        assertInvalid(http.get("/api/admin/audit?until=2026-13-45", platform.adminToken()), "until");
        assertInvalid(http.get("/api/admin/audit?since=2026-05-01T25:00:00Z", platform.adminToken()), "since");
    }

    @Test
    void pagesWithSkipAndLimit() {
        fixtures.projectId(alice.token(), "open");
        fixtures.projectId(alice.token(), "open");
        JsonNode all = audit("limit=500");
        long total = all.get("total").asLong();
        assertThat(all.get("events").size()).isEqualTo((int) total);

        JsonNode first = audit("limit=2");
        JsonNode second = audit("skip=1&limit=1");

        assertThat(first.get("events")).hasSize(2);
        assertThat(first.get("total").asLong()).isEqualTo(total);
        assertThat(second.get("events")).hasSize(1);
        assertThat(second.at("/events/0/id")).isEqualTo(all.at("/events/1/id"));
        assertThat(audit("skip=" + total).get("events")).isEmpty();
        assertInvalid(http.get("/api/admin/audit?limit=501", platform.adminToken()), "limit");
        assertInvalid(http.get("/api/admin/audit?limit=0", platform.adminToken()), "limit");
        assertInvalid(http.get("/api/admin/audit?skip=-1", platform.adminToken()), "skip");
    }

    @Test
    void onlyPlatformConfiguratorsReadTheAuditLog() {
        assertDenied(http.get("/api/admin/audit", alice.token()), "platform.configure");
        assertDenied(http.get("/api/admin/audit", vic.token()), "platform.configure");
        var anonymous = http.get("/api/admin/audit", null);
        assertError(anonymous, 401, "UNAUTHORIZED");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
    }

    /** Runs a write that must succeed and add exactly one event with {@code action}; returns that event. */
    private static JsonNode expectOneEvent(String action, Supplier<TestHttp.Response> write) {
        long before = total("");
        TestHttp.Response response = write.get();
        assertThat(response.status()).as("%s: %s", action, response).isBetween(200, 299);
        JsonNode page = audit("limit=1");
        assertThat(page.get("total").asLong()).as("events after %s", action).isEqualTo(before + 1);
        JsonNode event = page.at("/events/0");
        assertThat(event.get("action").asText()).isEqualTo(action);
        assertThat(event.get("request_id").asText()).isEqualTo(response.header("X-Request-Id"));
        return event;
    }

    private static JsonNode audit(String query) {
        var response = http.get("/api/admin/audit?" + query, platform.adminToken());
        assertThat(response.status()).as("audit %s: %s", query, response).isEqualTo(200);
        return response.json();
    }

    private static long total(String query) {
        return audit(query).get("total").asLong();
    }

    private static void assertAll(JsonNode page, String field, String value) {
        assertThat(page.get("events")).isNotEmpty();
        page.get("events").forEach(e -> assertThat(e.get(field).asText()).as("%s of %s", field, e).isEqualTo(value));
    }

    private static List<String> actions(JsonNode page) {
        List<String> actions = new ArrayList<>();
        page.get("events").forEach(e -> actions.add(e.get("action").asText()));
        return actions;
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("events").forEach(e -> ids.add(e.get("id").asLong()));
        return ids;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
