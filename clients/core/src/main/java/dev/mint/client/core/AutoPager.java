package dev.mint.client.core;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a paged list, fetched a page at a time as iteration reaches it: the first page when
 * iteration starts, the next one only when the current one is used up. Each {@link #iterator()} starts
 * over from the first page. Paging stops at the server's {@code total} or an empty page, so a server
 * that caps the page size below the one asked for is still read to the end. Offset paging reflects the server at the time of each page: items created or
 * deleted meanwhile may shift across page boundaries.
 */
public final class AutoPager<T> implements Iterable<T> {
    private final int firstSkip;
    private final int pageSize;
    private final PageFetcher<T> fetcher;

    /** Fetches the page starting at {@code skip} with at most {@code limit} items. */
    @FunctionalInterface
    public interface PageFetcher<T> {
        Page<T> fetch(int skip, int limit);
    }

    public AutoPager(int firstSkip, int pageSize, PageFetcher<T> fetcher) {
        if (firstSkip < 0) {
            throw new IllegalArgumentException("skip must be >= 0");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be >= 1");
        }
        this.firstSkip = firstSkip;
        this.pageSize = pageSize;
        this.fetcher = fetcher;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Page<T> page;
            private int index;
            private int nextSkip = firstSkip;

            @Override
            public boolean hasNext() {
                while (page == null || index >= page.size()) {
                    if (page != null && !page.hasMore()) {
                        return false;
                    }
                    page = fetcher.fetch(nextSkip, pageSize);
                    index = 0;
                    nextSkip += page.size();
                    if (page.isEmpty()) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.items().get(index++);
            }
        };
    }

    /** The items as a sequential, lazy stream. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /** Maps each page's items, keeping the laziness. */
    public <R> AutoPager<R> map(Function<T, R> mapper) {
        return new AutoPager<>(firstSkip, pageSize, (skip, limit) -> {
            Page<T> page = fetcher.fetch(skip, limit);
            return new Page<>(page.items().stream().map(mapper).toList(), page.total(), page.skip());
        });
    }
}
