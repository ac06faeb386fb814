package dev.mint.minima.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A bounded cache of vectors: the oldest gives way, each key keeps its own vector, callers get copies. */
class VectorCacheTest {
    private static float[] vector(int dimension, float value) {
        float[] v = new float[dimension];
        java.util.Arrays.fill(v, value);
        v[dimension - 1] = -value; // the last coordinate tells a shifted copy apart
        return v;
    }

    private static TextEncoder.Hash key(Object text) {
        return TextEncoder.Hash.of(text.toString());
    }

    @Test
    void whenFullTheOldestEntryGivesWay() {
        VectorCache cache = new VectorCache(3, 4);
        cache.put(key("a"), vector(4, 1));
        cache.put(key("b"), vector(4, 2));
        cache.put(key("c"), vector(4, 3));
        cache.put(key("d"), vector(4, 4));

        assertThat(cache.get(key("a"))).isNull();
        assertThat(cache.get(key("b"))).containsExactly(vector(4, 2));
        assertThat(cache.get(key("d"))).containsExactly(vector(4, 4));
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void keysPastTheFirstBlockKeepTheirOwnVectors() {
        int capacity = 2_500; // three blocks, the last one short
        VectorCache cache = new VectorCache(capacity, 8);
        for (int i = 0; i < capacity + 700; i++) {
            cache.put(key(i), vector(8, i));
        }
        assertThat(cache.get(key(699))).isNull();
        for (int i : new int[] {700, 1023, 1024, 2047, 2048, capacity - 1, capacity, capacity + 699}) {
            assertThat(cache.get(key(i))).as("key %d", i).containsExactly(vector(8, i));
        }
    }

    @Test
    void aKeyAlreadyCachedKeepsItsVectorAndCallersGetCopies() {
        VectorCache cache = new VectorCache(2, 3);
        cache.put(key("a"), vector(3, 1));
        cache.put(key("a"), vector(3, 9));
        cache.get(key("a"))[0] = 42;

        assertThat(cache.get(key("a"))).containsExactly(vector(3, 1));
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aKeySharingOnlyTheIndexedBitsIsNotTakenForAnother() {
        VectorCache cache = new VectorCache(4, 3);
        TextEncoder.Hash a = key("a");
        TextEncoder.Hash twin = new TextEncoder.Hash(a.high(), a.low() + 1);
        cache.put(a, vector(3, 1));
        cache.put(twin, vector(3, 2));

        assertThat(cache.get(twin)).isNull();
        assertThat(cache.get(a)).containsExactly(vector(3, 1));
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void refusesAVectorOfAnotherDimension() {
        VectorCache cache = new VectorCache(2, 3);
        assertThatThrownBy(() -> cache.put(key("a"), new float[4])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4-d vector");
    }
}
