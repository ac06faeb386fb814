package dev.mint.bench;

import dev.mint.client.MintClient;
import dev.mint.client.model.Experiment;
import dev.mint.server.MintServer;
import dev.mint.server.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls per second of {@code MintClient.experiments().get(id)} (request building, bearer token, typed
 * decoding into an {@link Experiment} record) next to a raw {@link HttpClient} GET of the same URL with
 * the same header that only reads the body bytes, against one platform (SQLite) in this JVM. Rounds
 * alternate between the two so a shared machine's drift hits both alike.
 *
 * <p>Arguments: {@code [seconds per round] [threads] [rounds]}, defaults 5, 4, 5.
 */
public final class ClientGetLoad {
    private interface Call {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dataDir = Files.createTempDirectory("mint-bench-");
        String password = "bench-password-1";
        try (MintServer platform = MintServer.start(ServerConfig.builder().port(0).dataDir(dataDir)
                .adminPassword(password).build());
             MintClient client = MintClient.builder().baseUrl(platform.baseUrl()).credentials("admin", password).build()) {
            long id = client.experiments().create(dev.mint.client.ExperimentFields.builder().name("Benchmark experiment")
                    .notes("load test").tags(java.util.Map.of("bench", true)).build()).id();
            String token = client.token().orElseThrow();
            HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/api/experiments/" + id))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").build();
            Call rawCall = () -> {
                HttpResponse<byte[]> response = raw.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("raw GET answered " + response.statusCode());
                }
            };
            Call clientCall = () -> {
                if (client.experiments().get(id).id() != id) {
                    throw new IllegalStateException("wrong experiment");
                }
            };
            System.out.printf("%d s per round, %d threads, %d rounds each, after 10 s warm-up each%n", seconds, threads, rounds);
            drive(rawCall, threads, 10);
            drive(clientCall, threads, 10);
            List<Double> rawRates = new ArrayList<>();
            List<Double> clientRates = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                rawRates.add(drive(rawCall, threads, seconds));
                clientRates.add(drive(clientCall, threads, seconds));
                System.out.printf("round %d: raw HttpClient %.0f calls/s, MintClient %.0f calls/s%n",
                        round, rawRates.get(round - 1), clientRates.get(round - 1));
            }
            double rawMean = rawRates.stream().mapToDouble(d -> d).average().orElseThrow();
            double clientMean = clientRates.stream().mapToDouble(d -> d).average().orElseThrow();
            System.out.printf("raw HttpClient GET /api/experiments/{id}:  %.0f calls/s%n", rawMean);
            System.out.printf("MintClient.experiments().get(id):          %.0f calls/s%n", clientMean);
            System.out.printf("ratio MintClient / raw: %.2f (target >= 0.90)%n", clientMean / rawMean);
        }
    }

    /** Runs {@code call} on {@code threads} threads for {@code seconds}; returns calls per second. */
    private static double drive(Call call, int threads, int seconds) throws InterruptedException {
        LongAdder calls = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                try {
                    while (running.get()) {
                        call.run();
                        calls.increment();
                    }
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    done.countDown();
                }
            });
            worker.setDaemon(true);
            worker.start();
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        running.set(false);
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("calls failed", failures.get(0));
        }
        return calls.sum() / elapsed;
    }
}
