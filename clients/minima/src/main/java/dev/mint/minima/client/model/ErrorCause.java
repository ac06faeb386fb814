package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a call failed: {@code INFRA} (transport, rate limit, 5xx; the outcome is telemetry only) or {@code QUALITY} (the model answered badly). On the wire each constant is its name in lower case. */
public enum ErrorCause {
    INFRA, QUALITY;

    /** The wire name, e.g. {@code infra}. */
    @JsonValue
    public String wireName() {
        return Wire.name(this);
    }

    /** The constant for a wire name (case-insensitive). */
    @JsonCreator
    public static ErrorCause fromWire(String value) {
        return Wire.constant(ErrorCause.class, value);
    }
}
