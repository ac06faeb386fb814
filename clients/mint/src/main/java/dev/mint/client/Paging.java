package dev.mint.client;

/** Checks of offset paging arguments shared by the list parameter builders. */
final class Paging {
    private Paging() {
    }

    static int skip(int skip) {
        if (skip < 0) {
            throw new IllegalArgumentException("skip must be >= 0");
        }
        return skip;
    }

    static int limit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        return limit;
    }
}
