package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a call is a retry on a stronger model (feedback's {@code escalation_reason}). On the wire each constant is its name in lower case. */
public enum EscalationReason {
    GATE_FAILED, JUDGE_FAILED, TRANSIENT, HARD_ERROR;

    /** The wire name, e.g. {@code gate_failed}. */
    @JsonValue
    public String wireName() {
        return Wire.name(this);
    }

    /** The constant for a wire name (case-insensitive). */
    @JsonCreator
    public static EscalationReason fromWire(String value) {
        return Wire.constant(EscalationReason.class, value);
    }
}
