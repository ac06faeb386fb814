package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a recommendation rests on: recalled outcomes ({@code MEMORY}), the catalog's capability prior ({@code PRIOR}), or {@code LLM} (no longer produced by current servers). On the wire each constant is its name in lower case. {@code UNKNOWN} stands for a value a newer server sent that this client does not know. */
public enum DecisionBasis {
    MEMORY, PRIOR, LLM, UNKNOWN;

    /** The wire name, e.g. {@code memory}. */
    @JsonValue
    public String wireName() {
        return Wire.name(this);
    }

    /** The constant for a wire name (case-insensitive). */
    public static DecisionBasis fromWire(String value) {
        return Wire.constant(DecisionBasis.class, value);
    }

    /** Reading a response: a value newer than this client becomes {@code UNKNOWN} instead of failing the call. */
    @JsonCreator
    static DecisionBasis fromJson(String value) {
        return Wire.constantOr(DecisionBasis.class, value, UNKNOWN);
    }
}
