package dev.mint.sdk.migrations;

import static dev.mint.sdk.migrations.ColumnType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-plugin migration lock: concurrent runners (as separate processes would be) and stale SQLite locks. */
class MigrationLockTest {
    /** Each step inserts a row that a second execution would duplicate. */
    private static final List<TestMigration> MIGRATIONS = List.of(
            TestMigration.of(1, "create_runs", op -> {
                op.createTable("runs", Column.id("id"), Column.of("step", TEXT));
                op.execute("INSERT INTO runs (step) VALUES ('v1')");
            }),
            TestMigration.of(2, "second_run", op -> op.execute("INSERT INTO runs (step) VALUES ('v2')")),
            TestMigration.of(3, "third_run", op -> op.execute("INSERT INTO runs (step) VALUES ('v3')")));

    private TestDb db;
    private ExecutorService threads;

    @BeforeEach
    void openDatabase() {
        db = TestDb.create();
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void dropDatabase() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        db.close();
    }

    /** Starts {@code count} runs at the same moment, each on its own connection pool; returns their results. */
    private List<MigrationResult> concurrently(int count, IntFunction<MigrationResult> run) throws Exception {
        CyclicBarrier start = new CyclicBarrier(count);
        List<Future<MigrationResult>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(threads.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return run.apply(index);
            }));
        }
        List<MigrationResult> results = new ArrayList<>();
        for (Future<MigrationResult> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void concurrentRunnersApplyEachVersionExactlyOnce() throws Exception {
        List<Jdbi> pools = List.of(db.openJdbi(2), db.openJdbi(2));

        List<MigrationResult> results = concurrently(2,
                i -> new MigrationRunner(pools.get(i), "shared", db.dialect()).run(MIGRATIONS));

        List<Integer> applied = new ArrayList<>();
        for (MigrationResult result : results) {
            assertThat(result.errors()).isEmpty();
            assertThat(result.currentVersion()).isEqualTo(3);
            applied.addAll(result.applied());
        }
        assertThat(applied).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(db.list("SELECT step FROM runs ORDER BY id", String.class)).containsExactly("v1", "v2", "v3");
        assertThat(db.list("SELECT version FROM " + db.trackingTable() + " WHERE plugin_name = 'shared' ORDER BY version",
                Integer.class)).containsExactly(1, 2, 3);
    }

    @Test
    void pluginsMigratingAtOnceOnAFreshDatabaseAllSucceed() throws Exception {
        int plugins = 6;

        List<MigrationResult> results = concurrently(plugins, i -> new MigrationRunner(db.openJdbi(2), "plugin-" + i,
                db.dialect()).run(List.of(TestMigration.of(1, "create", op -> op.createTable("table_" + i, Column.id("id"))))));

        assertThat(results).allSatisfy(result -> assertThat(result.applied()).containsExactly(1));
        for (int i = 0; i < plugins; i++) {
            assertThat(db.tableExists("table_" + i)).isTrue();
        }
        assertThat(db.count(db.trackingTable())).isEqualTo(plugins);
    }

    /** SQLite keeps its lock in a row; one left by a crashed process is taken over once stale. */
    @Test
    void staleSqliteLockRowIsTakenOver() {
        try (TestDb sqlite = TestDb.sqlite()) {
            MigrationRunner runner = new MigrationRunner(sqlite.jdbi(), "crashed-plugin", Dialect.SQLITE);
            runner.run(MIGRATIONS.subList(0, 1));
            long elevenMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(11).toMillis();
            sqlite.jdbi().useHandle(h -> h.execute("INSERT INTO _plugin_migration_locks (plugin_name, owner, acquired_at)"
                    + " VALUES ('crashed-plugin', 'dead-process', ?), ('other-plugin', 'live-process', ?)",
                    elevenMinutesAgo, System.currentTimeMillis()));

            MigrationResult result = runner.run(MIGRATIONS);

            assertThat(result.applied()).containsExactly(2, 3);
            assertThat(sqlite.list("SELECT plugin_name FROM _plugin_migration_locks", String.class))
                    .as("released; another plugin's lock is not ours to take")
                    .containsExactly("other-plugin");
        }
    }
}
