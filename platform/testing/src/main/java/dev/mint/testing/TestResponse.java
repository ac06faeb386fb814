package dev.mint.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.sdk.WireJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A response from a {@link TestApp}: status, headers and body, with JSON helpers. */
public record TestResponse(int status, Map<String, List<String>> headers, String body) {

    /** The body as a JSON tree. */
    public JsonNode json() {
        try {
            return WireJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Response body is not JSON (status " + status + "): " + body, e);
        }
    }

    /** The body read as {@code type} with the wire mapper (snake_case). */
    public <T> T as(Class<T> type) {
        try {
            return WireJson.MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Response body is not a " + type.getSimpleName() + ": " + body, e);
        }
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }
}
