package dev.mint.bench.minima;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.minima.engine.MiniLmEmbedder;
import dev.mint.minima.engine.Vectors;
import dev.mint.server.MintServer;
import dev.mint.server.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Latency and throughput of {@code POST /api/minima/v1/recommend} over HTTP, embedding included, with a
 * given number of outcomes already remembered in the caller's namespace (default 100,000). The outcomes
 * are written straight into the plugin's tables (vectors of the data set's prompts, each remembered many
 * times with a little noise, as repeated traffic would leave them); the recommends then use prompts of
 * the data set the memory has not seen verbatim, each made unique by a request number.
 *
 * <p>Arguments: {@code [--outcomes N] [--seconds S] [--threads T] [--data FILE]}; defaults 100000, 20, 2.
 */
public final class RecommendLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].substring(2), args[i + 1]);
        }
        int outcomes = Integer.parseInt(options.getOrDefault("outcomes", "100000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        List<RoutingData.Item> items = RoutingData.read(Path.of(options.getOrDefault("data", "benchmarks/data/minima-routing.jsonl")));
        List<String> models = RoutingData.models(items);
        Path dir = Files.createTempDirectory("mint-recommend-load-");
        String password = "load-password-1";
        try (MintServer platform = MintServer.start(ServerConfig.builder().port(0).dataDir(dir).adminPassword(password).build())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String admin = post(http, platform.baseUrl() + "/api/auth/login", null,
                    Map.of("username", "admin", "password", password)).get("access_token").asText();
            long account = post(http, platform.baseUrl() + "/api/users/me", admin, null).path("id").asLong(1);
            String key = post(http, platform.baseUrl() + "/api/users/me/tokens", admin, Map.of("name", "load", "kind", "minima"))
                    .get("token").asText();

            List<RoutingData.Item> seen = items.subList(0, items.size() / 2);
            List<RoutingData.Item> asked = items.subList(items.size() / 2, items.size());
            long started = System.nanoTime();
            seed(dir.resolve("mint.db"), account, seen, models, outcomes);
            System.out.printf(Locale.ROOT, "Seeded %,d outcomes (%d prompts, %d models) in %.1f s%n", outcomes, seen.size(),
                    models.size(), (System.nanoTime() - started) / 1e9);

            String url = platform.baseUrl() + "/api/minima/v1/recommend";
            started = System.nanoTime();
            call(http, url, key, asked.get(0).prompt(), models);
            System.out.printf(Locale.ROOT, "First recommend (loads the namespace's memory): %.0f ms%n", (System.nanoTime() - started) / 1e6);
            run(http, url, key, asked, models, threads, 5, false);
            run(http, url, key, asked, models, threads, seconds, true);
        }
    }

    /** Outcomes of {@code seen} prompts, spread over the models, with vectors jittered so no two are equal. */
    private static void seed(Path db, long account, List<RoutingData.Item> seen, List<String> models, int count) throws Exception {
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        List<float[]> vectors = new ArrayList<>();
        for (RoutingData.Item item : seen) {
            String text = item.prompt();
            vectors.add(embedder.embed(text.length() > 2000 ? text.substring(text.length() - 2000) : text));
        }
        SplittableRandom random = new SplittableRandom(7);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO minima__outcomes (account_id, namespace,"
                    + " user_label, recommendation_id, model_id, task_type, difficulty, vector, label, weight, outcome,"
                    + " evidence_source, input_tokens, output_tokens, cost_usd, latency_ms, tags, recorded_at)"
                    + " VALUES (?, 'default', NULL, ?, ?, ?, 'medium', ?, ?, 1.0, 'success', 'judge', ?, ?, ?, ?, '[]', ?)")) {
                long now = System.currentTimeMillis() / 1000;
                for (int i = 0; i < count; i++) {
                    int p = i % seen.size();
                    RoutingData.Item item = seen.get(p);
                    String model = models.get(random.nextInt(models.size()));
                    RoutingData.Result result = item.models().get(model);
                    float[] v = vectors.get(p).clone();
                    for (int d = 0; d < v.length; d++) {
                        v[d] += (float) (random.nextGaussian() * 0.01);
                    }
                    insert.setLong(1, account);
                    insert.setString(2, "seed" + i);
                    insert.setString(3, model);
                    insert.setString(4, item.category().isEmpty() ? "other" : item.category());
                    insert.setBytes(5, Vectors.toBytes(Vectors.normalized(v)));
                    insert.setDouble(6, result.score());
                    insert.setObject(7, result.inputTokens());
                    insert.setObject(8, result.outputTokens());
                    insert.setDouble(9, result.costUsd());
                    insert.setInt(10, 500 + random.nextInt(3000));
                    insert.setLong(11, now - random.nextInt(86_400 * 20));
                    insert.addBatch();
                    if (i % 5_000 == 4_999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    private static void run(HttpClient http, String url, String key, List<RoutingData.Item> asked, List<String> models,
                            int threads, int seconds, boolean report) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int offset = t;
            new Thread(() -> {
                try {
                    for (int i = offset; !stop.get(); i += threads) {
                        long start = System.nanoTime();
                        // A request number at the end keeps every text new, so no embedding comes from a cache.
                        call(http, url, key, asked.get(i % asked.size()).prompt() + " (request " + i + ")", models);
                        latencies.add(System.nanoTime() - start);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        done.await();
        if (!report) {
            ENGINE_MS.reset();
            CALLS.reset();
            return;
        }
        System.out.printf(Locale.ROOT, "Server-side engine time (classify, embed, recall, score): mean %.1f ms%n",
                ENGINE_MS.sum() / Math.max(1, CALLS.sum()));
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%d threads, %d s: %,d recommends, %.1f/s; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms%n", threads, seconds, sorted.size(), sorted.size() / (double) seconds,
                percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double percentile(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    /** Server-side milliseconds of the engine (classify, embed, recall, score) summed over calls, for the split. */
    private static final java.util.concurrent.atomic.DoubleAdder ENGINE_MS = new java.util.concurrent.atomic.DoubleAdder();
    private static final java.util.concurrent.atomic.LongAdder CALLS = new java.util.concurrent.atomic.LongAdder();

    private static void call(HttpClient http, String url, String key, String prompt, List<String> models) throws Exception {
        var response = post(http, url, key, Map.of("task", Map.of("task", prompt), "constraints",
                Map.of("candidate_models", models), "explain", false));
        if (!response.has("recommendation_id")) {
            throw new IllegalStateException("recommend failed: " + response);
        }
        ENGINE_MS.add(response.get("stage_latency_ms").get("engine").asDouble());
        CALLS.increment();
    }

    private static com.fasterxml.jackson.databind.JsonNode post(HttpClient http, String url, String credential, Object body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
        request = body == null ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (credential != null) {
            request.header("Authorization", "Bearer " + credential);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
