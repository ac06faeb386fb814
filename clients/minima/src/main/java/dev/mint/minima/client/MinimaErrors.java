package dev.mint.minima.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.client.core.ApiResponse;
import dev.mint.client.core.JsonCodec;
import dev.mint.minima.client.MinimaException.Problem;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an error response into the {@link MinimaException} of its status. Minima sends
 * {@code application/problem+json} ({@code type, title, status, detail}) for handled errors and FastAPI's
 * {@code {"detail": [...]}} for request validation; proxies in front of it may send anything.
 */
final class MinimaErrors {
    private static final int MAX_DETAIL_CHARS = 500;

    private MinimaErrors() {
    }

    static MinimaException from(ApiResponse response, JsonCodec json) {
        Problem problem = problem(response, json);
        return switch (response.status()) {
            case 401 -> new MinimaAuthenticationException(problem);
            case 429 -> new MinimaRateLimitedException(problem,
                    response.header("Retry-After").map(MinimaErrors::retryAfter).orElse(null));
            case 502, 503, 504 -> new MinimaUnavailableException(problem, false, null);
            default -> new MinimaException(problem, null);
        };
    }

    static Problem problem(ApiResponse response, JsonCodec json) {
        String raw = response.bodyText();
        String requestId = response.requestId().orElse(null);
        JsonNode body = object(response, json);
        if (body == null) {
            return new Problem(response.status(), null, rawDetail(response, raw), null, raw, List.of(), requestId);
        }
        String title = text(body.get("title"));
        String type = text(body.get("type"));
        JsonNode detailNode = body.get("detail");
        List<ValidationError> validation = validation(detailNode);
        String detail;
        if (detailNode != null && detailNode.isTextual() && !detailNode.asText().isBlank()) {
            detail = detailNode.asText();
        } else if (!validation.isEmpty()) {
            detail = String.join("; ", validation.stream().map(ValidationError::toString).toList());
        } else if (detailNode != null && !detailNode.isNull() && !detailNode.isTextual()
                && !(detailNode.isContainerNode() && detailNode.isEmpty())) {
            detail = detailNode.toString();
        } else if (title != null) {
            detail = title;
        } else {
            detail = rawDetail(response, raw);
        }
        return new Problem(response.status(), title, detail, type, raw, validation, requestId);
    }

    private static JsonNode object(ApiResponse response, JsonCodec json) {
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

    private static List<ValidationError> validation(JsonNode detail) {
        if (detail == null || !detail.isArray()) {
            return List.of();
        }
        List<ValidationError> errors = new ArrayList<>();
        for (JsonNode item : detail) {
            if (!item.isObject()) {
                errors.add(new ValidationError(List.of(), item.isTextual() ? item.asText() : item.toString(), ""));
                continue;
            }
            List<String> loc = new ArrayList<>();
            item.path("loc").forEach(segment -> loc.add(segment.asText()));
            String msg = text(item.get("msg"));
            String type = text(item.get("type"));
            errors.add(new ValidationError(loc, msg != null ? msg : item.toString(), type != null ? type : ""));
        }
        return errors;
    }

    private static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText() : null;
    }

    /** The raw body (trimmed to a readable length), or the status when there is none. */
    private static String rawDetail(ApiResponse response, String raw) {
        String text = raw.strip();
        if (text.isEmpty()) {
            return "HTTP " + response.status() + " from " + response.method() + " " + response.uri();
        }
        return text.length() > MAX_DETAIL_CHARS ? text.substring(0, MAX_DETAIL_CHARS) + "..." : text;
    }

    /** {@code Retry-After} as delta seconds or an HTTP date; null when it is neither. */
    static Duration retryAfter(String value) {
        String trimmed = value.trim();
        try {
            double seconds = Double.parseDouble(trimmed);
            return seconds < 0 ? null : Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
