package dev.mint.tinker;

/**
 * {@code limit}/{@code offset} of a listing. A limit over {@link #MAX_LIMIT} is refused with 400 rather
 * than clamped, so a client never mistakes a short page for the end.
 */
record Paging(int limit, int offset) {
    static final int MAX_LIMIT = 1000;

    static Paging fromQuery(String limit, String offset, int defaultLimit) {
        int l = parse("limit", limit, defaultLimit);
        int o = parse("offset", offset, 0);
        if (l < 1 || l > MAX_LIMIT) {
            throw TinkerError.badRequest("limit must be from 1 to " + MAX_LIMIT + ", not " + l);
        }
        if (o < 0) {
            throw TinkerError.badRequest("offset must not be negative, not " + o);
        }
        return new Paging(l, o);
    }

    private static int parse(String name, String value, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, parsed));
        } catch (NumberFormatException e) {
            if (value.strip().matches("-?\\d+")) {
                return value.strip().startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            }
            throw TinkerError.badRequest(name + " must be an integer, not '" + value + "'");
        }
    }
}
