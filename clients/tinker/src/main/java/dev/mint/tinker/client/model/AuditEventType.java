package dev.mint.tinker.client.model;

/** Which audit events to list; upstream documents both as currently equivalent. */
public enum AuditEventType {
    ALL("all"),
    CHECKPOINTS("checkpoints");

    private final String wireName;

    AuditEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The query parameter value. */
    public String wireName() {
        return wireName;
    }
}
