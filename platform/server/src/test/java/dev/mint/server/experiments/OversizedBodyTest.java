package dev.mint.server.experiments;

import static dev.mint.server.experiments.ExperimentApi.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bodies above the configured limit are refused with 413 in the error envelope and store nothing. */
class OversizedBodyTest {
    private static final int LIMIT = 4096;

    static TestPlatform platform;
    static ExperimentApi api;
    static String member;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(b -> b.maxBodyBytes(LIMIT));
        api = new ExperimentApi(platform);
        member = platform.userToken("mia", "member");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static TestHttp http() {
        return platform.http();
    }

    @Test
    void designDataAboveTheLimitIs413AndNotStored() {
        long id = api.create(member, "Big design").get("id").asLong();
        String path = "/api/experiments/" + id + "/data";

        TestHttp.Response response = http().put(path, member,
                Map.of("plugin_id", "panel-designer", "data", Map.of("blob", "x".repeat(2 * LIMIT))));

        assertError(response, 413, "PAYLOAD_TOO_LARGE");
        assertError(http().get(path, member), 404, "NOT_FOUND");
        assertThat(api.get(member, id).get("has_design_data").asBoolean()).isFalse();
    }

    @Test
    void designDataJustBelowTheLimitIsStored() {
        long id = api.create(member, "Fitting design").get("id").asLong();
        String blob = "y".repeat(LIMIT - 200);

        TestHttp.Response response = http().put("/api/experiments/" + id + "/data", member,
                Map.of("plugin_id", "panel-designer", "data", Map.of("blob", blob)));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().at("/data/blob").asText()).isEqualTo(blob);
    }

    @Test
    void experimentAboveTheLimitIs413AndNotCreated() {
        long before = api.total(member);

        TestHttp.Response response = http().post("/api/experiments", member,
                Map.of("name", "Huge notes", "notes", "n".repeat(2 * LIMIT)));

        assertError(response, 413, "PAYLOAD_TOO_LARGE");
        assertThat(api.total(member)).isEqualTo(before);
    }

    @Test
    void chunkedBodyWithoutContentLengthIsLimitedToo() throws Exception {
        long id = api.create(member, "Streamed design").get("id").asLong();
        String path = "/api/experiments/" + id + "/data";
        byte[] body = ("{\"plugin_id\": \"p\", \"data\": {\"blob\": \"" + "s".repeat(25 * LIMIT) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + path))
                .header("Authorization", "Bearer " + member).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"error\":\"PAYLOAD_TOO_LARGE\"");
        assertError(http().get(path, member), 404, "NOT_FOUND");
    }

    @Test
    void resultAboveTheLimitIs413AndNotStored() {
        long id = api.create(member, "Big result").get("id").asLong();
        String path = "/api/experiments/" + id + "/results/fit";

        TestHttp.Response response = http().put(path, member, Map.of("result", Map.of("blob", "z".repeat(2 * LIMIT))));

        assertError(response, 413, "PAYLOAD_TOO_LARGE");
        assertError(http().get(path, member), 404, "NOT_FOUND");
    }
}
