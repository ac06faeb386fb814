package dev.mint.minima.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Shared helpers of the wire types: enum names, and null-tolerant copies of what JSON may leave out. */
final class Wire {
    private Wire() {
    }

    static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E constant(Class<E> type, String value) {
        Objects.requireNonNull(value, "value == null");
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // no cause: this message, naming the wire value, is the one to show
            throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + value + "'");
        }
    }

    /** As {@link #constant}, but {@code fallback} for a name no constant has (a newer server's value). */
    static <E extends Enum<E>> E constantOr(Class<E> type, String value, E fallback) {
        try {
            return constant(type, value);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }

    /** A copy that keeps null values (JSON objects may hold them), in the original order. */
    static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static <T> Optional<T> opt(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    static String required(String value, String name) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    static double unit(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be within [0, 1], got " + value);
        }
        return value;
    }

    static <N extends Number> N nonNegative(N value, String name) {
        Objects.requireNonNull(value, name + " == null");
        if (!(value.doubleValue() >= 0)) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    static <N extends Number> N positive(N value, String name) {
        Objects.requireNonNull(value, name + " == null");
        if (!(value.doubleValue() > 0)) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }

    static List<String> strings(List<String> values, String name) {
        Objects.requireNonNull(values, name + " == null");
        for (String value : values) {
            Objects.requireNonNull(value, name + " contains null");
        }
        return List.copyOf(values);
    }
}
