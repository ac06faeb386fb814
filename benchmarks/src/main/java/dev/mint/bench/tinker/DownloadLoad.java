package dev.mint.bench.tinker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.server.MintServer;
import dev.mint.server.ServerConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Throughput of a checkpoint archive's download over loopback, through the signed URL and streamed to a file,
 * next to a plain {@link Files#copy} of the same stored archive file, in the same run. One archive of
 * {@code --mib} MiB (default 1024) is uploaded through the API to an in-process platform (SQLite, file storage);
 * after one untimed pass of each, {@code --rounds} rounds (default 3) alternate download and copy, so a shared
 * machine's drift hits both. Each round also fetches the URL with {@code curl}, a client that does not
 * hold the server back. Prints each round, the means and their ratios (target &gt;= 0.5).
 */
public final class DownloadLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.options(args);
        int mib = Integer.parseInt(options.getOrDefault("mib", "1024"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        long size = mib * 1024L * 1024L;
        Path dir = Files.createTempDirectory("mint-tinker-download-");
        try (MintServer platform = MintServer.start(ServerConfig.builder().port(0).dataDir(dir).adminPassword(Bench.PASSWORD).build())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Bench.User user = Bench.user(http, platform, "downloader");
            String api = platform.baseUrl() + Bench.API;
            Bench.send(http, "POST", api + "/create_model", user.key(), Map.of("session_id", user.session(), "model_seq_id", 0,
                    "base_model", "Qwen/Qwen3-8B", "type", "create_model"));
            String run = user.session() + ":train:0";
            Bench.send(http, "POST", api + "/save_weights", user.key(), Map.of("model_id", run, "path", "bench", "seq_id", 1,
                    "type", "save_weights"));
            String checkpoint = api + "/training_runs/" + run + "/checkpoints/weights/bench/archive";

            Path source = dir.resolve("source.tar");
            write(source, size);
            long started = System.nanoTime();
            HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create(checkpoint)).header("X-API-Key", user.key())
                    .PUT(HttpRequest.BodyPublishers.ofFile(source)).build(), HttpResponse.BodyHandlers.ofString());
            if (uploaded.statusCode() != 200) {
                throw new IOException("upload answered " + uploaded.statusCode() + ": " + uploaded.body());
            }
            System.out.printf(Locale.ROOT, "Uploaded %,d MiB through the API in %.1f s (%.0f MiB/s)%n", mib,
                    (System.nanoTime() - started) / 1e9, mib / ((System.nanoTime() - started) / 1e9));
            Files.delete(source);
            Path stored = storedArchive(dir);
            String url = Bench.get(http, checkpoint, user.key()).get("url").asText();

            Path target = dir.resolve("target.tar");
            download(http, url, target, size);
            curlDownload(url, target, size);
            copy(stored, target, size);
            double downloads = 0;
            double curls = 0;
            double copies = 0;
            for (int round = 1; round <= rounds; round++) {
                double d = download(http, url, target, size);
                double s = curlDownload(url, target, size);
                double c = copy(stored, target, size);
                downloads += d;
                curls += s;
                copies += c;
                System.out.printf(Locale.ROOT, "round %d: HttpClient download %.0f MiB/s, curl download %.0f MiB/s,"
                        + " Files.copy %.0f MiB/s%n", round, mib / d, mib / s, mib / c);
            }
            System.out.printf(Locale.ROOT, "%,d MiB archive, %d rounds: HttpClient download %.0f MiB/s (ratio %.2f to the copy),"
                            + " curl download %.0f MiB/s (ratio %.2f), Files.copy %.0f MiB/s (target ratio >= 0.5)%n", mib, rounds,
                    mib * rounds / downloads, copies / downloads, mib * rounds / curls, copies / curls, mib * rounds / copies);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Seconds to GET the signed URL (no key, as the SDK does) streamed into {@code target}. */
    private static double download(HttpClient http, String url, Path target, long size) throws Exception {
        Files.deleteIfExists(target);
        long start = System.nanoTime();
        HttpResponse<Path> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofFile(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 200 || Files.size(target) != size) {
            throw new IOException("download answered " + response.statusCode() + " with " + Files.size(target) + " bytes");
        }
        return seconds;
    }

    /**
     * Seconds for {@code curl} (in its own process) to fetch the signed URL into {@code target}: a client that
     * reads in large blocks, so the figure is the server's share, without the JDK client's 16 KiB buffers.
     */
    private static double curlDownload(String url, Path target, long size) throws IOException, InterruptedException {
        Files.deleteIfExists(target);
        long start = System.nanoTime();
        Process curl = new ProcessBuilder("curl", "--silent", "--show-error", "--fail", "--output", target.toString(), url)
                .redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (curl.waitFor() != 0 || Files.size(target) != size) {
            throw new IOException("curl failed (" + output.strip() + ") with " + Files.size(target) + " bytes");
        }
        return seconds;
    }

    /** Seconds to copy the stored archive file into {@code target}. */
    private static double copy(Path stored, Path target, long size) throws IOException {
        Files.deleteIfExists(target);
        long start = System.nanoTime();
        Files.copy(stored, target);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (Files.size(target) != size) {
            throw new IOException("copy has " + Files.size(target) + " bytes");
        }
        return seconds;
    }

    /** Incompressible bytes, 1 MiB at a time. */
    private static void write(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        byte[] block = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long v = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        block[i + b] = (byte) (v >>> (8 * b));
                    }
                }
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }

    /** The one archive file the platform's file store holds. */
    private static Path storedArchive(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir.resolve("tinker").resolve("archives"))) {
            List<Path> found = files.filter(Files::isRegularFile).toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one stored archive, found " + found);
            }
            return found.get(0);
        }
    }
}
