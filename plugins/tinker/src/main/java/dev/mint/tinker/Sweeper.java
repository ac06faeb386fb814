package dev.mint.tinker;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link Registry#sweep} every interval on a daemon thread, from start until close. */
final class Sweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);

    private final ScheduledExecutorService executor;

    private Sweeper(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static Sweeper start(Registry registry, Duration interval) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tinker-ttl-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        if (!interval.isZero()) {
            executor.scheduleWithFixedDelay(() -> {
                try {
                    registry.sweep();
                } catch (RuntimeException e) {
                    // The next sweep tries again; one failure must not end the schedule.
                    LOG.warn("Sweeping expired checkpoints failed", e);
                }
            }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return new Sweeper(executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
