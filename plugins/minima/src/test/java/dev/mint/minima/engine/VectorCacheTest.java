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

    @Test
    void whenFullTheOldestEntryGivesWay() {
        VectorCache<String> cache = new VectorCache<>(3, 4);
        cache.put("a", vector(4, 1));
        cache.put("b", vector(4, 2));
        cache.put("c", vector(4, 3));
        cache.put("d", vector(4, 4));

        assertThat(cache.get("a")).isNull();
        assertThat(cache.get("b")).containsExactly(vector(4, 2));
        assertThat(cache.get("d")).containsExactly(vector(4, 4));
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void keysPastTheFirstBlockKeepTheirOwnVectors() {
        int capacity = 2_500; // three blocks, the last one short
        VectorCache<Integer> cache = new VectorCache<>(capacity, 8);
        for (int i = 0; i < capacity + 700; i++) {
            cache.put(i, vector(8, i));
        }
        assertThat(cache.get(699)).isNull();
        for (int i : new int[] {700, 1023, 1024, 2047, 2048, capacity - 1, capacity, capacity + 699}) {
            assertThat(cache.get(i)).as("key %d", i).containsExactly(vector(8, i));
        }
    }

    @Test
    void aKeyAlreadyCachedKeepsItsVectorAndCallersGetCopies() {
        VectorCache<String> cache = new VectorCache<>(2, 3);
        cache.put("a", vector(3, 1));
        cache.put("a", vector(3, 9));
        cache.get("a")[0] = 42;

        assertThat(cache.get("a")).containsExactly(vector(3, 1));
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void refusesAVectorOfAnotherDimension() {
        VectorCache<String> cache = new VectorCache<>(2, 3);
        assertThatThrownBy(() -> cache.put("a", new float[4])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4-d vector");
    }
}
