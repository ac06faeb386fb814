package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a recommendation rests on: recalled outcomes ({@code MEMORY}), the catalog's capability prior ({@code PRIOR}), or {@code LLM} (no longer produced by current servers). On the wire each constant is its name in lower case. */
public enum DecisionBasis {
    MEMORY, PRIOR, LLM;

    /** The wire name, e.g. {@code memory}. */
    @JsonValue
    public String wireName() {
        return Wire.name(this);
    }

    /** The constant for a wire name (case-insensitive). */
    @JsonCreator
    public static DecisionBasis fromWire(String value) {
        return Wire.constant(DecisionBasis.class, value);
    }
}
