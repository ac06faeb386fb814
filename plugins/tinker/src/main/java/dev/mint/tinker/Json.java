package dev.mint.tinker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.mint.sdk.WireJson;
import java.util.Map;

/** JSON columns: string maps and lists as text. */
final class Json {
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    private Json() {
    }

    static String write(Object value) {
        return WireJson.write(value);
    }

    static Map<String, String> stringMap(String text) {
        if (text == null) {
            return null;
        }
        try {
            return WireJson.MAPPER.readValue(text, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a string map", e);
        }
    }
}
