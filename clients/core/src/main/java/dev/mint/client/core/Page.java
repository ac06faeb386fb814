package dev.mint.client.core;

import java.util.List;
import java.util.Objects;

/**
 * One page of a list: its items and the total number of matches on the server.
 *
 * @param items the items of this page, in server order
 * @param total how many items match in all, across pages
 * @param skip  the offset this page starts at
 */
public record Page<T>(List<T> items, long total, int skip) {
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items == null"));
    }

    /** Whether more items follow this page. */
    public boolean hasMore() {
        return skip + items.size() < total && !items.isEmpty();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public int size() {
        return items.size();
    }
}
