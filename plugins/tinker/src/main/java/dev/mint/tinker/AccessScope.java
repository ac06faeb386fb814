package dev.mint.tinker;

/**
 * The {@code access_scope} of reads: {@code owned} (the default, also when absent) is what the caller
 * owns; {@code accessible} adds what the caller's projects share and runs with a published checkpoint.
 */
enum AccessScope {
    OWNED, ACCESSIBLE;

    static AccessScope fromQuery(String value) {
        if (value == null || value.isEmpty() || value.equals("owned")) {
            return OWNED;
        }
        if (value.equals("accessible")) {
            return ACCESSIBLE;
        }
        throw TinkerError.badRequest("access_scope must be 'owned' or 'accessible', not '" + value + "'");
    }
}
