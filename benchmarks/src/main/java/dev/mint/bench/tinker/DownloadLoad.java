package dev.mint.bench.tinker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.server.MintServer;
import dev.mint.server.ServerConfig;
import dev.mint.tinker.client.RestClient;
import dev.mint.tinker.client.ServiceClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
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
 * after one untimed pass of each, {@code --rounds} rounds (default 3) alternate the downloads and the copy, so a
 * shared machine's drift hits all of them. The download is the Java client's helper
 * ({@code RestClient.downloadCheckpointArchive}: archive URL, then the signed GET into a file); each round also
 * fetches the signed URL with a bare reader that copies nothing through the heap, to show the server's own
 * share. Prints each round, the means and their ratios to the copy (target &gt;= 0.5).
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
            try (ServiceClient service = ServiceClient.create(platform.baseUrl() + "/api/tinker", user.key())) {
                RestClient rest = service.createRestClient();
                String tinkerPath = "tinker://" + run + "/weights/bench";
                download(rest, tinkerPath, target, size);
                bareDownload(url, target, size);
                copy(stored, target, size);
                double downloads = 0;
                double bares = 0;
                double copies = 0;
                for (int round = 1; round <= rounds; round++) {
                    double d = download(rest, tinkerPath, target, size);
                    double s = bareDownload(url, target, size);
                    double c = copy(stored, target, size);
                    downloads += d;
                    bares += s;
                    copies += c;
                    System.out.printf(Locale.ROOT, "round %d: Java client download %.0f MiB/s, bare reader %.0f MiB/s,"
                            + " Files.copy %.0f MiB/s%n", round, mib / d, mib / s, mib / c);
                }
                System.out.printf(Locale.ROOT, "%,d MiB archive, %d rounds: Java client download %.0f MiB/s (ratio %.2f to the copy),"
                                + " bare reader %.0f MiB/s (ratio %.2f), Files.copy %.0f MiB/s (target ratio >= 0.5)%n", mib, rounds,
                        mib * rounds / downloads, copies / downloads, mib * rounds / bares, copies / bares, mib * rounds / copies);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Seconds for the Java client to fetch the archive URL and stream the signed download into {@code target}. */
    private static double download(RestClient rest, String tinkerPath, Path target, long size) throws IOException {
        Files.deleteIfExists(target);
        long start = System.nanoTime();
        rest.downloadCheckpointArchive(tinkerPath, target).result();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (Files.size(target) != size) {
            throw new IOException("download wrote " + Files.size(target) + " bytes");
        }
        return seconds;
    }

    /**
     * Seconds for a bare reader to fetch the signed URL into {@code target}: one HTTP/1.1 GET on a socket channel,
     * the body read into a 1 MiB direct buffer and written to a file channel, with no copy through the heap. It
     * is the fastest a client on this machine reads, so its figure is the server's own share.
     */
    private static double bareDownload(String url, Path target, long size) throws IOException {
        Files.deleteIfExists(target);
        URI uri = URI.create(url);
        long start = System.nanoTime();
        long body = 0;
        try (SocketChannel socket = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            socket.write(ByteBuffer.wrap(("GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: "
                    + uri.getHost() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buffer = ByteBuffer.allocateDirect(1024 * 1024);
            boolean inHeaders = true;
            while (socket.read(buffer.clear()) >= 0) {
                buffer.flip();
                if (inHeaders) {
                    inHeaders = skipHeaders(buffer);
                }
                body += buffer.remaining();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (body != size) {
            throw new IOException("the bare reader got " + body + " bytes of body");
        }
        return seconds;
    }

    /** Moves past the status line and headers (which must arrive in the first read) after checking for 200. */
    private static boolean skipHeaders(ByteBuffer buffer) throws IOException {
        byte[] head = new byte[Math.min(buffer.remaining(), 4096)];
        buffer.get(buffer.position(), head);
        String text = new String(head, StandardCharsets.US_ASCII);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 200") || end < 0) {
            throw new IOException("the download answered " + text.lines().findFirst().orElse(""));
        }
        buffer.position(buffer.position() + end + 4);
        return false;
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
