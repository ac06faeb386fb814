package dev.mint.tinker.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Null-tolerant copies of what a JSON body may leave out, and checks of what it must hold. */
final class Wire {
    private Wire() {
    }

    static <T> T required(T value, String field) {
        return Objects.requireNonNull(value, field + " is required");
    }

    static <T> List<T> requiredList(List<T> list, String field) {
        return List.copyOf(required(list, field));
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static <T> Optional<T> opt(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }
}
