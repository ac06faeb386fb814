package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a feedback label comes from: a deterministic gate (tests, validators), an LLM judge, a human, or nobody (telemetry only, which never teaches the model's success estimate). On the wire each constant is its name in lower case. */
public enum EvidenceSource {
    GATE, JUDGE, HUMAN, NONE;

    /** The wire name, e.g. {@code gate}. */
    @JsonValue
    public String wireName() {
        return Wire.name(this);
    }

    /** The constant for a wire name (case-insensitive). */
    @JsonCreator
    public static EvidenceSource fromWire(String value) {
        return Wire.constant(EvidenceSource.class, value);
    }
}
