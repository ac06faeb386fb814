package dev.mint.sdk.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies of JSON objects that keep key order and allow null values. */
final class Json {
    private Json() {
    }

    static Map<String, Object> copy(Map<String, ?> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
