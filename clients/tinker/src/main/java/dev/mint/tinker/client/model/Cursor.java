package dev.mint.tinker.client.model;

/**
 * Where a page sits in an offset-paged list.
 *
 * @param offset     the offset of the page (as requested)
 * @param limit      the page size (as requested)
 * @param totalCount how many items there are in all
 */
public record Cursor(int offset, int limit, long totalCount) {
    /** Whether items follow this page. */
    public boolean hasMore() {
        return (long) offset + limit < totalCount;
    }

    /** The offset of the next page. */
    public int nextOffset() {
        return offset + limit;
    }
}
