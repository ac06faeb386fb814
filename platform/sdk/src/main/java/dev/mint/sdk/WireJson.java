package dev.mint.sdk;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of the wire, shared by the platform, the standalone app and the test app so a plugin's
 * responses look the same in all three: snake_case, unknown fields ignored, anything after the first JSON
 * value rejected (so {@code {"a": 1} junk} is malformed), and every {@link Instant} written as UTC with
 * exactly three fraction digits ({@code 2026-05-01T10:00:00.000Z}), one fixed width clients can rely on
 * (and cheaper to write than Jackson's general formatter, which every response pays). {@code Optional}
 * values are written as their content or null.
 */
public final class WireJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .registerModule(new SimpleModule("mint-instants").addSerializer(Instant.class, new InstantSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private WireJson() {
    }

    /**
     * Where {@code node} holds a NUL character (U+0000) in a string or a field name, as the path of field names
     * and array indexes to it (empty list: at the top); empty when there is none. PostgreSQL stores no NUL in
     * text or {@code jsonb}, so request bodies are checked for it up front and refused the same way on every
     * database, rather than failing at the insert.
     */
    public static Optional<List<Object>> nulCharacterAt(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0 ? Optional.of(new ArrayList<>()) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<List<Object>> inner = nulCharacterAt(node.get(i));
                if (inner.isPresent()) {
                    inner.get().add(0, i);
                    return inner;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Optional<List<Object>> inner = field.getKey().indexOf('\0') >= 0 ? Optional.of(new ArrayList<>())
                        : nulCharacterAt(field.getValue());
                if (inner.isPresent()) {
                    inner.get().add(0, field.getKey());
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    /** Serializes a value as JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Value is not serializable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC, written digit by digit. */
    public static String formatInstant(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return instant.toString();
        }
        char[] out = new char[24];
        put(out, 0, t.getYear(), 4);
        out[4] = '-';
        put(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, t.getHour(), 2);
        out[13] = ':';
        put(out, 14, t.getMinute(), 2);
        out[16] = ':';
        put(out, 17, t.getSecond(), 2);
        out[19] = '.';
        put(out, 20, t.getNano() / 1_000_000, 3);
        out[23] = 'Z';
        return new String(out);
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static final class InstantSerializer extends StdSerializer<Instant> {
        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(formatInstant(value));
        }
    }
}
