package dev.mint.server.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Calls and assertions the experiment tests share: creating fixtures and checking the error envelope. */
final class ExperimentApi {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestPlatform platform;

    ExperimentApi(TestPlatform platform) {
        this.platform = platform;
    }

    TestHttp http() {
        return platform.http();
    }

    /** An ordered map of alternating keys and values; unlike {@link Map#of} it takes null values. */
    static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A value as the JSON tree the server should answer with. */
    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode emptyObject() {
        return JSON.createObjectNode();
    }

    /** A name no other call in this JVM returns, for fixtures with unique names (projects, types). */
    static String unique(String prefix) {
        return prefix + "_" + SEQUENCE.incrementAndGet();
    }

    /** Creates an experiment, asserting 201. */
    JsonNode create(String token, Map<String, ?> body) {
        TestHttp.Response response = http().post("/api/experiments", token, body);
        assertThat(response.status()).as("create %s: %s", body, response).isEqualTo(201);
        return response.json();
    }

    JsonNode create(String token, String name) {
        return create(token, Map.of("name", name));
    }

    /** Reads an experiment, asserting 200. */
    JsonNode get(String token, long id) {
        TestHttp.Response response = http().get("/api/experiments/" + id, token);
        assertThat(response.status()).as("get %d: %s", id, response).isEqualTo(200);
        return response.json();
    }

    /** Lists experiments with a raw query string (without {@code ?}), asserting 200. */
    JsonNode list(String token, String query) {
        TestHttp.Response response = http().get("/api/experiments?" + query, token);
        assertThat(response.status()).as("list ?%s: %s", query, response).isEqualTo(200);
        return response.json();
    }

    /** The number of experiments the caller sees. */
    long total(String token) {
        return list(token, "limit=1").get("total").asLong();
    }

    /** Creates an open project, asserting 201. */
    JsonNode project(String token, String name) {
        TestHttp.Response response = http().post("/api/projects", token, Map.of("name", name));
        assertThat(response.status()).as("create project %s: %s", name, response).isEqualTo(201);
        return response.json();
    }

    void archive(String token, long projectId) {
        TestHttp.Response response = http().post("/api/projects/" + projectId + "/archive", token, Map.of());
        assertThat(response.status()).as("archive project %d: %s", projectId, response).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("archived");
    }

    /** Creates a user with profile fields and returns a session token for it. */
    String user(String username, String role, Map<String, String> profile) {
        Map<String, Object> body = new LinkedHashMap<>(profile);
        body.put("username", username);
        body.put("password", username + "-password");
        body.put("role", role);
        TestHttp.Response response = http().post("/api/admin/users", platform.adminToken(), body);
        assertThat(response.status()).as("create user %s: %s", username, response).isEqualTo(201);
        return platform.login(username, username + "-password");
    }

    /** The id of the user a token belongs to. */
    long userId(String token) {
        TestHttp.Response response = http().get("/api/users/me", token);
        assertThat(response.status()).as("me: %s", response).isEqualTo(200);
        return response.json().get("id").asLong();
    }

    /**
     * Returns once this machine's clock (which the server shares) is past {@code timestamp} by more than the
     * millisecond the databases store, so a write after this call gets a strictly later timestamp.
     */
    static void clockPast(JsonNode timestamp) {
        Instant after = Instant.parse(timestamp.asText()).plusMillis(1);
        while (!Instant.now().isAfter(after)) {
            Thread.onSpinWait();
        }
    }

    /**
     * Makes {@code count} calls from eight threads, released together, and returns the responses in call
     * order. {@code call} gets the call's index.
     */
    static List<TestHttp.Response> inParallel(int count, IntFunction<TestHttp.Response> call) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<TestHttp.Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.apply(index);
                }));
            }
            go.countDown();
            List<TestHttp.Response> responses = new ArrayList<>();
            for (Future<TestHttp.Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("A parallel call failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Asserts the error envelope with {@code status} and {@code code}; returns the body. */
    static JsonNode assertError(TestHttp.Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        JsonNode body = response.json();
        assertThat(body.path("error").asText()).as("error code of %s", response).isEqualTo(code);
        assertThat(body.path("message").asText()).as("message of %s", response).isNotBlank();
        return body;
    }

    /** Asserts a 422 VALIDATION_ERROR naming {@code field}. */
    static void assertInvalid(TestHttp.Response response, String field) {
        JsonNode body = assertError(response, 422, "VALIDATION_ERROR");
        assertThat(body.at("/details/field").asText()).as("field of %s", response).isEqualTo(field);
    }

    /** Asserts a 403 PERMISSION_DENIED naming {@code permission}. */
    static void assertDenied(TestHttp.Response response, String permission) {
        JsonNode body = assertError(response, 403, "PERMISSION_DENIED");
        assertThat(body.at("/details/required_permission").asText()).as("permission of %s", response).isEqualTo(permission);
    }
}
