package dev.mint.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.mint.client.core.JsonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON a command reads: an object from a file (or {@code -} for standard input), or {@code KEY=VALUE} pairs. */
final class JsonInput {
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private JsonInput() {
    }

    /** A JSON object from {@code file}; {@code -} reads standard input. */
    static Map<String, Object> objectFrom(String file, CliContext context) {
        String text;
        if (file.equals("-")) {
            text = context.readAll();
        } else {
            try {
                text = Files.readString(Path.of(file));
            } catch (IOException e) {
                throw new CliException(ExitCodes.FAILURE, "Cannot read " + file + ": " + e.getMessage());
            }
        }
        String source = file.equals("-") ? "standard input" : file;
        try {
            Map<String, Object> value = JsonCodec.snakeCase().mapper().readValue(text, OBJECT);
            if (value == null) {
                throw CliException.usage(source + " does not hold a JSON object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw CliException.usage(source + " is not a JSON object: " + e.getOriginalMessage());
        }
    }

    /** {@code KEY=VALUE}: a VALUE that parses as JSON is used as JSON ({@code 5}, {@code true}, {@code [1]}), else as text. */
    static Map<String, Object> pairs(Iterable<String> assignments) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals < 1) {
                throw CliException.usage("Expected KEY=VALUE, got '" + assignment + "'");
            }
            values.put(assignment.substring(0, equals), value(assignment.substring(equals + 1)));
        }
        return values;
    }

    private static Object value(String text) {
        try {
            return JsonCodec.snakeCase().mapper().readValue(text, Object.class);
        } catch (JsonProcessingException notJson) {
            return text;
        }
    }
}
