package dev.mint.tinker.client;

import static dev.mint.tinker.client.Fixtures.RUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import dev.mint.tinker.client.ScriptedServer.Request;
import dev.mint.tinker.client.model.Checkpoint;
import dev.mint.tinker.client.model.CheckpointArchiveUrlResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archive URLs (the 302 and the JSON contract), the download helper (progress, size check, Range resume, atomic
 * move) and the upload helper, against a scripted loopback server standing in for the service and its storage.
 */
class ArchiveTest {
    private static final String PATH = "tinker://" + RUN + "/weights/0001";
    private static final String ARCHIVE = "/api/tinker/api/v1/training_runs/" + RUN + "/checkpoints/weights/0001/archive";
    private static final byte[] TAR = new byte[300_000];

    static {
        new Random(7).nextBytes(TAR);
    }

    @TempDir
    Path dir;

    private final ScriptedServer server = new ScriptedServer();
    private final ServiceClient service = Fixtures.builder(server.url()).maxTransferAttempts(3)
            .environment(Map.of("CLOUDFLARE_ACCESS_CLIENT_ID", "cf-id", "CLOUDFLARE_ACCESS_CLIENT_SECRET", "cf-secret"))
            .build();
    private final RestClient rest = service.createRestClient();
    private final List<long[]> progress = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        service.close();
        server.close();
    }

    private void record(long transferred, long total) {
        progress.add(new long[] {transferred, total});
    }

    private String storageUrl() {
        return server.otherOriginUrl() + "/storage/0001.tar?sig=abc";
    }

    private ScriptedServer redirectToStorage() {
        return server.then(302, Map.of("Location", storageUrl(), "Expires", "Wed, 21 Oct 2026 07:28:00 GMT"), new byte[0]);
    }

    /** Serves {@link #TAR}, honouring a {@code Range} request from where the client says it is. */
    private static void serveRange(HttpExchange exchange) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
        byte[] rest = Arrays.copyOfRange(TAR, from, TAR.length);
        ScriptedServer.send(exchange, 206, Map.of("Content-Range", "bytes " + from + "-" + (TAR.length - 1) + "/" + TAR.length,
                "ETag", "\"v1\""), rest);
    }

    private static void serveTruncated(HttpExchange exchange) throws IOException {
        ScriptedServer.sendTruncated(exchange, 200, Map.of("ETag", "\"v1\""), TAR.length, Arrays.copyOf(TAR, 100_000));
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
        }
    }

    // ---- archive URL

    @Test
    void aRedirectIsReadNotFollowed() throws Exception {
        redirectToStorage();
        CheckpointArchiveUrlResponse answer = rest.getCheckpointArchiveUrl(RUN, "weights/0001").result();
        assertThat(answer.url()).isEqualTo(storageUrl());
        assertThat(answer.expires()).isEqualTo(Instant.parse("2026-10-21T07:28:00Z"));
        redirectToStorage();
        assertThat(rest.getCheckpointArchiveUrlFromTinkerPathAsync(PATH).get(5, TimeUnit.SECONDS)).isEqualTo(answer);
        assertThat(server.received()).extracting(Request::uri).containsExactly(ARCHIVE, ARCHIVE);
        assertThat(server.received().get(0).header("Accept")).isEqualTo("application/json");
    }

    @Test
    void aRedirectWithoutExpiresIsGoodForFifteenMinutesAndARelativeLocationIsResolved() {
        server.then(302, Map.of("Location", "/files/0001.tar", "Expires", "garbage"), new byte[0]);
        CheckpointArchiveUrlResponse answer = rest.getCheckpointArchiveUrlFromTinkerPath(PATH).result();
        assertThat(answer.url()).isEqualTo(server.url() + "/files/0001.tar");
        assertThat(answer.expires()).isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));
    }

    @Test
    void theJsonContract() throws Exception {
        String json = "{\"url\": \"https://storage.example/signed\", \"expires\": \"2026-08-01T13:00:00Z\"}";
        server.thenJson(200, json).thenJson(200, json);
        CheckpointArchiveUrlResponse answer = rest.getCheckpointArchiveUrlFromTinkerPath(PATH).result();
        assertThat(answer).isEqualTo(new CheckpointArchiveUrlResponse("https://storage.example/signed",
                Instant.parse("2026-08-01T13:00:00Z")));
        assertThat(rest.getCheckpointArchiveUrlAsync(RUN, "weights/0001").get(5, TimeUnit.SECONDS)).isEqualTo(answer);
    }

    @Test
    void aRedirectWithoutLocationIsAnError() {
        server.thenJson(302, "{}");
        assertThatThrownBy(() -> rest.getCheckpointArchiveUrlFromTinkerPath(PATH).result())
                .isExactlyInstanceOf(ApiStatusException.class)
                .satisfies(e -> assertThat(((ApiStatusException) e).status()).isEqualTo(302));
    }

    @Test
    void anArchiveStillBeingBuiltIsWaitedFor() {
        server.thenJson(503, "{\"detail\": \"Creating checkpoint archive\"}").thenJson(503, "{}");
        redirectToStorage();
        assertThat(rest.getCheckpointArchiveUrlFromTinkerPath(PATH).result().url()).isEqualTo(storageUrl());
        assertThat(server.received()).hasSize(3);
    }

    // ---- download

    @Test
    void downloadStreamsToTheTargetReportingProgressWithoutSendingTheKeyToStorage() throws Exception {
        redirectToStorage().then(200, Map.of("Content-Type", "application/x-tar"), TAR);
        Path target = dir.resolve("ckpt.tar");
        assertThat(rest.downloadCheckpointArchive(PATH, target, this::record).result()).isEqualTo(target.toAbsolutePath());
        assertThat(Files.readAllBytes(target)).isEqualTo(TAR);
        assertThat(leftovers()).isEmpty();
        Request storage = server.received().get(1);
        assertThat(storage.uri()).isEqualTo("/storage/0001.tar?sig=abc");
        assertThat(storage.header("X-API-Key")).isNull();
        assertThat(storage.header("CF-Access-Client-Secret")).isNull();
        assertThat(storage.header("User-Agent")).contains("TinkerServiceClient");
        assertThat(server.received().get(0).header("CF-Access-Client-Secret")).isEqualTo("cf-secret");
        assertThat(storage.header("Range")).isNull();
        assertThat(progress.get(0)).containsExactly(0, TAR.length);
        assertThat(progress.get(progress.size() - 1)).containsExactly(TAR.length, TAR.length);
        for (int i = 1; i < progress.size(); i++) {
            assertThat(progress.get(i)[0]).isGreaterThanOrEqualTo(progress.get(i - 1)[0]);
        }
    }

    @Test
    void aDroppedConnectionResumesWithRange() throws Exception {
        redirectToStorage().then(ArchiveTest::serveTruncated).then(ArchiveTest::serveRange);
        Path target = dir.resolve("ckpt.tar");
        rest.downloadCheckpointArchiveAsync(PATH, target, this::record).get(10, TimeUnit.SECONDS);
        assertThat(Files.readAllBytes(target)).isEqualTo(TAR);
        Request resume = server.received().get(2);
        assertThat(resume.header("Range")).matches("bytes=\\d+-");
        long from = Long.parseLong(resume.header("Range").replaceAll("\\D", ""));
        assertThat(from).isPositive().isLessThanOrEqualTo(100_000);
        assertThat(resume.header("If-Range")).isEqualTo("\"v1\"");
        assertThat(progress).anySatisfy(p -> assertThat(p).containsExactly(from, TAR.length));
        assertThat(progress.get(progress.size() - 1)).containsExactly(TAR.length, TAR.length);
        assertThat(progress).noneSatisfy(p -> assertThat(p[0]).isLessThan(progress.get(0)[0]));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aStalledDownloadTimesOutAndResumes() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        redirectToStorage().then(exchange -> {
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.sendResponseHeaders(200, TAR.length);
            exchange.getResponseBody().write(TAR, 0, 100_000);
            exchange.getResponseBody().flush();
            try {
                released.await(10, TimeUnit.SECONDS); // stalls, connection open, until the test ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        }).then(ArchiveTest::serveRange);
        Path target = dir.resolve("ckpt.tar");
        try (ServiceClient impatient = Fixtures.builder(server.url()).maxTransferAttempts(3).timeout(Duration.ofMillis(500)).build()) {
            impatient.createRestClient().downloadCheckpointArchive(PATH, target).result();
        } finally {
            released.countDown();
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(TAR);
        assertThat(server.received().get(2).header("Range")).isEqualTo("bytes=100000-");
    }

    @Test
    void theDownloadGoesThroughTheHttpClientsProxy() throws Exception {
        // The storage host does not resolve: only a download through the proxy (this server) can succeed.
        String storage = "http://storage.invalid/storage/0001.tar?sig=abc";
        server.then(302, Map.of("Location", storage), new byte[0]).then(200, Map.of(), TAR);
        HttpClient proxied = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", URI.create(server.url()).getPort()))).build();
        Path target = dir.resolve("ckpt.tar");
        try (ServiceClient viaProxy = Fixtures.builder(server.url()).httpClient(proxied).build()) {
            viaProxy.createRestClient().downloadCheckpointArchive(PATH, target).result();
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(TAR);
        assertThat(server.received().get(1).uri()).isEqualTo(storage);
    }

    @Test
    void aStorageIgnoringRangeMakesTheDownloadStartOver() throws Exception {
        redirectToStorage().then(ArchiveTest::serveTruncated).then(200, Map.of(), TAR);
        Path target = dir.resolve("ckpt.tar");
        rest.downloadCheckpointArchive(PATH, target, this::record).result();
        assertThat(Files.readAllBytes(target)).isEqualTo(TAR);
        assertThat(server.received().get(2).header("Range")).isNotNull();
        assertThat(progress.stream().filter(p -> p[0] == 0).count()).isEqualTo(2);
    }

    @Test
    void aResumeOfAFileThatChangedStartsOver() throws Exception {
        redirectToStorage().then(ArchiveTest::serveTruncated)
                .then(exchange -> ScriptedServer.send(exchange, 206, Map.of("Content-Range", "bytes 100000-100009/999999"),
                        new byte[10]))
                .then(200, Map.of(), TAR);
        Path target = dir.resolve("ckpt.tar");
        rest.downloadCheckpointArchive(PATH, target).result();
        assertThat(Files.readAllBytes(target)).isEqualTo(TAR);
        assertThat(server.received()).hasSize(4);
        assertThat(server.received().get(2).header("Range")).isNotNull();
        assertThat(server.received().get(3).header("Range")).isNull();
    }

    @Test
    void aRelativeUrlIsResolvedAgainstTheBaseUrl() throws Exception {
        server.thenJson(200, "{\"url\": \"files/0001.tar\", \"expires\": \"2026-08-01T13:00:00Z\"}")
                .then(200, Map.of(), TAR);
        Path target = dir.resolve("ckpt.tar");
        rest.downloadCheckpointArchive(PATH, target).result();
        assertThat(server.received().get(1).uri()).isEqualTo("/api/tinker/files/0001.tar");
        assertThat(server.received().get(1).header("X-API-Key")).isEqualTo(Fixtures.KEY);
    }

    @Test
    void aConnectionThatKeepsBreakingLeavesTheTargetUntouched() throws Exception {
        Path target = dir.resolve("ckpt.tar");
        Files.writeString(target, "the old archive");
        redirectToStorage().then(ArchiveTest::serveTruncated).then(ArchiveTest::serveTruncated).then(ArchiveTest::serveTruncated);
        assertThatThrownBy(() -> rest.downloadCheckpointArchive(PATH, target).result())
                .isInstanceOf(ArchiveTransferException.class)
                .hasMessageContaining("after 3 attempts").hasMessageContaining("of " + TAR.length + " bytes");
        assertThat(Files.readString(target)).isEqualTo("the old archive");
        assertThat(leftovers()).isEmpty();
        assertThat(server.received()).hasSize(4);
    }

    @Test
    void storageErrorsAreRaisedOrRetriedByStatus() throws Exception {
        redirectToStorage().then(403, Map.of("Content-Type", "application/xml"), "<Error>Request has expired</Error>".getBytes());
        Path target = dir.resolve("ckpt.tar");
        assertThatThrownBy(() -> rest.downloadCheckpointArchive(PATH, target).result())
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("expired");
        assertThat(Files.exists(target)).isFalse();

        redirectToStorage().thenJson(503, "{}").then(200, Map.of(), TAR);
        rest.downloadCheckpointArchive(PATH, target).result();
        assertThat(Files.readAllBytes(target)).isEqualTo(TAR);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aUrlOnTheApisOwnOriginGetsTheKeyAndRedirectsAreFollowed() throws Exception {
        server.thenJson(200, "{\"url\": \"" + server.url() + "/api/tinker/files/0001\", \"expires\": \"2026-08-01T13:00:00Z\"}")
                .then(307, Map.of("Location", "/api/tinker/files/0001-real"), new byte[0])
                .then(200, Map.of(), TAR);
        Path target = dir.resolve("nested/dir/ckpt.tar");
        rest.downloadCheckpointArchive(PATH, target).result();
        assertThat(Files.readAllBytes(target)).isEqualTo(TAR);
        assertThat(server.received()).extracting(Request::uri)
                .containsExactly(ARCHIVE, "/api/tinker/files/0001", "/api/tinker/files/0001-real");
        assertThat(server.received().get(1).header("X-API-Key")).isEqualTo(Fixtures.KEY);
        assertThat(server.received().get(1).header("CF-Access-Client-Secret")).isEqualTo("cf-secret");
    }

    // ---- upload

    private Path archiveFile() throws IOException {
        Path source = dir.resolve("upload.tar");
        Files.write(source, TAR);
        return source;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void uploadStreamsTheFileWithItsChecksum() throws Exception {
        server.thenJson(201, Fixtures.CHECKPOINT);
        Checkpoint stored = rest.uploadCheckpointArchive(PATH, archiveFile(), this::record).result();
        assertThat(stored.checkpointId()).isEqualTo("weights/0001");
        Request upload = server.received().get(0);
        assertThat(upload.method()).isEqualTo("PUT");
        assertThat(upload.uri()).isEqualTo(ARCHIVE);
        assertThat(upload.body()).isEqualTo(TAR);
        assertThat(upload.header("Content-Length")).isEqualTo(String.valueOf(TAR.length));
        assertThat(upload.header("X-Checksum-SHA256")).isEqualTo(sha256(TAR));
        assertThat(upload.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(upload.header("X-API-Key")).isEqualTo(Fixtures.KEY);
        assertThat(upload.header("X-Idempotency-Key")).startsWith("mint-java-retry-");
        assertThat(progress.get(0)).containsExactly(0, TAR.length);
        assertThat(progress.get(progress.size() - 1)).containsExactly(TAR.length, TAR.length);
        assertThat(ArchiveUpload.PATH).isEqualTo("/api/v1/training_runs/{run_id}/checkpoints/{kind}/{name}/archive");
    }

    @Test
    void uploadIsRetriedWholeWithTheSameKey() throws Exception {
        server.thenJson(503, "{\"detail\": \"busy\"}").thenJson(200, Fixtures.CHECKPOINT);
        rest.uploadCheckpointArchiveAsync(PATH, archiveFile(), TransferProgress.NONE).get(10, TimeUnit.SECONDS);
        assertThat(server.received()).hasSize(2);
        assertThat(server.received()).allSatisfy(r -> assertThat(r.body()).isEqualTo(TAR));
        assertThat(server.received().get(1).header("X-Idempotency-Key"))
                .isEqualTo(server.received().get(0).header("X-Idempotency-Key"));
    }

    @Test
    void uploadRejectionsAreRaised() throws Exception {
        server.thenJson(400, "{\"detail\": \"checksum mismatch\"}");
        assertThatThrownBy(() -> rest.uploadCheckpointArchive(PATH, archiveFile()).result())
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.detail()).contains("checksum mismatch"));
        assertThat(server.received()).hasSize(1);
        assertThatThrownBy(() -> rest.uploadCheckpointArchive(PATH, dir.resolve("missing.tar")).result())
                .isInstanceOf(ArchiveTransferException.class).hasMessageContaining("missing.tar");
    }

    @Test
    void uploadPathEncodesOddNames() {
        assertThat(ArchiveUpload.path(TinkerPath.parse("tinker://s:train:0/sampler_weights/final v2")))
                .isEqualTo("/api/v1/training_runs/s:train:0/checkpoints/sampler_weights/final%20v2/archive");
        assertThat("x".getBytes(StandardCharsets.UTF_8)).hasSize(1);
    }
}
