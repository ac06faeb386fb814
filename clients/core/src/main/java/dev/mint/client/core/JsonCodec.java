package dev.mint.client.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON for the clients: snake_case on the wire, records and camelCase inside, unknown fields ignored (so
 * a newer server never breaks an older client), ISO-8601 times, {@code Optional} for fields that may be
 * absent or null. Thread-safe.
 */
public final class JsonCodec {
    private static final JsonCodec SNAKE_CASE = new JsonCodec(new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE));

    private final ObjectMapper mapper;

    private JsonCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static JsonCodec snakeCase() {
        return SNAKE_CASE;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    public <T> T read(byte[] json, Class<T> type) throws IOException {
        return mapper.readValue(json, type);
    }

    public <T> T read(byte[] json, TypeReference<T> type) throws IOException {
        return mapper.readValue(json, type);
    }

    public <T> T read(byte[] json, JavaType type) throws IOException {
        return mapper.readValue(json, type);
    }

    public <T> T convert(JsonNode node, JavaType type) {
        return mapper.convertValue(node, type);
    }

    public JsonNode tree(byte[] json) throws IOException {
        return mapper.readTree(json);
    }

    /** For values already in memory (tests, CLI output): rethrows as unchecked. */
    public String pretty(Object value) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
