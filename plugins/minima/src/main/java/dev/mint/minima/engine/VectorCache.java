package dev.mint.minima.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Vectors by key, at most {@code capacity} of them; when full, a new one replaces the oldest.
 *
 * <p>The vectors live side by side in a few large arrays, not as an array apiece. A cached vector outlives
 * many young collections, and the collector copies every live young object at each one: twenty thousand
 * 1.5 KB arrays made each pause of a loaded server 35–50 ms. Large arrays are promoted once and never
 * copied again; what stays per entry is its key and a map node. Thread-safe.
 */
final class VectorCache<K> {
    /** Vectors per array; an array is allocated when the cache first reaches it. */
    private static final int BLOCK = 1024;

    private final int capacity;
    private final int dimension;
    private final Map<K, Integer> slots;
    private final Object[] keys;
    private final float[][] blocks;
    private int next;

    VectorCache(int capacity, int dimension) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A cache holds at least one vector, not " + capacity);
        }
        this.capacity = capacity;
        this.dimension = dimension;
        this.slots = new HashMap<>(capacity * 4 / 3 + 1);
        this.keys = new Object[capacity];
        this.blocks = new float[(capacity + BLOCK - 1) / BLOCK][];
    }

    /** A copy of the vector cached under {@code key}, or null. */
    synchronized float[] get(K key) {
        Integer slot = slots.get(key);
        if (slot == null) {
            return null;
        }
        int at = (slot % BLOCK) * dimension;
        return Arrays.copyOfRange(blocks[slot / BLOCK], at, at + dimension);
    }

    /** Caches a copy of {@code vector} under {@code key}, replacing the oldest entry when full. */
    synchronized void put(K key, float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("A " + vector.length + "-d vector in a cache of " + dimension + "-d ones");
        }
        if (slots.containsKey(key)) {
            return;
        }
        int slot = next;
        next = (next + 1) % capacity;
        if (keys[slot] != null) {
            slots.remove(keys[slot]);
        }
        keys[slot] = key;
        slots.put(key, slot);
        float[] block = blocks[slot / BLOCK];
        if (block == null) {
            block = new float[Math.min(BLOCK, capacity - slot / BLOCK * BLOCK) * dimension];
            blocks[slot / BLOCK] = block;
        }
        System.arraycopy(vector, 0, block, (slot % BLOCK) * dimension, dimension);
    }

    synchronized int size() {
        return slots.size();
    }
}
