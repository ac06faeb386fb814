package dev.mint.server;

import static dev.mint.server.test.ErrorAssertions.assertError;
import static dev.mint.server.test.ErrorAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.ProjectFixtures.User;
import dev.mint.server.test.ProjectFixtures;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Malformed, mistyped, oversized and misrouted requests across routes: each is answered in the error envelope
 * with a 4xx, never a 500, and leaves nothing behind.
 */
class BadInputTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static TestHttp http;
    static ProjectFixtures fixtures;
    static User alice;
    static long project;
    static long experiment;

    @BeforeAll
    static void start() {
        http = platform.http();
        fixtures = new ProjectFixtures(platform);
        alice = fixtures.user("alice", "member");
        project = fixtures.projectId(alice.token(), "open");
        experiment = fixtures.experimentId(alice.token(), project);
    }

    /** Writes that take a JSON object body, as method and path. */
    static List<String[]> writes() {
        return List.of(
                new String[] {"POST", "/api/projects"},
                new String[] {"PATCH", "/api/projects/" + project},
                new String[] {"PUT", "/api/projects/" + project + "/members/" + alice.id()},
                new String[] {"POST", "/api/experiments"},
                new String[] {"PATCH", "/api/experiments/" + experiment},
                new String[] {"PUT", "/api/experiments/" + experiment + "/data"},
                new String[] {"PUT", "/api/experiments/" + experiment + "/results/plate"});
    }

    @Test
    void malformedJsonIsInvalidJsonOnEveryWrite() {
        Snapshot before = snapshot();
        for (String[] write : writes()) {
            for (String body : List.of("{", "{\"name\": }", "{'name': 'single quotes'}", "{\"name\": \"x\"} trailing",
                    "nul", "\u0000", "[".repeat(5000) + "]".repeat(5000))) {
                var response = http.send(write[0], write[1], alice.token(), body, Map.of());
                assertError(response, 400, "INVALID_JSON");
            }
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void bodyThatIsNotAJsonObjectIsInvalid() {
        Snapshot before = snapshot();
        for (String[] write : writes()) {
            for (String body : List.of("[]", "[{\"name\": \"in an array\"}]", "\"a string\"", "42", "true", "null")) {
                assertInvalid(http.send(write[0], write[1], alice.token(), body, Map.of()), "body");
            }
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void textWithANulCharacterIsRefusedOnEveryDatabase() {
        // PostgreSQL stores no NUL in text or jsonb; refusing it up front answers the same on SQLite.
        Snapshot before = snapshot();
        assertInvalid(http.post("/api/projects", alice.token(), Map.of("name", "nul\u0000name")), "name");
        assertInvalid(http.put("/api/experiments/" + experiment + "/data", alice.token(),
                Map.of("wells", List.of(Map.of("id", "A1"), Map.of("id", "A\u00002")))), "wells.1.id");
        assertInvalid(http.patch("/api/experiments/" + experiment, alice.token(), Map.of("tags\u0000", List.of())), "tags\u0000");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void wrongTypesAreInvalidAndNameTheField() {
        Snapshot before = snapshot();
        assertInvalid(http.post("/api/projects", alice.token(), Map.of("name", 5)), "name");
        assertInvalid(http.post("/api/projects", alice.token(), Map.of("name", List.of("a"))), "name");
        assertInvalid(http.post("/api/projects", alice.token(), Map.of("name", "typed", "description", Map.of())), "description");
        assertInvalid(http.post("/api/projects", alice.token(), Map.of("name", "typed", "visibility", true)), "visibility");
        assertInvalid(http.patch("/api/projects/" + project, alice.token(), Map.of("status", 1)), "status");
        assertInvalid(http.put("/api/projects/" + project + "/members/" + alice.id(), alice.token(), Map.of("role", List.of())),
                "role");
        assertInvalid(http.post("/api/experiments", alice.token(), Map.of("name", "typed", "project_id", "x")), "project_id");
        assertInvalid(http.post("/api/experiments", alice.token(), Map.of("name", "typed", "project_id", 1.5)), "project_id");
        assertInvalid(http.send("POST", "/api/experiments", alice.token(),
                "{\"name\": \"typed\", \"project_id\": 123456789012345678901234567890}", Map.of()), "project_id");
        assertInvalid(http.post("/api/experiments", alice.token(), Map.of("name", "typed", "tags", List.of())), "tags");
        assertInvalid(http.post("/api/experiments", alice.token(), Map.of("name", "typed", "custom_metadata", "{}")),
                "custom_metadata");
        assertInvalid(http.post("/api/experiments", alice.token(), Map.of("name", "typed", "start_date", 20260501)),
                "start_date");
        assertInvalid(http.post("/api/experiments", alice.token(), Map.of("name", "typed", "start_date", "May 1st")),
                "start_date");
        assertInvalid(http.patch("/api/experiments/" + experiment, alice.token(), Map.of("name", false)), "name");
        assertInvalid(http.patch("/api/experiments/" + experiment, alice.token(), Map.of("tags", "a,b")), "tags");
        assertInvalid(http.put("/api/experiments/" + experiment + "/data", alice.token(), Map.of("plugin_id", "p", "data", List.of())),
                "data");
        assertInvalid(http.put("/api/experiments/" + experiment + "/results/plate", alice.token(), Map.of("result", 3)), "result");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void badQueryAndPathParametersAreInvalid() {
        for (String path : List.of("/api/projects", "/api/experiments", "/api/projects/" + project + "/experiments",
                "/api/admin/audit")) {
            assertInvalid(http.get(path + "?limit=99999999999999999999", platform.adminToken()), "limit");
            assertInvalid(http.get(path + "?limit=1000000", platform.adminToken()), "limit");
            assertInvalid(http.get(path + "?limit=-5", platform.adminToken()), "limit");
            assertInvalid(http.get(path + "?skip=lots", platform.adminToken()), "skip");
            assertInvalid(http.get(path + "?skip=99999999999", platform.adminToken()), "skip");
        }
        assertInvalid(http.get("/api/experiments?project_id=x", alice.token()), "project_id");
        assertInvalid(http.get("/api/experiments?status=unknown", alice.token()), "status");
        assertInvalid(http.get("/api/experiments?sort_by=password", alice.token()), "sort_by");
        assertInvalid(http.get("/api/experiments?created_after=soon", alice.token()), "created_after");
        assertInvalid(http.put("/api/projects/" + project + "/members/x", alice.token(), Map.of("role", "viewer")), "user_id");
        assertInvalid(http.get("/api/experiments/99999999999999999999999", alice.token()), "id");
        assertInvalid(http.delete("/api/projects/nope", alice.token()), "id");
    }

    @Test
    void unknownFieldsAreIgnored() {
        String name = ProjectFixtures.unique("extra");
        var created = http.post("/api/projects", alice.token(), Map.of("name", name, "colour", "teal", "owner_id", 1,
                "nested", Map.of("deep", List.of(1, 2)), "id", 424242, "created_by", 1));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("id").asLong()).isNotEqualTo(424242);
        assertThat(created.json().get("created_by").asLong()).isEqualTo(alice.id());
        assertThat(created.json().has("colour")).isFalse();

        var patched = http.patch("/api/projects/" + created.json().get("id").asLong(), alice.token(),
                Map.of("flavour", "vanilla", "member_count", 99));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("name").asText()).isEqualTo(name);
        assertThat(patched.json().get("member_count").asInt()).isEqualTo(1);

        var experimentCreated = http.post("/api/experiments", alice.token(), Map.of("name", "with extras", "experiment_code",
                "EXP-999", "has_design_data", true));
        assertThat(experimentCreated.status()).isEqualTo(201);
        assertThat(experimentCreated.json().get("experiment_code").asText()).isNotEqualTo("EXP-999");
        assertThat(experimentCreated.json().get("has_design_data").asBoolean()).isFalse();
    }

    @Test
    void nullForAnOptionalFieldIsAccepted() {
        Map<String, Object> project = new HashMap<>();
        project.put("name", ProjectFixtures.unique("nulls"));
        project.put("description", null);
        project.put("visibility", null);
        var created = http.post("/api/projects", alice.token(), project);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("visibility").asText()).isEqualTo("open");
        assertThat(created.json().get("description").isNull()).isTrue();

        Map<String, Object> experimentBody = new HashMap<>();
        experimentBody.put("name", "nulls");
        for (String field : List.of("project_id", "notes", "tags", "custom_metadata", "experiment_type", "status",
                "start_date", "end_date", "parent_experiment_id")) {
            experimentBody.put(field, null);
        }
        var experimentCreated = http.post("/api/experiments", alice.token(), experimentBody);
        assertThat(experimentCreated.status()).as(experimentCreated.toString()).isEqualTo(201);
        assertThat(experimentCreated.json().get("project_id").isNull()).isTrue();
        assertThat(experimentCreated.json().get("status").asText()).isEqualTo("planned");
        assertThat(experimentCreated.json().get("tags").isObject()).isTrue();

        Map<String, Object> clear = new HashMap<>();
        clear.put("notes", null);
        clear.put("tags", null);
        var patched = http.patch("/api/experiments/" + experimentCreated.json().get("id").asLong(), alice.token(), clear);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("notes").isNull()).isTrue();
    }

    @Test
    void emptyBodyIsAnEmptyObject() {
        assertInvalid(http.send("POST", "/api/projects", alice.token(), "", Map.of()), "name");
        assertInvalid(http.send("POST", "/api/projects", alice.token(), "   ", Map.of()), "name");
        var untouched = http.send("PATCH", "/api/projects/" + project, alice.token(), "", Map.of());
        assertThat(untouched.status()).isEqualTo(200);
    }

    @Test
    void unknownRouteIsAnEnvelopedNotFound() {
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            for (String path : List.of("/api/nothing-here", "/api/projects/" + project + "/nothing", "/not-api", "/")) {
                var response = http.send(method, path, alice.token(), method.equals("GET") ? null : "{}", Map.of());
                assertError(response, 404, "NOT_FOUND");
            }
        }
    }

    @Test
    void wrongMethodOnAKnownPathIsAnEnvelopedNotFoundOrNotAllowed() {
        Snapshot before = snapshot();
        List<String[]> wrong = List.of(
                new String[] {"PUT", "/api/projects"},
                new String[] {"DELETE", "/api/projects"},
                new String[] {"PATCH", "/api/projects"},
                new String[] {"PUT", "/api/projects/" + project},
                new String[] {"POST", "/api/projects/" + project},
                new String[] {"GET", "/api/projects/" + project + "/archive"},
                new String[] {"POST", "/api/projects/" + project + "/members"},
                new String[] {"PUT", "/api/experiments"},
                new String[] {"POST", "/api/experiments/" + experiment},
                new String[] {"POST", "/api/health"},
                new String[] {"DELETE", "/api/health/ready"},
                new String[] {"POST", "/api/admin/audit"});
        for (String[] request : wrong) {
            var response = http.send(request[0], request[1], platform.adminToken(), "{\"name\": \"wrong\"}", Map.of());
            assertThat(response.status()).as("%s %s: %s", request[0], request[1], response).isIn(404, 405);
            assertError(response, response.status(), response.status() == 404 ? "NOT_FOUND" : "METHOD_NOT_ALLOWED");
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void missingOrMalformedCredentialsAreUnauthorizedBeforeTheBodyIsRead() {
        for (String token : new String[] {null, "garbage", ""}) {
            var response = http.send("POST", "/api/projects", token, "{", Map.of());
            assertError(response, 401, "UNAUTHORIZED");
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
        var basic = http.send("GET", "/api/projects", null, null, Map.of("Authorization", "Basic YWRtaW46YWRtaW4="));
        assertError(basic, 401, "UNAUTHORIZED");
    }

    @Test
    void oversizedBodyIsPayloadTooLargeAndStoresNothing() {
        try (TestPlatform small = TestPlatform.start(b -> b.maxBodyBytes(2048))) {
            String token = small.adminToken();
            String name = ProjectFixtures.unique("huge");
            String body = "{\"name\": \"" + name + "\", \"description\": \"" + "x".repeat(4000) + "\"}";

            var response = small.http().send("POST", "/api/projects", token, body, Map.of());

            JsonNode error = assertError(response, 413, "PAYLOAD_TOO_LARGE");
            assertThat(error.get("message").asText()).doesNotContain("Exception");
            var list = small.http().get("/api/projects", token);
            assertThat(list.json().get("total").asInt()).isZero();
            assertError(small.http().send("PATCH", "/api/projects/1", token, body, Map.of()), 413, "PAYLOAD_TOO_LARGE");
            var fits = small.http().post("/api/projects", token, Map.of("name", name, "description", "x".repeat(1000)));
            assertThat(fits.status()).as(fits.toString()).isEqualTo(201);
        }
    }

    /** Project and experiment counts as the admin sees them, to show a refused request stored nothing. */
    record Snapshot(long projects, long experiments, long members, String experimentUpdatedAt, String projectUpdatedAt) {
    }

    static Snapshot snapshot() {
        String admin = platform.adminToken();
        return new Snapshot(http.get("/api/projects", admin).json().get("total").asLong(),
                http.get("/api/experiments", admin).json().get("total").asLong(),
                http.get("/api/projects/" + project + "/members", admin).json().get("total").asLong(),
                http.get("/api/experiments/" + experiment, admin).json().get("updated_at").asText(),
                http.get("/api/projects/" + project, admin).json().get("updated_at").asText());
    }
}
