package dev.mint.tinker.client.model;

/**
 * Which objects a read may see: {@link #OWNED} (the caller's own, the default) or {@link #ACCESSIBLE} (also
 * those shared with the caller through its organization or projects).
 */
public enum AccessScope {
    OWNED("owned"),
    ACCESSIBLE("accessible");

    private final String wireName;

    AccessScope(String wireName) {
        this.wireName = wireName;
    }

    /** The query parameter value. */
    public String wireName() {
        return wireName;
    }
}
