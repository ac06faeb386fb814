package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How hard a task is; it scales the expected output tokens. On the wire each constant is its name in lower case. */
public enum Difficulty {
    TRIVIAL, EASY, MEDIUM, HARD, EXPERT;

    /** The wire name, e.g. {@code trivial}. */
    @JsonValue
    public String wireName() {
        return Wire.name(this);
    }

    /** The constant for a wire name (case-insensitive). */
    @JsonCreator
    public static Difficulty fromWire(String value) {
        return Wire.constant(Difficulty.class, value);
    }
}
