package dev.mint.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {
    private static ErrorBody parse(int status, String body, Map<String, List<String>> headers) {
        ApiResponse response = new ApiResponse(status, HttpHeaders.of(headers, (a, b) -> true),
                body.getBytes(StandardCharsets.UTF_8), URI.create("http://h/api/x"), "GET");
        return ErrorBody.parse(response, JsonCodec.snakeCase());
    }

    private static ErrorBody parse(int status, String body) {
        return parse(status, body, Map.of());
    }

    @Test
    void mintEnvelope() {
        ErrorBody error = parse(404, "{\"error\": \"NOT_FOUND\", \"message\": \"Experiment 9 not found\","
                + " \"details\": {\"entity\": \"experiment\", \"entity_id\": \"9\"}}", Map.of("X-Request-Id", List.of("r-1")));
        assertThat(error.code()).contains("NOT_FOUND");
        assertThat(error.message()).isEqualTo("Experiment 9 not found");
        assertThat(error.details()).containsEntry("entity", "experiment").containsEntry("entity_id", "9");
        assertThat(error.requestId()).contains("r-1");
    }

    @Test
    void detailString() {
        ErrorBody error = parse(401, "{\"detail\": \"Invalid credentials\"}");
        assertThat(error.code()).isEmpty();
        assertThat(error.message()).isEqualTo("Invalid credentials");
        assertThat(error.details()).containsEntry("detail", "Invalid credentials");
    }

    @Test
    void detailObjectWithCode() {
        ErrorBody error = parse(403, "{\"detail\": {\"code\": \"auth.read_only_token\", \"message\": \"Read-only token\"}}");
        assertThat(error.code()).contains("auth.read_only_token");
        assertThat(error.message()).isEqualTo("Read-only token");
    }

    @Test
    void validationList() {
        ErrorBody error = parse(422, "{\"detail\": [{\"loc\": [\"body\", \"name\"], \"msg\": \"field required\","
                + " \"type\": \"missing\"}, {\"loc\": [\"query\", \"limit\"], \"msg\": \"too large\"}]}");
        assertThat(error.message()).isEqualTo("body.name: field required; query.limit: too large");
        assertThat(error.details()).containsKey("detail");
    }

    @Test
    void problemJson() {
        ErrorBody error = parse(422, "{\"type\": \"about:blank\", \"title\": \"No candidate model\", \"status\": 422,"
                + " \"request_id\": \"abc\"}");
        assertThat(error.message()).isEqualTo("No candidate model");
        assertThat(error.requestId()).contains("abc");
    }

    @Test
    void htmlFromAProxy() {
        ErrorBody error = parse(502, "<html><body>Bad gateway</body></html>");
        assertThat(error.message()).isEqualTo("HTTP 502 from GET http://h/api/x");
        assertThat(error.code()).isEmpty();
    }

    @Test
    void plainTextAndEmptyBodies() {
        assertThat(parse(503, "upstream connect error\nmore").message()).isEqualTo("HTTP 503: upstream connect error");
        assertThat(parse(400, "").message()).isEqualTo("HTTP 400 from GET http://h/api/x");
        assertThat(parse(400, "[1, 2]").message()).isEqualTo("HTTP 400: [1, 2]");
    }
}
