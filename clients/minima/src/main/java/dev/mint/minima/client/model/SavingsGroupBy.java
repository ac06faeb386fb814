package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How {@code GET /v1/savings} groups its figures. On the wire each constant is its name in lower case. */
public enum SavingsGroupBy {
    CLUSTER, TASK_TYPE, LANE;

    /** The wire name, e.g. {@code cluster}. */
    @JsonValue
    public String wireName() {
        return Wire.name(this);
    }

    /** The constant for a wire name (case-insensitive). */
    @JsonCreator
    public static SavingsGroupBy fromWire(String value) {
        return Wire.constant(SavingsGroupBy.class, value);
    }
}
