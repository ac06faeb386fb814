package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a call went, as reported to {@code POST /v1/feedback}. On the wire: {@code success}, {@code partial}, {@code failure}. */
public enum Outcome {
    SUCCESS, PARTIAL, FAILURE;

    /**
     * The outcome a quality score in [0, 1] stands for, with the thresholds of the upstream integrations:
     * at least 0.8 is a success, at least 0.4 a partial success, anything lower a failure.
     *
     * @throws IllegalArgumentException when {@code quality} is outside [0, 1] or NaN
     */
    public static Outcome forQuality(double quality) {
        Wire.unit(quality, "quality");
        if (quality >= 0.8) {
            return SUCCESS;
        }
        return quality >= 0.4 ? PARTIAL : FAILURE;
    }

    /** The wire name, e.g. {@code success}. */
    @JsonValue
    public String wireName() {
        return Wire.name(this);
    }

    /** The constant for a wire name (case-insensitive). */
    @JsonCreator
    public static Outcome fromWire(String value) {
        return Wire.constant(Outcome.class, value);
    }
}
