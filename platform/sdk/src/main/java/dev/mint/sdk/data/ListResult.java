package dev.mint.sdk.data;

import java.util.List;

/** A page of items and the total number of matches. */
public record ListResult<T>(List<T> items, long total) {
    public ListResult {
        items = List.copyOf(items);
    }
}
