package dev.mint.bench;

import dev.mint.server.MintServer;
import dev.mint.server.ServerConfig;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput of {@code GET /api/experiments/{id}} with a bearer token on the real platform (SQLite), next
 * to a bare Javalin route returning a constant, under the same load from {@code wrk} (a separate process).
 * Rounds alternate between the two targets so drift on a shared machine hits both alike.
 *
 * <p>Arguments: {@code [seconds per round] [connections] [rounds]}, defaults 10, 32, 3.
 */
public final class PlatformGetLoad {
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dataDir = Files.createTempDirectory("mint-bench-");
        String password = "bench-password-1";
        try (MintServer platform = MintServer.start(ServerConfig.builder().port(0).dataDir(dataDir)
                .adminPassword(password).build())) {
            Javalin bare = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.routes.get("/constant", ctx -> ctx.contentType("application/json").result("{\"ok\":true}"));
            }).start("127.0.0.1", 0);
            try {
                String token = login(platform.baseUrl(), password);
                long id = createExperiment(platform.baseUrl(), token);
                String platformUrl = platform.baseUrl() + "/api/experiments/" + id;
                String bareUrl = "http://127.0.0.1:" + bare.port() + "/constant";
                System.out.printf("wrk: %d s per round, %d connections, 2 threads, %d rounds each%n", seconds, connections, rounds);
                wrk(platformUrl, token, 15, connections); // warm-up: long enough for the JIT to settle
                wrk(bareUrl, null, 15, connections);
                List<Double> platformRates = new ArrayList<>();
                List<Double> bareRates = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    platformRates.add(wrk(platformUrl, token, seconds, connections));
                    bareRates.add(wrk(bareUrl, null, seconds, connections));
                    System.out.printf("round %d: platform GET /api/experiments/{id} %.0f req/s, bare Javalin %.0f req/s%n",
                            round, platformRates.get(round - 1), bareRates.get(round - 1));
                }
                double platformMean = platformRates.stream().mapToDouble(d -> d).average().orElseThrow();
                double bareMean = bareRates.stream().mapToDouble(d -> d).average().orElseThrow();
                System.out.printf("platform GET /api/experiments/{id} (bearer JWT, SQLite): %.0f req/s%n", platformMean);
                System.out.printf("bare Javalin constant route:                      %.0f req/s%n", bareMean);
                System.out.printf("ratio platform / bare: %.2f (target >= 0.50)%n", platformMean / bareMean);
            } finally {
                bare.stop();
            }
        }
    }

    private static double wrk(String url, String token, int seconds, int connections) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Matcher errors = NON_2XX.matcher(output);
        if (errors.find()) {
            throw new IllegalStateException("wrk saw " + errors.group(1) + " non-2xx responses from " + url + ":\n" + output);
        }
        Matcher rate = RPS.matcher(output);
        if (!rate.find()) {
            throw new IllegalStateException("Unexpected wrk output:\n" + output);
        }
        return Double.parseDouble(rate.group(1));
    }

    private static String login(String baseUrl, String password) throws IOException, InterruptedException {
        String body = post(baseUrl + "/api/auth/login", null, "{\"username\":\"admin\",\"password\":\"" + password + "\"}");
        return field(body, "access_token");
    }

    private static long createExperiment(String baseUrl, String token) throws IOException, InterruptedException {
        String body = post(baseUrl + "/api/experiments", token,
                "{\"name\":\"Benchmark experiment\",\"notes\":\"load test\",\"tags\":{\"bench\":true}}");
        return Long.parseLong(field(body, "id"));
    }

    private static String post(String url, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return m.group(1);
    }
}
