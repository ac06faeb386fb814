package dev.mint.sdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link AnalysisPlugin#onBeforeExperimentSave}: {@link #ok()} lets the write go ahead,
 * {@link #veto(String)} stops it, and the platform answers the caller 422 with the message.
 */
public record LifecycleHookResult(boolean success, Optional<String> message, Map<String, Object> data) {
    public LifecycleHookResult {
        message = Objects.requireNonNullElse(message, Optional.empty());
        data = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNullElse(data, Map.of())));
    }

    public static LifecycleHookResult ok() {
        return new LifecycleHookResult(true, Optional.empty(), Map.of());
    }

    /** Stops the write; {@code reason} is shown to the caller. */
    public static LifecycleHookResult veto(String reason) {
        return new LifecycleHookResult(false, Optional.of(Objects.requireNonNull(reason, "reason == null")), Map.of());
    }

    public static LifecycleHookResult veto(String reason, Map<String, ?> data) {
        return new LifecycleHookResult(false, Optional.of(Objects.requireNonNull(reason, "reason == null")), Map.copyOf(data));
    }
}
