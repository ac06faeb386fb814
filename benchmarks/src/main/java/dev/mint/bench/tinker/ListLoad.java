package dev.mint.bench.tinker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.MintServer;
import dev.mint.server.ServerConfig;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Latency and throughput of Tinker's {@code list_user_checkpoints} ({@code GET /api/tinker/api/v1/checkpoints}, the
 * default limit of 100) over HTTP with a {@code tml-} key, with a given number of the caller's checkpoints in the
 * database (default 100,000, over runs of 100 checkpoints each), plus as many again of another user. Runs and
 * checkpoints are written straight into the plugin's tables of an in-process platform (SQLite).
 *
 * <p>Arguments: {@code [--checkpoints N] [--seconds S] [--threads T]}; defaults 100000, 20, 2.
 */
public final class ListLoad {
    private static final int PER_RUN = 100;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.options(args);
        int checkpoints = Integer.parseInt(options.getOrDefault("checkpoints", "100000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        Path dir = Files.createTempDirectory("mint-tinker-list-");
        try (MintServer platform = MintServer.start(ServerConfig.builder().port(0).dataDir(dir).adminPassword(Bench.PASSWORD).build())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Bench.User caller = Bench.user(http, platform, "lister");
            Bench.User other = Bench.user(http, platform, "neighbour");
            long started = System.nanoTime();
            seed(dir.resolve("mint.db"), caller, checkpoints);
            seed(dir.resolve("mint.db"), other, checkpoints);
            System.out.printf(Locale.ROOT, "Seeded %,d checkpoints of the caller and %,d of another user (%d per run) in %.1f s%n",
                    checkpoints, checkpoints, PER_RUN, (System.nanoTime() - started) / 1e9);

            String url = platform.baseUrl() + "/api/tinker/api/v1/checkpoints";
            JsonNode first = Bench.get(http, url, caller.key());
            if (first.path("cursor").path("total_count").asLong() != checkpoints || first.path("checkpoints").size() != 100) {
                throw new IllegalStateException("unexpected first page: cursor " + first.path("cursor"));
            }
            run(http, url, caller.key(), threads, 5, false);
            run(http, url, caller.key(), threads, seconds, true);
        }
    }

    /** A session (over HTTP), then runs and checkpoints of it straight into the tables, oldest first. */
    private static void seed(Path db, Bench.User user, int count) throws Exception {
        long now = System.currentTimeMillis();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            connection.setAutoCommit(false);
            try (PreparedStatement run = connection.prepareStatement("INSERT INTO tinker__training_runs (id, session_id,"
                    + " owner_id, owner_name, base_model, lora_rank, train_unembed, train_mlp, train_attn, user_metadata,"
                    + " created_at, last_request_at) VALUES (?, ?, ?, ?, 'Qwen/Qwen3-8B', 32, 1, 1, 1, '{}', ?, ?)");
                 PreparedStatement checkpoint = connection.prepareStatement("INSERT INTO tinker__checkpoints (training_run_id,"
                         + " kind, name, created_at, is_public, expires_at, archive_key, size_bytes, sha256, owner_id)"
                         + " VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?)")) {
                int runs = (count + PER_RUN - 1) / PER_RUN;
                long start = now - count * 1_000L;
                for (int r = 0; r < runs; r++) {
                    String runId = user.session() + ":train:" + r;
                    long runStart = start + r * PER_RUN * 1_000L;
                    run.setString(1, runId);
                    run.setString(2, user.session());
                    run.setLong(3, user.id());
                    run.setString(4, user.name());
                    run.setLong(5, runStart);
                    run.setLong(6, runStart + PER_RUN * 1_000L);
                    run.addBatch();
                    for (int c = 0; c < PER_RUN && r * PER_RUN + c < count; c++) {
                        boolean sampler = c % 10 == 9;
                        checkpoint.setString(1, runId);
                        checkpoint.setString(2, sampler ? "sampler_weights" : "weights");
                        checkpoint.setString(3, String.format(Locale.ROOT, "step-%05d", c));
                        checkpoint.setLong(4, runStart + c * 1_000L);
                        checkpoint.setBoolean(5, c % 50 == 0);
                        // Some carry a TTL far ahead, so the liveness test has something to look at.
                        if (c % 7 == 0) {
                            checkpoint.setLong(6, now + 86_400_000L * 30);
                        } else {
                            checkpoint.setNull(6, java.sql.Types.BIGINT);
                        }
                        checkpoint.setLong(7, user.id());
                        checkpoint.addBatch();
                    }
                    if (r % 50 == 49) {
                        run.executeBatch();
                        checkpoint.executeBatch();
                    }
                }
                run.executeBatch();
                checkpoint.executeBatch();
            }
            // The per-owner count the plugin keeps in the transactions that insert and delete checkpoints.
            try (PreparedStatement total = connection.prepareStatement("INSERT INTO tinker__checkpoint_counts (owner_id, total)"
                    + " VALUES (?, ?)")) {
                total.setLong(1, user.id());
                total.setLong(2, count);
                total.executeUpdate();
            }
            connection.commit();
        }
    }

    private static void run(HttpClient http, String url, String key, int threads, int seconds, boolean report) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                try {
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        Bench.getBytes(http, url, key);
                        latencies.add(System.nanoTime() - start);
                    }
                } catch (Exception e) {
                    failure.set(e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        done.await();
        if (failure.get() != null) {
            throw failure.get();
        }
        if (!report) {
            return;
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "list_user_checkpoints (limit 100), %d threads, %d s: %,d calls, %.1f/s;"
                        + " latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 <= 50 ms)%n",
                threads, seconds, sorted.size(), sorted.size() / (double) seconds, Bench.percentile(sorted, 0.50),
                Bench.percentile(sorted, 0.90), Bench.percentile(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }
}
