package dev.mint.minima.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * The remembered outcomes of one scope (an account's namespace), kept in memory for recall: per model, the
 * task vectors side by side in one array (a byte per coordinate and a scale per vector: a quarter of the
 * memory of floats, compared in integer arithmetic, for similarities off by about 0.002), and running
 * totals per model and task type. Recall asks for the
 * nearest outcomes <em>of each candidate model separately</em>, so a model with little history still
 * gets its own evidence instead of being crowded out by models with a lot. Thread-safe: many readers, one
 * writer at a time.
 *
 * <p>Past {@value #EXACT_UP_TO} outcomes of a model, recall first ranks them by a 256-bit sign sketch of
 * their vectors (random hyperplanes: the Hamming distance of two sketches tracks the angle between the
 * vectors) and computes similarities only for the closest {@value #SHORTLIST}; a scan of sketches
 * costs a few operations per outcome instead of a 384-term dot product. The hyperplanes are sparse (each
 * adds or subtracts {@value #PLANE_TERMS} random coordinates), which keeps sketching a namespace's whole
 * history at load an order of magnitude cheaper than dense Gaussian planes, for the same recall.
 */
public final class OutcomeIndex {
    /**
     * One remembered outcome: what was asked (its vector and type), which model ran, and how it went. The
     * index keeps vectors packed side by side, so the outcomes it hands back carry none ({@code vector} null).
     */
    public record Outcome(long id, String modelId, TaskType taskType, Difficulty difficulty, float[] vector, double label,
                          double weight, Integer inputTokens, Integer outputTokens, Double costUsd, Integer latencyMs,
                          long recordedAtEpochSecond, String userLabel, List<String> tags) {
        Outcome withoutVector() {
            return new Outcome(id, modelId, taskType, difficulty, null, label, weight, inputTokens, outputTokens, costUsd,
                    latencyMs, recordedAtEpochSecond, userLabel, tags);
        }
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
    /** How many outcomes the sketch shortlists for exact comparison. */
    static final int SHORTLIST = 128;
    static final int SKETCH_BITS = 256;
    static final int PLANE_TERMS = 32;
    private static final int WORDS = SKETCH_BITS / 64;
    /** The filter that keeps every outcome; recall skips calling it. */
    public static final Predicate<Outcome> ALL = outcome -> true;
    /** Per thread, room for the sketch distances of one shard. */
    private static final ThreadLocal<char[]> DISTANCES = ThreadLocal.withInitial(() -> new char[0]);

    private static final class Shard {
        /** Each vector as a byte per coordinate, {@code dimension} bytes apiece, times its entry in {@code scales}. */
        byte[] codes = new byte[0];
        float[] scales = new float[0];
        long[] sketches = new long[0];
        final List<Outcome> outcomes = new ArrayList<>();
        final Map<TaskType, Totals> totals = new EnumMap<>(TaskType.class);
        Totals all = Totals.NONE;
    }

    private final int dimension;
    /** Per sketch bit, the coordinates its hyperplane adds (first half) and subtracts (second half). */
    private final int[][] planes;
    private final Map<String, Shard> shards = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private int size;

    public OutcomeIndex(int dimension) {
        if (dimension < 1 || dimension > 512) {
            throw new IllegalArgumentException("Recall codes vectors of 1 to 512 dimensions, not " + dimension); // int sums
        }
        this.dimension = dimension;
        java.util.SplittableRandom random = new java.util.SplittableRandom(0x5eed);
        this.planes = new int[SKETCH_BITS][];
        for (int b = 0; b < SKETCH_BITS; b++) {
            planes[b] = random.ints(0, dimension).distinct().limit(Math.min(PLANE_TERMS, dimension)).toArray();
        }
    }

    /** Bit b set when the vector lies on the positive side of hyperplane b. */
    private long[] sketch(float[] vector) {
        long[] bits = new long[WORDS];
        for (int b = 0; b < SKETCH_BITS; b++) {
            int[] plane = planes[b];
            float side = 0;
            for (int t = 0; t < plane.length; t++) {
                side += t < plane.length / 2 ? vector[plane[t]] : -vector[plane[t]];
            }
            if (side > 0) {
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
            if (count + 1 > shard.scales.length) {
                shard.codes = Arrays.copyOf(shard.codes, Math.max(16, count * 2) * dimension);
                shard.scales = Arrays.copyOf(shard.scales, Math.max(16, count * 2));
            }
            shard.scales[count] = Vectors.quantize(outcome.vector(), shard.codes, count * dimension);
            if ((count + 1) * WORDS > shard.sketches.length) {
                shard.sketches = Arrays.copyOf(shard.sketches, Math.max(16, count * 2) * WORDS);
            }
            System.arraycopy(sketch(outcome.vector()), 0, shard.sketches, count * WORDS, WORDS);
            shard.outcomes.add(outcome.withoutVector()); // the quantized copy is the one recall reads
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
        short[] coded = new short[dimension];
        float queryScale = Vectors.quantize(query, coded);
        long[] sketch = null;
        lock.readLock().lock();
        try {
            for (String model : models) {
                Shard shard = shards.get(model);
                if (shard != null && shard.outcomes.size() > EXACT_UP_TO && sketch == null) {
                    sketch = sketch(query);
                }
                result.put(model, shard == null ? List.of() : nearest(shard, coded, queryScale, sketch, k, filter));
            }
        } finally {
            lock.readLock().unlock();
        }
        return result;
    }

    private List<Neighbor> nearest(Shard shard, short[] coded, float queryScale, long[] sketch, int k, Predicate<Outcome> filter) {
        // The k best so far, most similar first: k is small, so inserting by shifting beats a heap.
        float[] similarities = new float[k];
        int[] positions = new int[k];
        int size = 0;
        for (int i : candidates(shard, sketch, filter)) {
            float similarity = queryScale * shard.scales[i] * Vectors.dot(coded, shard.codes, i * dimension);
            if (size == k && similarity <= similarities[k - 1]) {
                continue;
            }
            if (filter != ALL && !filter.test(shard.outcomes.get(i))) {
                continue;
            }
            int at = size < k ? size++ : k - 1;
            for (; at > 0 && similarities[at - 1] < similarity; at--) {
                similarities[at] = similarities[at - 1];
                positions[at] = positions[at - 1];
            }
            similarities[at] = similarity;
            positions[at] = i;
        }
        List<Neighbor> sorted = new ArrayList<>(size);
        for (int n = 0; n < size; n++) {
            sorted.add(new Neighbor(shard.outcomes.get(positions[n]), similarities[n]));
        }
        return sorted;
    }

    /**
     * Reads a byte of every cache line of the shortlisted vectors, and their scales, before any is compared.
     * The shortlist is scattered over the shard's megabytes, and a comparison waits for its vector's lines
     * one after another; these reads do not depend on each other, so the processor fetches many lines at
     * once. It halves the time of the comparisons once their vectors have left the cache.
     */
    private int touch(Shard shard, int[] positions) {
        int sum = 0;
        for (int i : positions) {
            int at = i * dimension;
            for (int b = 0; b < dimension; b += 64) {
                sum += shard.codes[at + b];
            }
            sum += Float.floatToRawIntBits(shard.scales[i]);
        }
        return sum;
    }

    /**
     * The positions whose vectors recall compares exactly: all of a small shard; of a big one, the
     * {@value #SHORTLIST} accepted outcomes whose sketches are closest to the query's (ties at the cut-off
     * distance in insertion order), their cache lines already on their way ({@link #touch}).
     */
    private int[] candidates(Shard shard, long[] sketch, Predicate<Outcome> filter) {
        int count = shard.outcomes.size();
        if (count <= EXACT_UP_TO) {
            return java.util.stream.IntStream.range(0, count).toArray();
        }
        // One pass over the sketches (the scan is bound by reading them), the distances kept for the pick.
        char[] distances = DISTANCES.get();
        if (distances.length < count) {
            distances = new char[Math.max(count, distances.length * 2)];
            DISTANCES.set(distances);
        }
        int[] histogram = new int[SKETCH_BITS + 2];
        for (int i = 0; i < count; i++) {
            int d = distance(shard, i, sketch, filter);
            distances[i] = (char) d;
            histogram[d]++;
        }
        int cutoff = 0;
        for (int seen = 0; cutoff <= SKETCH_BITS && seen + histogram[cutoff] < SHORTLIST; cutoff++) {
            seen += histogram[cutoff];
        }
        int[] picked = new int[Math.min(SHORTLIST, count)];
        int n = 0;
        int atCutoff = SHORTLIST;
        for (int d = 0; d < cutoff; d++) {
            atCutoff -= histogram[d];
        }
        for (int i = 0; i < count && n < picked.length; i++) {
            int d = distances[i];
            if (d < cutoff || (d == cutoff && cutoff <= SKETCH_BITS && atCutoff-- > 0)) {
                picked[n++] = i;
            }
        }
        int[] shortlist = n == picked.length ? picked : Arrays.copyOf(picked, n);
        if (touch(shard, shortlist) == Integer.MIN_VALUE) {
            Thread.onSpinWait(); // never: the test only keeps the reads from being optimized away
        }
        return shortlist;
    }

    /** The Hamming distance of outcome i's sketch to the query's; past every real distance when the filter rejects it. */
    private static int distance(Shard shard, int i, long[] sketch, Predicate<Outcome> filter) {
        return filter == ALL || filter.test(shard.outcomes.get(i)) ? hamming(shard.sketches, i, sketch) : SKETCH_BITS + 1;
    }

    private static int hamming(long[] sketches, int i, long[] sketch) {
        int d = 0;
        for (int w = 0; w < WORDS; w++) {
            d += Long.bitCount(sketches[WORDS * i + w] ^ sketch[w]);
        }
        return d;
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
