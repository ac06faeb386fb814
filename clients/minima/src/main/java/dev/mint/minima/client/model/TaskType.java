package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of task a prompt is; it selects the capability prior of each model. On the wire each constant is its name in lower case. A task type a newer server sent that this client does not know reads as {@code OTHER}. */
public enum TaskType {
    CODE, SUMMARIZATION, EXTRACTION, QA, REASONING, CLASSIFICATION, TRANSLATION, CREATIVE, RAG, TOOL_USE, OTHER;

    /** The wire name, e.g. {@code code}. */
    @JsonValue
    public String wireName() {
        return Wire.name(this);
    }

    /** The constant for a wire name (case-insensitive). */
    public static TaskType fromWire(String value) {
        return Wire.constant(TaskType.class, value);
    }

    /** Reading a response: a value newer than this client becomes {@code OTHER} instead of failing the call. */
    @JsonCreator
    static TaskType fromJson(String value) {
        return Wire.constantOr(TaskType.class, value, OTHER);
    }
}
