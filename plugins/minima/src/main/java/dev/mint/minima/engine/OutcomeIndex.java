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

    private static final class Shard {
        float[] vectors = new float[0];
        final List<Outcome> outcomes = new ArrayList<>();
        final Map<TaskType, Totals> totals = new EnumMap<>(TaskType.class);
        Totals all = Totals.NONE;
    }

    private final int dimension;
    private final Map<String, Shard> shards = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private int size;

    public OutcomeIndex(int dimension) {
        this.dimension = dimension;
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
        lock.readLock().lock();
        try {
            for (String model : models) {
                Shard shard = shards.get(model);
                result.put(model, shard == null ? List.of() : nearest(shard, query, k, filter));
            }
        } finally {
            lock.readLock().unlock();
        }
        return result;
    }

    private List<Neighbor> nearest(Shard shard, float[] query, int k, Predicate<Outcome> filter) {
        PriorityQueue<Neighbor> best = new PriorityQueue<>(k + 1, Comparator.comparingDouble(Neighbor::similarity));
        int count = shard.outcomes.size();
        for (int i = 0; i < count; i++) {
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
