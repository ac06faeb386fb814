package dev.mint.sdk;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A health report from {@link AnalysisPlugin#checkHealth()}.
 *
 * @param message   a short explanation, for anything but healthy
 * @param details   per-dependency notes, e.g. {@code {"database": "ok", "upstream": "error: timeout"}}
 * @param checkedAt when the check ran
 */
public record PluginHealth(HealthStatus status, Optional<String> message, Map<String, Object> details,
                           Instant checkedAt) {
    public PluginHealth {
        Objects.requireNonNull(status, "status == null");
        message = Objects.requireNonNullElse(message, Optional.empty());
        details = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNullElse(details, Map.of())));
        checkedAt = Objects.requireNonNullElseGet(checkedAt, Instant::now);
    }

    public static PluginHealth healthy() {
        return new PluginHealth(HealthStatus.HEALTHY, Optional.empty(), Map.of(), Instant.now());
    }

    public static PluginHealth of(HealthStatus status, String message) {
        return new PluginHealth(status, Optional.ofNullable(message), Map.of(), Instant.now());
    }

    public static PluginHealth of(HealthStatus status, String message, Map<String, ?> details) {
        return new PluginHealth(status, Optional.ofNullable(message), Map.copyOf(details), Instant.now());
    }

    /** The wire form: {@code status}, {@code checked_at}, and {@code message}/{@code details} when not empty. */
    public Map<String, Object> toMap() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.wireName());
        body.put("checked_at", checkedAt.truncatedTo(ChronoUnit.MILLIS).toString());
        message.filter(m -> !m.isEmpty()).ifPresent(m -> body.put("message", m));
        if (!details.isEmpty()) {
            body.put("details", details);
        }
        return body;
    }
}
