package dev.mint.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mint.sdk.WireJson;
import java.time.Instant;
import java.util.Map;

/** JSON helpers of the server over the SDK's wire mapper ({@link WireJson}), which plugins share. */
public final class Json {
    public static final ObjectMapper MAPPER = WireJson.MAPPER;

    private Json() {
    }

    /** Serializes a value stored in a JSON column. */
    public static String write(Object value) {
        return WireJson.write(value);
    }

    /** Reads a JSON column; a null column reads as an empty object. */
    public static JsonNode read(String text) {
        if (text == null) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is corrupt: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON object as a map of plain Java values (keys in order, nulls kept). */
    public static Map<String, Object> toMap(JsonNode node) {
        return MAPPER.convertValue(node, MAPPER.getTypeFactory().constructMapType(java.util.LinkedHashMap.class,
                String.class, Object.class));
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ObjectNode of(Map<String, ?> fields) {
        return MAPPER.valueToTree(fields);
    }

    static String formatInstant(Instant instant) {
        return WireJson.formatInstant(instant);
    }
}
