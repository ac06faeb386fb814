package dev.mint.sdk;

import java.util.Arrays;
import java.util.Locale;

/**
 * What kind of plugin this is. {@link #ANALYSIS} plugins read experiments and write analysis results;
 * {@link #EXPERIMENT_DESIGN} plugins may create and change experiments and own the design data of theirs.
 */
public enum PluginType {
    ANALYSIS("analysis"),
    EXPERIMENT_DESIGN("experiment_design");

    private final String wireName;

    PluginType(String wireName) {
        this.wireName = wireName;
    }

    /** The JSON and manifest spelling, e.g. {@code experiment_design}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Reads a wire name (case-insensitive).
     *
     * @throws ValidationException for an unknown type
     */
    public static PluginType fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(value.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new ValidationException("Unknown plugin type '" + value
                        + "'; expected analysis or experiment_design", "plugin_type", value));
    }
}
