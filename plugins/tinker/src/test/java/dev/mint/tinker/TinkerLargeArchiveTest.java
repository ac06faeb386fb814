package dev.mint.tinker;

import static dev.mint.tinker.TinkerServer.ok;
import static dev.mint.tinker.TinkerServer.rest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.sdk.WireJson;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 1 GiB archive up and down in a heap of 256 MiB (surefire's {@code -Xmx256m} for this module): bytes are
 * generated while sent and hashed while received, so only streaming on the server lets this pass.
 */
class TinkerLargeArchiveTest {
    static final long GIB = 1024L * 1024 * 1024;
    static TinkerServer server;

    @BeforeAll
    static void start() {
        server = new TinkerServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (DigestInputStream hashing = new DigestInputStream(in, digest)) {
            hashing.transferTo(OutputNull.INSTANCE);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void aOneGibArchiveStreamsUpAndDownInABoundedHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("the test heap").isLessThanOrEqualTo(300L * 1024 * 1024);
        String key = server.newUser("big");
        String run = server.run(key, server.session(key), 0);
        String path = server.save(key, run, "one-gib");
        String expected = sha256(new GeneratedBytes(GIB));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        HttpRequest upload = HttpRequest.newBuilder(URI.create(server.platform.baseUrl() + TinkerServer.API + rest(path)
                        + "/archive"))
                .timeout(Duration.ofMinutes(5))
                .header("X-API-Key", key).header("X-Checksum-Sha256", expected)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedBytes(GIB)), GIB))
                .build();
        HttpResponse<String> stored = client.send(upload, HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        JsonNode body = WireJson.MAPPER.readTree(stored.body());
        assertThat(body.get("size_bytes").asLong()).isEqualTo(GIB);
        assertThat(body.get("sha256").asText()).isEqualTo(expected);

        String url = ok(server.get(rest(path) + "/archive", key)).get("url").asText();
        HttpResponse<InputStream> download = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(GIB);
        assertThat(sha256(download.body())).isEqualTo(expected);

        HttpResponse<InputStream> lastHalf = client.send(HttpRequest.newBuilder(URI.create(url)).header("Range",
                "bytes=" + GIB / 2 + "-").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(lastHalf.statusCode()).isEqualTo(206);
        InputStream generated = new GeneratedBytes(GIB);
        generated.skipNBytes(GIB / 2);
        assertThat(sha256(lastHalf.body())).isEqualTo(sha256(generated));
    }

    /** Discards what is written. */
    static final class OutputNull extends java.io.OutputStream {
        static final OutputNull INSTANCE = new OutputNull();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
