package dev.mint.tinker;

import static dev.mint.tinker.TinkerServer.ok;
import static dev.mint.tinker.TinkerServer.rest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The S3 blob store against a real S3-compatible server, directly and behind the plugin. */
class TinkerS3StorageTest {
    static S3Proxy proxy;

    @BeforeAll
    static void start() throws Exception {
        proxy = S3Proxy.start();
        proxy.createBucket("archives");
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
    }

    static TinkerSettings settings() {
        TinkerSettings d = TinkerSettings.defaults();
        return new TinkerSettings(d.maxArchiveBytes(), d.archiveUrlTtlSeconds(), d.urlSecret(), d.publicUrl(),
                d.sweepIntervalSeconds(), "s3", proxy.endpoint, "archives", "us-east-1", S3Proxy.IDENTITY,
                S3Proxy.CREDENTIAL, true);
    }

    @Test
    void blobsAreCommittedReadInRangesAndDeleted() throws Exception {
        try (S3BlobStore store = S3BlobStore.fromSettings(settings())) {
            Path file = Files.createTempFile("blob", ".tar");
            Files.writeString(file, "0123456789abcdef");

            store.commit("key-0001", file);

            assertThat(file).doesNotExist();
            assertThat(store.exists("key-0001")).isTrue();
            try (InputStream all = Channels.newInputStream(store.open("key-0001", 0, 16));
                    InputStream part = Channels.newInputStream(store.open("key-0001", 10, 4))) {
                assertThat(new String(all.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("0123456789abcdef");
                assertThat(new String(part.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("abcd");
            }
            store.delete("key-0001");
            store.delete("key-0001");
            assertThat(store.exists("key-0001")).isFalse();
        }
    }

    @Test
    void thePluginKeepsArchivesInS3WhenConfigured() throws Exception {
        try (TinkerServer server = new TinkerServer()) {
            Map<String, Object> s3 = new LinkedHashMap<>();
            s3.put("storage", "s3");
            s3.put("s3_endpoint", proxy.endpoint);
            s3.put("s3_bucket", "archives");
            s3.put("s3_access_key", S3Proxy.IDENTITY);
            s3.put("s3_secret_key", S3Proxy.CREDENTIAL);
            server.plugin.saveSettings(s3);
            server.platform.restart();
            String key = server.newUser("s3user");
            String run = server.run(key, server.session(key), 0);
            String path = server.save(key, run, "in-s3");
            byte[] archive = "an archive kept in S3".getBytes(StandardCharsets.UTF_8);

            var stored = server.platform.http().send("PUT", TinkerServer.API + rest(path) + "/archive", null, archive,
                    Map.of("X-API-Key", key));
            assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
            JsonNode signed = ok(server.get(rest(path) + "/archive", key));
            HttpResponse<byte[]> part = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(signed.get("url").asText())).header("Range", "bytes=3-9").build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(new String(part.body(), StandardCharsets.UTF_8)).isEqualTo("archive");
            try (var local = Files.walk(server.platform.dataDir().resolve("tinker").resolve("archives"))) {
                assertThat(local.filter(Files::isRegularFile)).as("archives on the local disk").isEmpty();
            }
            ok(server.send("DELETE", rest(path), key, null));
            try (var s3client = proxy.client()) {
                assertThat(s3client.listObjectsV2(b -> b.bucket("archives")).contents()).isEmpty();
            }
        }
    }
}
