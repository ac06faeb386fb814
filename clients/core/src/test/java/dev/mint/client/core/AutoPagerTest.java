package dev.mint.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AutoPagerTest {
    private final List<String> calls = new ArrayList<>();

    /** A list of {@code size} numbers served at most {@code cap} per page, like a server with a page cap. */
    private AutoPager.PageFetcher<Integer> source(int size, int cap) {
        return (skip, limit) -> {
            calls.add(skip + "/" + limit);
            int end = Math.min(size, skip + Math.min(limit, cap));
            List<Integer> items = skip >= size ? List.of() : IntStream.range(skip, end).boxed().toList();
            return new Page<>(items, size, skip);
        };
    }

    @Test
    void fetchesPagesLazilyAsIterationProceeds() {
        AutoPager<Integer> pager = new AutoPager<>(0, 3, source(7, 100));
        var iterator = pager.iterator();
        assertThat(calls).isEmpty();
        assertThat(iterator.next()).isEqualTo(0);
        assertThat(calls).containsExactly("0/3");
        iterator.next();
        iterator.next();
        assertThat(calls).hasSize(1);
        iterator.next();
        assertThat(calls).containsExactly("0/3", "3/3");
    }

    @Test
    void readsEverythingAcrossPageBoundaries() {
        assertThat(new AutoPager<>(0, 3, source(7, 100)).stream().toList()).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(calls).containsExactly("0/3", "3/3", "6/3");
    }

    @Test
    void exactMultipleStopsAtTotalWithoutAnExtraCall() {
        assertThat(new AutoPager<>(0, 3, source(6, 100)).stream().count()).isEqualTo(6);
        assertThat(calls).containsExactly("0/3", "3/3");
    }

    @Test
    void serverCapBelowThePageSizeStillReadsToTheEnd() {
        assertThat(new AutoPager<>(0, 1000, source(7, 2)).stream().toList()).hasSize(7);
    }

    @Test
    void startsAtSkipAndEmptyListsEndAtOnce() {
        assertThat(new AutoPager<>(5, 2, source(7, 100)).stream().toList()).containsExactly(5, 6);
        calls.clear();
        assertThat(new AutoPager<>(0, 2, source(0, 100)).iterator().hasNext()).isFalse();
        assertThat(calls).containsExactly("0/2");
    }

    @Test
    void mapKeepsLaziness() {
        AutoPager<String> mapped = new AutoPager<>(0, 2, source(3, 100)).map(i -> "#" + i);
        assertThat(calls).isEmpty();
        assertThat(mapped.stream().limit(1).toList()).containsExactly("#0");
        assertThat(calls).containsExactly("0/2");
    }
}
