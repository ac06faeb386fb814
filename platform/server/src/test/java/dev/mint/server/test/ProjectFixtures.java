package dev.mint.server.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates projects, experiments, members and users through the real API, failing the test at once when
 * the platform refuses: for tests whose subject is something else.
 */
public final class ProjectFixtures {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestPlatform platform;

    public ProjectFixtures(TestPlatform platform) {
        this.platform = platform;
    }

    /** A name no other fixture call of this JVM returns, e.g. {@code alpha-17}. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** A user with a session token; the user's password is {@code username + "-password"}. */
    public record User(long id, String username, String token) {
    }

    public User user(String prefix, String role) {
        String username = unique(prefix).replace("-", "_");
        long id = platform.createUser(username, role).get("id").asLong();
        return new User(id, username, platform.login(username, username + "-password"));
    }

    /** Creates a project as {@code token}'s user (who becomes its owner) and returns it. */
    public JsonNode project(String token, String visibility) {
        return project(token, unique("project"), visibility);
    }

    public JsonNode project(String token, String name, String visibility) {
        TestHttp.Response response = platform.http().post("/api/projects", token,
                Map.of("name", name, "visibility", visibility));
        assertThat(response.status()).as("create project: %s", response).isEqualTo(201);
        return response.json();
    }

    public long projectId(String token, String visibility) {
        return project(token, visibility).get("id").asLong();
    }

    /** Creates an experiment, in {@code projectId} unless it is null, and returns it. */
    public JsonNode experiment(String token, Long projectId) {
        return experiment(token, unique("experiment"), projectId);
    }

    public JsonNode experiment(String token, String name, Long projectId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        if (projectId != null) {
            body.put("project_id", projectId);
        }
        TestHttp.Response response = platform.http().post("/api/experiments", token, body);
        assertThat(response.status()).as("create experiment: %s", response).isEqualTo(201);
        return response.json();
    }

    public long experimentId(String token, Long projectId) {
        return experiment(token, projectId).get("id").asLong();
    }

    /** Gives {@code userId} the project role {@code role} (owner, editor or viewer), acting as {@code token}. */
    public void member(String token, long projectId, long userId, String role) {
        TestHttp.Response response = platform.http().put("/api/projects/" + projectId + "/members/" + userId, token,
                Map.of("role", role));
        assertThat(response.status()).as("set member: %s", response).isEqualTo(200);
    }
}
