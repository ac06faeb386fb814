package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How hard a task is; it scales the expected output tokens. On the wire each constant is its name in lower case. {@code UNKNOWN} stands for a value a newer server sent that this client does not know; never send it. */
public enum Difficulty {
    TRIVIAL, EASY, MEDIUM, HARD, EXPERT, UNKNOWN;

    /** The wire name, e.g. {@code trivial}. */
    @JsonValue
    public String wireName() {
        return Wire.name(this);
    }

    /** The constant for a wire name (case-insensitive). */
    public static Difficulty fromWire(String value) {
        return Wire.constant(Difficulty.class, value);
    }

    /** Reading a response: a value newer than this client becomes {@code UNKNOWN} instead of failing the call. */
    @JsonCreator
    static Difficulty fromJson(String value) {
        return Wire.constantOr(Difficulty.class, value, UNKNOWN);
    }
}
