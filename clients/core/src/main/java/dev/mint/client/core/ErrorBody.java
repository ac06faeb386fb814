package dev.mint.client.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an error response says, whichever shape its body has:
 * <ol>
 *   <li>the MINT envelope {@code {"error": CODE, "message": ..., "details": {...}}};</li>
 *   <li>{@code {"detail": "text"}} or {@code {"detail": {"code": ..., "message": ...}}} (FastAPI, Tinker);</li>
 *   <li>{@code {"detail": [{"loc": [...], "msg": ..., "type": ...}]}} (request validation);</li>
 * </ol>
 * and RFC 7807 problem documents ({@code title}/{@code detail}) or a non-JSON body from a proxy.
 *
 * @param code      machine-readable code, when the body has one
 * @param message   a human-readable message; never empty
 * @param details   structured details, or the whole JSON body when it has no {@code details} field
 * @param requestId from {@code X-Request-Id}, else from the body's {@code request_id}
 */
public record ErrorBody(Optional<String> code, String message, Map<String, Object> details, Optional<String> requestId) {

    public static ErrorBody parse(ApiResponse response, JsonCodec json) {
        Optional<String> headerId = response.requestId();
        JsonNode body = readObject(response, json);
        if (body == null) {
            return new ErrorBody(Optional.empty(), fallbackMessage(response), Map.of(), headerId);
        }
        JsonNode detail = body.path("detail");
        Optional<String> code = text(body, "error")
                .or(() -> text(body, "code"))
                .or(() -> text(detail, "code"));
        String message = text(body, "message")
                .or(() -> detail.isTextual() ? Optional.of(detail.asText()) : Optional.empty())
                .or(() -> text(detail, "message"))
                .or(() -> validationMessage(detail))
                .or(() -> text(body, "title"))
                .orElseGet(() -> fallbackMessage(response));
        JsonNode detailsNode = body.has("details") && body.get("details").isObject() ? body.get("details") : body;
        Map<String, Object> details = json.mapper().convertValue(detailsNode,
                json.mapper().getTypeFactory().constructMapType(Map.class, String.class, Object.class));
        Optional<String> requestId = headerId.or(() -> text(body, "request_id"));
        return new ErrorBody(code, message, details, requestId);
    }

    private static JsonNode readObject(ApiResponse response, JsonCodec json) {
        if (!response.hasBody()) {
            return null;
        }
        try {
            JsonNode node = json.tree(response.body());
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** {@code body.name: field required; body.age: not a number}. */
    private static Optional<String> validationMessage(JsonNode detail) {
        if (!detail.isArray() || detail.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode item : detail) {
            String msg = item.path("msg").asText(item.toString());
            if (item.path("loc").isArray()) {
                List<String> loc = new ArrayList<>();
                item.path("loc").forEach(segment -> loc.add(segment.asText()));
                parts.add(String.join(".", loc) + ": " + msg);
            } else {
                parts.add(msg);
            }
        }
        return Optional.of(String.join("; ", parts));
    }

    private static String fallbackMessage(ApiResponse response) {
        String text = response.bodyText().strip();
        String firstLine = text.lines().findFirst().orElse("");
        if (firstLine.isEmpty() || firstLine.startsWith("<")) {
            return "HTTP " + response.status() + " from " + response.method() + " " + response.uri();
        }
        return "HTTP " + response.status() + ": " + (firstLine.length() > 200 ? firstLine.substring(0, 200) + "..." : firstLine);
    }
}
