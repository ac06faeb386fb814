package dev.mint.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mint.sdk.WireJson;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A request's JSON object with typed, validating accessors. Absent and explicit-null fields both read as
 * empty; {@link #has} tells them apart (for PATCH, where null clears a field). Every type or range error
 * is a 422 naming the field, and so is text holding a NUL character (no database here stores one the same way);
 * a body that is not JSON is a 400.
 */
public final class JsonBody {
    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    public static JsonBody of(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            return new JsonBody(Json.object());
        }
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("INVALID_JSON", "Request body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("INVALID_JSON", "Request body could not be read");
        }
        if (parsed == null || parsed.isMissingNode()) {
            return new JsonBody(Json.object());
        }
        if (!parsed.isObject()) {
            throw ApiException.invalid("body", "Request body must be a JSON object");
        }
        WireJson.nulCharacterAt(parsed).ifPresent(path -> {
            String field = path.stream().map(String::valueOf).collect(Collectors.joining("."));
            throw ApiException.invalid(field, "Field '" + field + "' contains a NUL character (\\u0000), which cannot be"
                    + " stored");
        });
        return new JsonBody((ObjectNode) parsed);
    }

    /** True when the field is present, even as {@code null}. */
    public boolean has(String field) {
        return node.has(field);
    }

    /** True when the field is present and explicitly {@code null}. */
    public boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    public String requiredString(String field, int maxLength) {
        return optionalString(field, maxLength)
                .orElseThrow(() -> ApiException.invalid(field, "Field '" + field + "' is required"));
    }

    /** A trimmed string; blank strings are rejected, since no field here means anything by them. */
    public Optional<String> optionalString(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiException.invalid(field, "Field '" + field + "' must be a string");
        }
        String text = value.asText().trim();
        if (text.isEmpty()) {
            throw ApiException.invalid(field, "Field '" + field + "' must not be blank");
        }
        if (text.length() > maxLength) {
            throw ApiException.invalid(field, "Field '" + field + "' must be at most " + maxLength + " characters");
        }
        return Optional.of(text);
    }

    /** A string taken exactly as sent (not trimmed), for passwords. */
    public String requiredSecret(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.invalid(field, "Field '" + field + "' is required");
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw ApiException.invalid(field, "Field '" + field + "' must be a non-empty string");
        }
        if (value.asText().length() > maxLength) {
            throw ApiException.invalid(field, "Field '" + field + "' must be at most " + maxLength + " characters");
        }
        return value.asText();
    }

    /** A string that must be one of {@code allowed}. */
    public Optional<String> optionalChoice(String field, Collection<String> allowed) {
        Optional<String> value = optionalString(field, 100);
        value.filter(v -> !allowed.contains(v)).ifPresent(v -> {
            throw ApiException.invalid(field, "Field '" + field + "' must be one of " + String.join(", ", allowed)
                    + ", not '" + v + "'");
        });
        return value;
    }

    public Optional<Long> optionalLong(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ApiException.invalid(field, "Field '" + field + "' must be an integer");
        }
        return Optional.of(value.asLong());
    }

    public Optional<Boolean> optionalBoolean(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ApiException.invalid(field, "Field '" + field + "' must be true or false");
        }
        return Optional.of(value.asBoolean());
    }

    public Optional<ObjectNode> optionalObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw ApiException.invalid(field, "Field '" + field + "' must be a JSON object");
        }
        return Optional.of((ObjectNode) value);
    }

    public ObjectNode requiredObject(String field) {
        return optionalObject(field).orElseThrow(() -> ApiException.invalid(field, "Field '" + field + "' is required"));
    }

    /** An ISO date ({@code YYYY-MM-DD}). */
    public Optional<LocalDate> optionalDate(String field) {
        return optionalString(field, 10).map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw ApiException.invalid(field, "Field '" + field + "' must be a date like 2026-05-01");
            }
        });
    }
}
