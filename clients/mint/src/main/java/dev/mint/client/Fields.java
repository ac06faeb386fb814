package dev.mint.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON fields of a create or update request, in the order they were set. A field set to null is sent
 * as an explicit JSON null (which clears it); a field never set is left out.
 */
final class Fields {
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** The base of the public field builders: typed setters call {@link #set}. */
    abstract static class Builder<B extends Builder<B>> {
        final Fields fields = new Fields();

        /** Any wire field by its JSON name; {@code null} sends an explicit null. */
        public B set(String field, Object value) {
            fields.put(field, value);
            return self();
        }

        abstract B self();
    }

    Fields put(String field, Object value) {
        values.put(Objects.requireNonNull(field, "field == null"), value);
        return this;
    }

    Map<String, Object> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static <T> T required(T value, String name) {
        return Objects.requireNonNull(value, name + " == null");
    }
}
