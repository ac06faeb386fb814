package dev.mint.sdk.migrations;

import java.time.Duration;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Keeps two processes from migrating one plugin at once. PostgreSQL: a session advisory lock held on a
 * dedicated connection. SQLite: a row in {@code _plugin_migration_locks}, taken in a write transaction;
 * a row older than {@link #STALE} is treated as left behind by a crashed process.
 */
final class MigrationLock implements AutoCloseable {
    static final Duration STALE = Duration.ofMinutes(10);
    private static final Duration WAIT = Duration.ofMinutes(2);

    private final Runnable release;

    private MigrationLock(Runnable release) {
        this.release = release;
    }

    static MigrationLock acquire(Jdbi jdbi, Dialect dialect, String pluginName) {
        return dialect == Dialect.POSTGRESQL ? advisory(jdbi, pluginName) : lockRow(jdbi, pluginName);
    }

    private static MigrationLock advisory(Jdbi jdbi, String pluginName) {
        Handle handle = jdbi.open();
        try {
            handle.execute("SELECT pg_advisory_lock(hashtext(?))", "mint-migrations:" + pluginName);
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
        return new MigrationLock(() -> {
            try (handle) {
                handle.execute("SELECT pg_advisory_unlock(hashtext(?))", "mint-migrations:" + pluginName);
            }
        });
    }

    private static MigrationLock lockRow(Jdbi jdbi, String pluginName) {
        jdbi.useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS _plugin_migration_locks"
                + " (plugin_name TEXT PRIMARY KEY, owner TEXT NOT NULL, acquired_at INTEGER NOT NULL)"));
        String owner = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            boolean taken = jdbi.inTransaction(h -> {
                long now = System.currentTimeMillis();
                h.createUpdate("DELETE FROM _plugin_migration_locks WHERE plugin_name = :p AND acquired_at < :stale")
                        .bind("p", pluginName).bind("stale", now - STALE.toMillis()).execute();
                return h.createUpdate("INSERT INTO _plugin_migration_locks (plugin_name, owner, acquired_at)"
                                + " VALUES (:p, :o, :t) ON CONFLICT (plugin_name) DO NOTHING")
                        .bind("p", pluginName).bind("o", owner).bind("t", now).execute() == 1;
            });
            if (taken) {
                return new MigrationLock(() -> jdbi.useHandle(h -> h.createUpdate(
                        "DELETE FROM _plugin_migration_locks WHERE plugin_name = :p AND owner = :o")
                        .bind("p", pluginName).bind("o", owner).execute()));
            }
            if (System.nanoTime() > deadline) {
                throw new MigrationError("Another process has been migrating '" + pluginName + "' for over "
                        + WAIT.toMinutes() + " minutes; if none is running, delete its row from _plugin_migration_locks");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MigrationError("Interrupted while waiting for the migration lock of '" + pluginName + "'");
            }
        }
    }

    @Override
    public void close() {
        release.run();
    }
}
