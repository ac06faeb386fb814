package dev.mint.minima.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the engine keeps for one account's namespace: its remembered outcomes, the chunk frequencies of its
 * prompts, and its exploration budget. Scopes never see each other's data.
 */
public final class Scope {
    /** At most this share of decisions may deviate from the greedy pick to learn. */
    static final double EXPLORE_SHARE_CAP = 0.05;

    private final OutcomeIndex outcomes;
    private final TextEncoder.ChunkStats chunkStats = new TextEncoder.ChunkStats();
    private final AtomicLong decisions = new AtomicLong();
    private final AtomicLong explorations = new AtomicLong();

    public Scope(int dimension) {
        this.outcomes = new OutcomeIndex(dimension);
    }

    public OutcomeIndex outcomes() {
        return outcomes;
    }

    TextEncoder.ChunkStats chunkStats() {
        return chunkStats;
    }

    /** Counts a decision; true when it may explore without exceeding the cap. */
    boolean mayExplore() {
        long n = decisions.incrementAndGet();
        return explorations.get() + 1 <= EXPLORE_SHARE_CAP * n;
    }

    void explored() {
        explorations.incrementAndGet();
    }
}
