package dev.mint.server.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One page of a list and the total number of matching rows. */
public record Page<T>(List<T> items, long total) {
    public Page {
        items = List.copyOf(items);
    }

    /** A complete, unpaged list. */
    public static <T> Page<T> all(List<T> items) {
        return new Page<>(items, items.size());
    }

    /** The same page with each item converted, e.g. to its wire view. */
    public <R> Page<R> map(Function<? super T, ? extends R> convert) {
        return new Page<>(items.stream().<R>map(convert).toList(), total);
    }

    /** The wire form of every list: {@code {"<plural>": [...], "total": N}}. */
    public Map<String, Object> envelope(String plural) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(plural, items);
        body.put("total", total);
        return body;
    }
}
