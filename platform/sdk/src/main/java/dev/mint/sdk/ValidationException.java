package dev.mint.sdk;

import java.util.Map;
import java.util.Optional;

/** Invalid input from a caller. HTTP 400, code {@code VALIDATION_ERROR}. */
public class ValidationException extends PluginException {
    private final String field;

    public ValidationException(String message) {
        this(message, null, null, Map.of());
    }

    public ValidationException(String message, String field, Object value) {
        this(message, field, value, Map.of());
    }

    /** {@code value} is recorded as text, cut to 100 characters, whenever it is not null. */
    public ValidationException(String message, String field, Object value, Map<String, ?> details) {
        super(message, "VALIDATION_ERROR", details);
        this.field = field;
        detail("field", field);
        if (value != null) {
            String text = String.valueOf(value);
            detailIfPresent("value", text.length() > 100 ? text.substring(0, 100) + "..." : text);
        }
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
