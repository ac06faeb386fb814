package dev.mint.minima.engine;

import java.util.Locale;

/** What kind of work a task is; the wire uses the lower-case names. */
public enum TaskType {
    CODE, SUMMARIZATION, EXTRACTION, QA, REASONING, CLASSIFICATION, TRANSLATION, CREATIVE, RAG, TOOL_USE, OTHER;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    /** The type of a wire name, or null when there is none of that name. */
    public static TaskType fromWire(String value) {
        for (TaskType type : values()) {
            if (type.wireName().equals(value)) {
                return type;
            }
        }
        return null;
    }
}
