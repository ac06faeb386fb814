package dev.mint.minima.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * The remembered outcomes of one scope (an account's namespace), kept in memory for recall: per model, the
 * task vectors side by side in one array, and running totals per model and task type. Recall asks for the
 * nearest outcomes <em>of each candidate model separately</em>, so a model with little history still
 * gets its own evidence instead of being crowded out by models with a lot. Thread-safe: many readers, one
 * writer at a time.
 *
 * <p>Past {@value #EXACT_UP_TO} outcomes of a model, recall first ranks them by a 128-bit sign sketch of
 * their vectors (random hyperplanes: the Hamming distance of two sketches tracks the angle between the
 * vectors) and computes exact similarities only for the closest {@value #SHORTLIST} or so; a scan of
 * sketches costs a few operations per outcome instead of a 384-term dot product.
 */
public final class OutcomeIndex {
    /** One remembered outcome: what was asked (its vector and type), which model ran, and how it went. */
    public record Outcome(long id, String modelId, TaskType taskType, Difficulty difficulty, float[] vector, double label,
                          double weight, Integer inputTokens, Integer outputTokens, Double costUsd, Integer latencyMs,
                          long recordedAtEpochSecond, String userLabel, List<String> tags) {
    }

    /** An outcome and how similar its task is to the query (cosine, -1..1). */
    public record Neighbor(Outcome outcome, double similarity) {
    }

    /** Weighted totals of outcomes: weight {@code w}, weighted label sum {@code s}, count {@code n}. */
    public record Totals(double w, double s, int n) {
        public static final Totals NONE = new Totals(0, 0, 0);

        Totals plus(double weight, double label) {
            return new Totals(w + weight, s + weight * label, n + 1);
        }
    }

    /** Up to this many outcomes per model, recall compares every vector exactly. */
    static final int EXACT_UP_TO = 4096;
    /** How many outcomes, at least, the sketch shortlists for exact comparison. */
    static final int SHORTLIST = 1024;
    private static final int SKETCH_BITS = 128;

    private static final class Shard {
        float[] vectors = new float[0];
        long[] sketches = new long[0];
        final List<Outcome> outcomes = new ArrayList<>();
        final Map<TaskType, Totals> totals = new EnumMap<>(TaskType.class);
        Totals all = Totals.NONE;
    }

    private final int dimension;
    private final float[][] hyperplanes;
    private final Map<String, Shard> shards = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private int size;

    public OutcomeIndex(int dimension) {
        this.dimension = dimension;
        java.util.SplittableRandom random = new java.util.SplittableRandom(0x5eed);
        this.hyperplanes = new float[SKETCH_BITS][dimension];
        for (float[] plane : hyperplanes) {
            for (int i = 0; i < dimension; i++) {
                plane[i] = (float) random.nextGaussian();
            }
        }
    }

    /** Bit b set when the vector lies on the positive side of hyperplane b. */
    private long[] sketch(float[] vector) {
        long[] bits = new long[SKETCH_BITS / 64];
        for (int b = 0; b < SKETCH_BITS; b++) {
            if (Vectors.dot(vector, hyperplanes[b], 0) > 0) {
                bits[b >> 6] |= 1L << (b & 63);
            }
        }
        return bits;
    }

    public void add(Outcome outcome) {
        if (outcome.vector().length != dimension) {
            throw new IllegalArgumentException("A " + outcome.vector().length + "-d vector in a " + dimension + "-d index");
        }
        lock.writeLock().lock();
        try {
            Shard shard = shards.computeIfAbsent(outcome.modelId(), m -> new Shard());
            int count = shard.outcomes.size();
            if ((count + 1) * dimension > shard.vectors.length) {
                shard.vectors = Arrays.copyOf(shard.vectors, Math.max(16, count * 2) * dimension);
            }
            System.arraycopy(outcome.vector(), 0, shard.vectors, count * dimension, dimension);
            int words = SKETCH_BITS / 64;
            if ((count + 1) * words > shard.sketches.length) {
                shard.sketches = Arrays.copyOf(shard.sketches, Math.max(16, count * 2) * words);
            }
            System.arraycopy(sketch(outcome.vector()), 0, shard.sketches, count * words, words);
            shard.outcomes.add(outcome);
            shard.totals.merge(outcome.taskType(), Totals.NONE.plus(outcome.weight(), outcome.label()),
                    (a, b) -> new Totals(a.w() + b.w(), a.s() + b.s(), a.n() + b.n()));
            shard.all = shard.all.plus(outcome.weight(), outcome.label());
            size++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * For each of {@code models}, its {@code k} outcomes most similar to {@code query} among those
     * {@code filter} accepts, most similar first.
     */
    public Map<String, List<Neighbor>> nearest(float[] query, Collection<String> models, int k, Predicate<Outcome> filter) {
        Map<String, List<Neighbor>> result = new HashMap<>();
        long[] sketch = null;
        lock.readLock().lock();
        try {
            for (String model : models) {
                Shard shard = shards.get(model);
                if (shard != null && shard.outcomes.size() > EXACT_UP_TO && sketch == null) {
                    sketch = sketch(query);
                }
                result.put(model, shard == null ? List.of() : nearest(shard, query, sketch, k, filter));
            }
        } finally {
            lock.readLock().unlock();
        }
        return result;
    }

    private List<Neighbor> nearest(Shard shard, float[] query, long[] sketch, int k, Predicate<Outcome> filter) {
        PriorityQueue<Neighbor> best = new PriorityQueue<>(k + 1, Comparator.comparingDouble(Neighbor::similarity));
        int count = shard.outcomes.size();
        int within = count > EXACT_UP_TO ? shortlistDistance(shard, sketch, count) : SKETCH_BITS;
        for (int i = 0; i < count; i++) {
            if (within < SKETCH_BITS && hamming(shard.sketches, i, sketch) > within) {
                continue;
            }
            float similarity = Vectors.dot(query, shard.vectors, i * dimension);
            if (best.size() == k && similarity <= best.peek().similarity()) {
                continue;
            }
            Outcome outcome = shard.outcomes.get(i);
            if (!filter.test(outcome)) {
                continue;
            }
            best.add(new Neighbor(outcome, similarity));
            if (best.size() > k) {
                best.poll();
            }
        }
        List<Neighbor> sorted = new ArrayList<>(best);
        sorted.sort(Comparator.comparingDouble(Neighbor::similarity).reversed());
        return sorted;
    }

    /** The smallest Hamming distance within which at least {@value #SHORTLIST} of the shard's sketches lie. */
    private static int shortlistDistance(Shard shard, long[] sketch, int count) {
        int[] histogram = new int[SKETCH_BITS + 1];
        for (int i = 0; i < count; i++) {
            histogram[hamming(shard.sketches, i, sketch)]++;
        }
        int seen = 0;
        for (int d = 0; d <= SKETCH_BITS; d++) {
            seen += histogram[d];
            if (seen >= SHORTLIST) {
                return d;
            }
        }
        return SKETCH_BITS;
    }

    private static int hamming(long[] sketches, int i, long[] sketch) {
        return Long.bitCount(sketches[2 * i] ^ sketch[0]) + Long.bitCount(sketches[2 * i + 1] ^ sketch[1]);
    }

    /** The totals of {@code model} on tasks of {@code type}. */
    public Totals totals(String model, TaskType type) {
        lock.readLock().lock();
        try {
            Shard shard = shards.get(model);
            return shard == null ? Totals.NONE : shard.totals.getOrDefault(type, Totals.NONE);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The totals of {@code model} over every task type. */
    public Totals totals(String model) {
        lock.readLock().lock();
        try {
            Shard shard = shards.get(model);
            return shard == null ? Totals.NONE : shard.all;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Totals per model and task type, for strategy summaries. */
    public Map<String, Map<TaskType, Totals>> allTotals() {
        lock.readLock().lock();
        try {
            Map<String, Map<TaskType, Totals>> copy = new HashMap<>();
            shards.forEach((model, shard) -> copy.put(model, new EnumMap<>(shard.totals)));
            return copy;
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }
}
