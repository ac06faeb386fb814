package dev.mint.minima;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision log, written behind the answers: a recommendation is answered as soon as it is decided, and
 * one background thread writes the decisions waiting at that moment in one transaction. A commit now and
 * then pays for an SQLite checkpoint (10–30 ms); written inline, that landed on whichever recommendation
 * committed, and made most of the slowest answers. Batching also shares the pages several rows touch.
 *
 * <p>Whatever reads the log first waits for every decision appended before it ({@link #find}, {@link #since}),
 * so feedback that follows its recommendation at once still finds it. What a crash can lose is the decisions
 * of its last moments (not yet committed, typically a few milliseconds' worth); feedback naming one of them
 * is answered like feedback for an unknown recommendation. Thread-safe.
 */
final class DecisionLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.class);
    /** Decisions that may wait at once; past that, a recommend waits for room (up to the read wait, then 503). */
    static final int CAPACITY = 10_000;
    /** At most this many decisions per transaction. */
    private static final int BATCH = 500;
    /** How long a reader waits for the writer, or a recommend for room in the queue, before a 503. */
    private static final long READ_WAIT_MILLIS = 10_000;

    private final MinimaStore store;
    private final LinkedBlockingQueue<MinimaStore.Decision> queue = new LinkedBlockingQueue<>();
    private final Semaphore room = new Semaphore(CAPACITY);
    private final Thread writer;
    /** Decisions appended and committed so far; guarded by {@code this}. */
    private long appended;
    private long committed;
    private volatile boolean closed;

    DecisionLog(MinimaStore store) {
        this.store = store;
        this.writer = new Thread(this::write, "minima-decision-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** Logs {@code decision}; returns before it is written. */
    void append(MinimaStore.Decision decision) {
        if (closed) {
            throw new IllegalStateException("The decision log is closed");
        }
        try {
            if (!room.tryAcquire(READ_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw unavailable();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        synchronized (this) { // queue order and the count advance together, so a count names a prefix of the queue
            queue.add(decision);
            appended++;
        }
    }

    /** A recommendation of this account, once every decision logged before this call is written. */
    Optional<MinimaStore.Decision> find(long accountId, String id) {
        awaitWritten();
        return store.decision(accountId, id);
    }

    /** The account's decisions since {@code since} (epoch seconds), every one logged before this call included. */
    List<Insights.Row> since(long accountId, String namespace, long since) {
        awaitWritten();
        return store.decisions(accountId, namespace, since);
    }

    /** Waits until every decision appended before this call is committed. */
    void awaitWritten() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READ_WAIT_MILLIS);
        synchronized (this) {
            long target = appended;
            while (committed < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw unavailable();
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw unavailable();
                }
            }
        }
    }

    private static Problem unavailable() {
        return Problem.of(503, "Decision log unavailable", "Recent recommendations could not be written to the database"
                + " in " + READ_WAIT_MILLIS / 1000 + " s; try again shortly");
    }

    private void write() {
        List<MinimaStore.Decision> batch = new ArrayList<>(BATCH);
        long backoff = 50;
        while (!closed || !queue.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    MinimaStore.Decision first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                store.saveDecisions(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (batch.size() > 1 && writeOneByOne(batch)) {
                    batch.clear();
                    continue;
                }
                // The same batch is tried again: nothing is dropped while the database recovers.
                LOG.warn("Minima could not write {} decision(s), retrying in {} ms: {}", batch.size(), backoff, e.toString());
                sleep(backoff);
                backoff = Math.min(5_000, backoff * 2);
                if (closed) {
                    LOG.error("Minima dropped {} decision(s) at shutdown: the database refused them", batch.size() + queue.size());
                    return;
                }
                continue;
            }
            backoff = 50;
            settled(batch.size());
            batch.clear();
        }
    }

    /**
     * After a batch failed: writes its decisions one by one. When some are written, the others are refused by
     * the database for what they hold, not for an outage, and are dropped with an error instead of holding up
     * the log. When none are, it is an outage: false, and the batch waits to be tried again whole.
     */
    private boolean writeOneByOne(List<MinimaStore.Decision> batch) {
        List<String> refused = new ArrayList<>();
        for (MinimaStore.Decision decision : batch) {
            try {
                store.saveDecisions(List.of(decision));
            } catch (RuntimeException e) {
                refused.add(decision.id() + " (" + e + ")");
            }
        }
        if (refused.size() == batch.size()) {
            return false;
        }
        refused.forEach(why -> LOG.error("Minima dropped decision {}: the database refused it", why));
        settled(batch.size()); // written or dropped: either way no reader waits for them
        return true;
    }

    /** The next {@code count} decisions of the queue are settled: readers waiting for them go on, and they free their room. */
    private void settled(int count) {
        synchronized (this) {
            committed += count;
            notifyAll();
        }
        room.release(count);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued (for up to the read wait), then stops the writer. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(READ_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
