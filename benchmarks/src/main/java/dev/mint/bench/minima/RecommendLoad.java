package dev.mint.bench.minima;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.minima.engine.MiniLmEmbedder;
import dev.mint.minima.engine.Vectors;
import dev.mint.server.MintServer;
import dev.mint.server.ServerConfig;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency and throughput of {@code POST /api/minima/v1/recommend} over HTTP, embedding included, with a
 * given number of outcomes already remembered in the caller's namespace (default 100,000). The outcomes
 * are written straight into the plugin's tables (vectors of the data set's prompts, each remembered many
 * times with a little noise, as repeated traffic would leave them); the recommends then use prompts of
 * the data set the memory has not seen verbatim, each made unique by a request number. The load comes from
 * {@code wrk} in its own process (as for {@code platform-get}), so the driver takes little of the machine.
 *
 * <p>Two measurements, both from {@code wrk}: at full load ({@code --threads} connections each with one
 * request in flight: the throughput the server sustains, and its latency when saturated), then at about
 * {@code --rate} requests a second (default 150) from 30 connections that each pause a random time
 * between requests (exponentially distributed, so arrivals are close to independent): the latency a
 * service sees at that traffic.
 *
 * <p>Arguments: {@code [--outcomes N] [--seconds S] [--threads T] [--rate R] [--data FILE]}; defaults
 * 100000, 20, 2, 150.
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
        int rate = Integer.parseInt(options.getOrDefault("rate", "150"));
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
            Path script = script(asked, models, key);
            warmUp(script, url, threads);
            System.out.println("At full load:");
            Round most = run(script, url, Load.full(threads), seconds, 10_000_000, true);
            System.out.printf(Locale.ROOT, "At about %d/s:%n", rate);
            Round steady = run(script, url, Load.steady(rate), seconds, 20_000_000, true);
            System.out.printf(Locale.ROOT, "Targets at full load: >= 150 recommends/s %s (%.1f/s), p99 <= 25 ms %s (%.1f ms)."
                            + " At about %d/s from 30 connections: p99 %.1f ms%s%n", most.perSecond() >= 150 ? "met" : "NOT met",
                    most.perSecond(), most.p99Millis() <= 25 ? "met" : "NOT met", most.p99Millis(), rate, steady.p99Millis(),
                    steady.p99Millis() <= 25 ? "" : " (over 25 ms)");
        }
    }

    /**
     * Full load in rounds of 5 s until the JIT compilers have settled (under 2% of one core spent compiling
     * in the last round), at most 2 minutes: the server's per-request code is called once per request, so
     * at a couple of hundred a second the JIT is still compiling it well after 15 s, and a measurement
     * taken then pays for that compiling. The namespace learns its templates meanwhile.
     */
    private static void warmUp(Path script, String url, int threads) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long started = System.nanoTime();
        long requests = 0;
        double share;
        do {
            long compiling = jit.getTotalCompilationTime();
            long round = System.nanoTime();
            requests += Math.round(run(script, url, Load.full(threads), 5, requests, false).perSecond() * 5);
            share = (jit.getTotalCompilationTime() - compiling) / ((System.nanoTime() - round) / 1e6);
        } while (share > 0.02 && System.nanoTime() - started < 120e9);
        System.out.printf(Locale.ROOT, "Warm-up: %.0f s, %,d recommends; the JIT's share of a core in the last 5 s: %.1f%%%n",
                (System.nanoTime() - started) / 1e9, requests, share * 100);
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

    /** What a round measures: how many connections, and how long each waits between its requests. */
    private record Load(int connections, int thinkMillis) {
        static Load full(int connections) {
            return new Load(connections, 0);
        }

        /** About {@code rate} requests a second from 30 connections that each pause between requests (on average). */
        static Load steady(int rate) {
            return new Load(30, Math.max(0, 30 * 1000 / rate - 10)); // 10 ms: about one answer's time
        }
    }

    /** What a round measured: recommends a second, and the 99th percentile of their latency. */
    private record Round(double perSecond, double p99Millis) {
    }

    /**
     * One round of {@code wrk} (one thread; a new prompt per request from the Lua script) against the
     * recommend URL; prints the figures when {@code report}.
     */
    private static Round run(Path script, String url, Load load, int seconds, long firstRequest, boolean report)
            throws Exception {
        long cpuBefore = serverCpuNanos();
        Process process = new ProcessBuilder("wrk", "-t1", "-c" + load.connections(), "-d" + seconds + "s", "--timeout", "10s",
                "-s", script.toString(), url, "--", Long.toString(firstRequest), Integer.toString(load.thinkMillis()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        long cpuAfter = serverCpuNanos();
        Matcher figures = FIGURES.matcher(output);
        if (process.waitFor() != 0 || !figures.find()) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        long requests = Long.parseLong(figures.group(1));
        if (Long.parseLong(figures.group(7)) > 0 || requests == 0) {
            throw new IllegalStateException("Some recommends failed:\n" + output);
        }
        double elapsed = Long.parseLong(figures.group(2)) / 1e6;
        Round round = new Round(requests / elapsed, Long.parseLong(figures.group(5)) / 1e3);
        if (!report) {
            return round;
        }
        Map<String, Double> stages = new java.util.LinkedHashMap<>();
        for (Matcher stage = STAGE.matcher(figures.group(9)); stage.find(); ) {
            stages.put(stage.group(1), Double.parseDouble(stage.group(2)));
        }
        double mean = Double.parseDouble(figures.group(8)) / 1e3;
        System.out.printf(Locale.ROOT, "Server CPU: %.2f ms per recommend, %.2f of the %d cores%n", (cpuAfter - cpuBefore) / 1e6 / requests,
                (cpuAfter - cpuBefore) / 1e9 / elapsed, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "Mean per recommend: %.1f ms = waiting for a core %.1f ms + engine %.1f ms (embed %.1f,"
                        + " classify %.1f, recall %.1f, score %.1f) + decision log %.1f ms + HTTP, JSON and auth %.1f ms%n", mean,
                stages.get("queue"), stages.get("engine"), stages.get("embed"), stages.get("classify"), stages.get("recall"),
                stages.get("score"), stages.get("decision_log"),
                mean - stages.get("queue") - stages.get("engine") - stages.get("decision_log"));
        System.out.printf(Locale.ROOT, "%s, %.0f s: %,d recommends, %.1f/s; latency p50 %.1f ms, p90 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms%n", load.thinkMillis() == 0 ? load.connections() + " connections"
                        : load.connections() + " connections pausing " + load.thinkMillis() + " ms on average", elapsed, requests,
                round.perSecond(), Long.parseLong(figures.group(3)) / 1e3, Long.parseLong(figures.group(4)) / 1e3,
                round.p99Millis(), Long.parseLong(figures.group(6)) / 1e3);
        return round;
    }

    /** CPU time of this process (the server, GC and JIT included; the harness idles while {@code wrk} runs). */
    private static long serverCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** What the script's {@code done} prints. */
    private static final Pattern FIGURES = Pattern.compile("requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p90_us=(\\d+)"
            + " p99_us=(\\d+) max_us=(\\d+) failed=(\\d+) mean_us=([0-9.]+)(.*)");
    private static final Pattern STAGE = Pattern.compile(" (\\w+)=([0-9.]+)");

    /**
     * A {@code wrk} script that posts the prompts in turn, each with the request number appended (so every
     * text is new and no embedding comes from a cache), and sums the server's stage timings it answers.
     */
    private static Path script(List<RoutingData.Item> asked, List<String> models, String key) throws IOException {
        StringBuilder lua = new StringBuilder("local prompts = {\n");
        for (RoutingData.Item item : asked) {
            String escaped = JSON.writeValueAsString(item.prompt());
            lua.append(longString(escaped.substring(1, escaped.length() - 1))).append(",\n");
        }
        lua.append("}\n")
                .append("local tail = ").append(longString(" (request %d)\"},\"constraints\":{\"candidate_models\":"
                        + JSON.writeValueAsString(models) + "},\"explain\":false}")).append("\n")
                .append("local headers = {[\"Content-Type\"] = \"application/json\", [\"Authorization\"] = \"Bearer ")
                .append(key).append("\"}\n")
                .append("""
                        local threads = {}
                        function setup(thread) table.insert(threads, thread) end
                        counter = 0
                        failed, answered = 0, 0
                        think = 0
                        function init(args) counter = tonumber(args[1]); think = tonumber(args[2]) end
                        -- Pauses drawn at random around the mean (exponentially), so the connections' requests
                        -- arrive as independent users' would instead of falling into step.
                        function delay() if think == 0 then return 0 end return math.floor(-think * math.log(1 - math.random())) end
                        function request()
                          counter = counter + 1
                          local body = '{"task":{"task":"' .. prompts[counter % #prompts + 1] .. string.format(tail, counter)
                          return wrk.format("POST", nil, headers, body)
                        end
                        local stages = {"queue", "embed", "classify", "recall", "score", "engine", "decision_log"}
                        sums = {}
                        for _, stage in ipairs(stages) do sums[stage] = 0 end
                        function response(status, headers, body)
                          if status ~= 200 then failed = failed + 1; return end
                          answered = answered + 1
                          for _, stage in ipairs(stages) do
                            sums[stage] = sums[stage] + tonumber(body:match('"' .. stage .. '":([%d.]+)'))
                          end
                        end
                        function done(summary, latency, requests)
                          local f, n, total = 0, 0, {}
                          for _, stage in ipairs(stages) do total[stage] = 0 end
                          for _, t in ipairs(threads) do
                            f = f + t:get("failed"); n = n + t:get("answered")
                            for _, stage in ipairs(stages) do total[stage] = total[stage] + t:get("sums")[stage] end
                          end
                          f = f + summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout
                          io.write(string.format("requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d failed=%d mean_us=%.1f",
                            summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
                            latency:percentile(99), latency.max, f, latency.mean))
                          for _, stage in ipairs(stages) do io.write(string.format(" %s=%.3f", stage, total[stage] / math.max(n, 1))) end
                          io.write("\\n")
                        end
                        """);
        Path file = Files.createTempFile("minima-load-", ".lua");
        Files.writeString(file, lua);
        return file;
    }

    /** A Lua long string: no escapes are read inside it. */
    private static String longString(String text) {
        String level = "=";
        while (text.contains("]" + level + "]")) {
            level += "=";
        }
        return "[" + level + "[" + text + "]" + level + "]";
    }

    private static void call(HttpClient http, String url, String key, String prompt, List<String> models) throws Exception {
        var response = post(http, url, key, Map.of("task", Map.of("task", prompt), "constraints",
                Map.of("candidate_models", models), "explain", false));
        if (!response.has("recommendation_id")) {
            throw new IllegalStateException("recommend failed: " + response);
        }
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
