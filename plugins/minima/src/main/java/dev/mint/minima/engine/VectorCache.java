package dev.mint.minima.engine;

import com.carrotsearch.hppc.LongIntHashMap;
import java.util.Arrays;

/**
 * Vectors by text hash, at most {@code capacity} of them; when full, a new one replaces the oldest.
 *
 * <p>Nothing here is an object per entry. A cached vector outlives many young collections, and the
 * collector copies every live young object at each one: twenty thousand 1.5 KB arrays made each pause of a
 * loaded server 35–50 ms, and a map node, a key and a boxed slot per entry still added to every pause. So
 * the vectors live side by side in a few large arrays, and the index is a primitive map from the first 64
 * bits of a key to its slot, the slot's own arrays holding the whole key. Thread-safe.
 */
final class VectorCache {
    /** Vectors per array; an array is allocated when the cache first reaches it. */
    private static final int BLOCK = 1024;

    private final int capacity;
    private final int dimension;
    private final LongIntHashMap slots;
    private final long[] highs;
    private final long[] lows;
    private final float[][] blocks;
    private int next;
    private int size;

    VectorCache(int capacity, int dimension) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A cache holds at least one vector, not " + capacity);
        }
        this.capacity = capacity;
        this.dimension = dimension;
        this.slots = new LongIntHashMap(capacity);
        this.highs = new long[capacity];
        this.lows = new long[capacity];
        this.blocks = new float[(capacity + BLOCK - 1) / BLOCK][];
    }

    /** A copy of the vector cached under {@code key}, or null. */
    synchronized float[] get(TextEncoder.Hash key) {
        int slot = slots.getOrDefault(key.high(), -1);
        if (slot < 0 || lows[slot] != key.low()) {
            return null;
        }
        int at = (slot % BLOCK) * dimension;
        return Arrays.copyOfRange(blocks[slot / BLOCK], at, at + dimension);
    }

    /**
     * Caches a copy of {@code vector} under {@code key}, replacing the oldest entry when full. A key whose
     * first 64 bits are already cached under another key is not cached (it is embedded each time instead).
     */
    synchronized void put(TextEncoder.Hash key, float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("A " + vector.length + "-d vector in a cache of " + dimension + "-d ones");
        }
        if (slots.containsKey(key.high())) {
            return;
        }
        int slot = next;
        next = (next + 1) % capacity;
        if (size == capacity) {
            slots.remove(highs[slot]);
        } else {
            size++;
        }
        highs[slot] = key.high();
        lows[slot] = key.low();
        slots.put(key.high(), slot);
        float[] block = blocks[slot / BLOCK];
        if (block == null) {
            block = new float[Math.min(BLOCK, capacity - slot / BLOCK * BLOCK) * dimension];
            blocks[slot / BLOCK] = block;
        }
        System.arraycopy(vector, 0, block, (slot % BLOCK) * dimension, dimension);
    }

    synchronized int size() {
        return size;
    }
}
