package dev.mint.tinker;

import static dev.mint.tinker.TinkerServer.detail;
import static dev.mint.tinker.TinkerServer.ok;
import static dev.mint.tinker.TinkerServer.rest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uploading archives, signed URLs, ranged downloads. */
class TinkerArchiveTest {
    static TinkerServer server;
    static String alice;
    static String bob;
    static String run;
    static final HttpClient RAW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = new TinkerServer();
        alice = server.newUser("alice");
        bob = server.newUser("bob");
        run = server.run(alice, server.session(alice), 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static TestHttp.Response upload(String path, String key, byte[] body, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("X-API-Key", key);
        return server.http().send("PUT", TinkerServer.API + rest(path) + "/archive", null, body, all);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static HttpResponse<byte[]> download(String url, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (range != null) {
            request.header("Range", range);
        }
        return RAW.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static long archiveFiles() throws IOException {
        Path archives = server.platform.dataDir().resolve("tinker").resolve("archives");
        try (Stream<Path> files = Files.walk(archives)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    static long uploadFiles() throws IOException {
        try (Stream<Path> files = Files.list(server.platform.dataDir().resolve("tinker").resolve("uploads"))) {
            return files.count();
        }
    }

    @Test
    void anUploadedArchiveIsServedThroughASignedUrlWithRanges() throws Exception {
        String path = server.save(alice, run, "small");
        byte[] archive = "tar bytes of a LoRA checkpoint".repeat(100).getBytes(StandardCharsets.UTF_8);

        JsonNode stored = ok(upload(path, alice, archive, Map.of("X-Checksum-Sha256", sha256(archive))));
        assertThat(stored.get("size_bytes").asLong()).isEqualTo(archive.length);
        assertThat(stored.get("sha256").asText()).isEqualTo(sha256(archive));
        assertThat(ok(server.get("/training_runs/" + run + "/checkpoints", alice)).toString())
                .contains("\"size_bytes\":" + archive.length);

        JsonNode signed = ok(server.get(rest(path) + "/archive", alice));
        String url = signed.get("url").asText();
        assertThat(url).startsWith(server.platform.baseUrl() + "/api/tinker/api/v1/archives/").contains("signature=");
        assertThat(Instant.parse(signed.get("expires").asText())).isAfter(Instant.now().plusSeconds(800));

        HttpResponse<byte[]> whole = download(url, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(archive);
        assertThat(whole.headers().firstValue("Content-Length")).hasValue(String.valueOf(archive.length));
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");

        HttpResponse<Void> head = RAW.send(HttpRequest.newBuilder(URI.create(url)).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(archive.length));

        HttpResponse<byte[]> part = download(url, "bytes=10-19");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(archive, 10, 20));
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 10-19/" + archive.length);
        HttpResponse<byte[]> tail = download(url, "bytes=-5");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(archive, archive.length - 5, archive.length));
        HttpResponse<byte[]> from = download(url, "bytes=" + (archive.length - 3) + "-");
        assertThat(from.body()).hasSize(3);

        HttpResponse<byte[]> outside = download(url, "bytes=" + archive.length + "-");
        assertThat(outside.statusCode()).isEqualTo(416);
        assertThat(outside.headers().firstValue("Content-Range")).hasValue("bytes */" + archive.length);
        assertThat(new String(outside.body(), StandardCharsets.UTF_8)).contains("detail");
    }

    @Test
    void aTamperedUrlIsForbidden() throws Exception {
        String path = server.save(alice, run, "tamper");
        ok(upload(path, alice, new byte[] {1, 2, 3}, Map.of()));
        String url = ok(server.get(rest(path) + "/archive", alice)).get("url").asText();
        String expires = url.replaceAll(".*expires=(\\d+).*", "$1");

        String laterExpiry = url.replace("expires=" + expires, "expires=" + (Long.parseLong(expires) + 3600));
        String flippedSignature = url.substring(0, url.length() - 1) + (url.endsWith("0") ? "1" : "0");
        String otherArchive = url.replaceAll("/archives/[^?]+", "/archives/" + java.util.UUID.randomUUID());
        String unsigned = url.substring(0, url.indexOf('?'));
        for (String bad : new String[] {laterExpiry, flippedSignature, otherArchive, unsigned, unsigned + "?expires=x&signature=y"}) {
            HttpResponse<byte[]> response = download(bad, null);
            assertThat(response.statusCode()).as(bad).isEqualTo(403);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"detail\"");
        }
        assertThat(download(url, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theArchiveUrlOfACheckpointWithoutArchiveOrOfAnotherUserIsNotFound() {
        String path = server.save(alice, run, "no-archive");
        assertThat(detail(server.get(rest(path) + "/archive", alice), 404)).contains("no archive");
        detail(server.get(rest(path) + "/archive", bob), 404);
        detail(upload(path, bob, new byte[] {1}, Map.of()), 404);
    }

    @Test
    void aPublishedArchiveIsReadableByOthers() throws Exception {
        String path = server.save(alice, run, "shared-archive");
        ok(upload(path, alice, new byte[] {9, 8, 7}, Map.of()));
        ok(server.post(rest(path) + "/publish", alice, ""));
        String url = ok(server.get(rest(path) + "/archive", bob)).get("url").asText();
        assertThat(download(url, null).body()).containsExactly(9, 8, 7);
    }

    @Test
    void aWrongChecksumOrAnEmptyOrTooLargeBodyStoresNothing() throws Exception {
        String path = server.save(alice, run, "bad-uploads");
        long before = archiveFiles();
        byte[] archive = new byte[4096];

        assertThat(detail(upload(path, alice, archive, Map.of("X-Checksum-Sha256", "0".repeat(64))), 400)).contains("SHA-256");
        detail(upload(path, alice, archive, Map.of("X-Checksum-Sha256", "not-hex")), 400);
        detail(upload(path, alice, new byte[0], Map.of()), 400);
        server.plugin.saveSettings(Map.of("max_archive_bytes", 1000));
        try {
            assertThat(detail(upload(path, alice, archive, Map.of()), 413)).contains("max_archive_bytes");
        } finally {
            server.plugin.saveSettings(Map.of("max_archive_bytes", 64L * 1024 * 1024 * 1024));
        }

        assertThat(archiveFiles()).isEqualTo(before);
        assertThat(uploadFiles()).isZero();
        detail(server.get(rest(path) + "/archive", alice), 404);
    }

    @Test
    void aTruncatedUploadStoresNothingAndCanBeSentAgain() throws Exception {
        String path = server.save(alice, run, "truncated");
        long before = archiveFiles();
        URI uri = URI.create(server.platform.baseUrl() + TinkerServer.API + rest(path) + "/archive");
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            var out = socket.getOutputStream();
            out.write(("PUT " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nX-API-Key: " + alice + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[5000]);
            out.flush();
            socket.shutdownOutput();
            socket.getInputStream().readAllBytes();
        }
        for (int i = 0; i < 50 && uploadFiles() > 0; i++) {
            Thread.sleep(100);
        }

        assertThat(uploadFiles()).isZero();
        assertThat(archiveFiles()).isEqualTo(before);
        detail(server.get(rest(path) + "/archive", alice), 404);
        byte[] archive = new byte[100_000];
        assertThat(ok(upload(path, alice, archive, Map.of())).get("size_bytes").asLong()).isEqualTo(100_000);
    }

    @Test
    void aNewUploadReplacesTheOldArchiveAndDeletingTheCheckpointDeletesIt() throws Exception {
        String path = server.save(alice, run, "replace");
        long before = archiveFiles();
        ok(upload(path, alice, new byte[] {1}, Map.of()));
        String first = ok(server.get(rest(path) + "/archive", alice)).get("url").asText();
        ok(upload(path, alice, new byte[] {2, 2}, Map.of()));
        assertThat(archiveFiles()).isEqualTo(before + 1);
        assertThat(download(first, null).statusCode()).as("a URL of the replaced archive").isEqualTo(404);
        String url = ok(server.get(rest(path) + "/archive", alice)).get("url").asText();
        assertThat(download(url, null).body()).containsExactly(2, 2);

        ok(server.send("DELETE", rest(path), alice, null));

        assertThat(archiveFiles()).isEqualTo(before);
        assertThat(download(url, null).statusCode()).isEqualTo(404);
    }

    @Test
    void anUploadLargerThanThePlatformBodyLimitStreamsThrough() throws Exception {
        String path = server.save(alice, run, "beyond-limit");
        int size = 12 * 1024 * 1024; // the platform refuses JSON bodies over 10 MiB
        byte[] archive = new byte[size];
        new java.util.Random(7).nextBytes(archive);

        JsonNode stored = ok(upload(path, alice, archive, Map.of("X-Checksum-Sha256", sha256(archive))));

        assertThat(stored.get("size_bytes").asLong()).isEqualTo(size);
        String url = ok(server.get(rest(path) + "/archive", alice)).get("url").asText();
        assertThat(sha256(download(url, null).body())).isEqualTo(sha256(archive));
    }
}
