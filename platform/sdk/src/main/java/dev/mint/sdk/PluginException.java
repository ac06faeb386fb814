package dev.mint.sdk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Root of the errors a plugin (or the platform) raises on purpose. Each carries a stable machine
 * {@link #code()}, a human {@link #getMessage() message}, structured {@link #details()} and the HTTP
 * status the platform answers with. The wire form is {@link #toMap()}:
 * {@code {"error": code, "message": message, "details": {...}}} (details omitted when empty).
 */
public class PluginException extends RuntimeException {
    private final String code;
    private final Map<String, Object> details;

    public PluginException(String message) {
        this(message, "PLUGIN_ERROR", Map.of());
    }

    public PluginException(String message, String code, Map<String, ?> details) {
        super(message);
        this.code = code == null ? "PLUGIN_ERROR" : code;
        this.details = new LinkedHashMap<>(details == null ? Map.of() : details);
    }

    public String code() {
        return code;
    }

    /** Structured context; never null, possibly empty. */
    public Map<String, Object> details() {
        return java.util.Collections.unmodifiableMap(details);
    }

    /** HTTP status the platform maps this exception to. */
    public int httpStatus() {
        return 500;
    }

    /** Adds a detail entry when the value is meaningful (non-null, non-empty string). */
    protected final void detail(String key, Object value) {
        if (value != null && !(value instanceof String s && s.isEmpty())) {
            details.put(key, value);
        }
    }

    /** Adds a detail entry whenever the value is non-null, even when empty. */
    protected final void detailIfPresent(String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", getMessage());
        if (!details.isEmpty()) {
            body.put("details", details());
        }
        return body;
    }
}
