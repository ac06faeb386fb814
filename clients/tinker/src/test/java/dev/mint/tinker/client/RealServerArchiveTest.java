package dev.mint.tinker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.server.test.TestPlatform;
import dev.mint.tinker.client.model.Checkpoint;
import dev.mint.tinker.client.model.CheckpointArchiveUrlResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The upload and download helpers against the real platform: a few MiB there and back, then the archive deleted. */
class RealServerArchiveTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static ServiceClient owner;
    static ServiceClient other;

    @TempDir
    Path dir;

    @BeforeAll
    static void users() {
        RealTinker tinker = new RealTinker(platform);
        tinker.user("owner");
        tinker.user("other");
        owner = tinker.client(tinker.tinkerKey("owner"));
        other = tinker.client(tinker.tinkerKey("other"));
    }

    @AfterAll
    static void close() {
        owner.close();
        other.close();
    }

    @Test
    void uploadThenDownloadAFewMebibytesThenDeleteTheArchive() throws Exception {
        RestClient rest = owner.createRestClient();
        String run = RealTinker.run(owner, RealTinker.session(owner), 0);
        String path = RealTinker.save(owner, run, "step-100");
        byte[] archive = new byte[5 * 1024 * 1024 + 123];
        new Random(11).nextBytes(archive);
        Path source = Files.write(dir.resolve("ckpt.tar"), archive);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive));

        assertThatThrownBy(() -> rest.getCheckpointArchiveUrlFromTinkerPath(path).result()).as("nothing uploaded yet")
                .isInstanceOf(NotFoundException.class);

        List<long[]> sent = Collections.synchronizedList(new ArrayList<>());
        Checkpoint stored = rest.uploadCheckpointArchive(path, source, (done, total) -> sent.add(new long[] {done, total}))
                .result();
        assertThat(stored.tinkerPath()).isEqualTo(path);
        assertThat(stored.sizeBytes()).hasValue((long) archive.length);
        assertThat(sent).isNotEmpty();
        assertThat(sent.get(sent.size() - 1)).containsExactly(archive.length, archive.length);
        assertThat(rest.listCheckpoints(run).result().checkpoints().get(0).sizeBytes()).hasValue((long) archive.length);

        CheckpointArchiveUrlResponse url = rest.getCheckpointArchiveUrl(run, "weights/step-100").result();
        assertThat(url.url()).startsWith(platform.baseUrl() + "/api/tinker/api/v1/archives/").contains("signature=");
        assertThat(url.expires()).isAfter(Instant.now().plusSeconds(600));
        assertThat(rest.getCheckpointArchiveUrlFromTinkerPathAsync(path).join().url()).startsWith(platform.baseUrl());

        List<long[]> received = Collections.synchronizedList(new ArrayList<>());
        Path target = dir.resolve("out").resolve("downloaded.tar");
        Files.createDirectories(target.getParent());
        assertThat(rest.downloadCheckpointArchive(path, target, (done, total) -> received.add(new long[] {done, total})).result())
                .isEqualTo(target);
        assertThat(Files.size(target)).isEqualTo(archive.length);
        assertThat(Files.readAllBytes(target)).isEqualTo(archive);
        assertThat(received.get(0)[1]).as("Content-Length").isEqualTo(archive.length);
        assertThat(received.get(received.size() - 1)).containsExactly(archive.length, archive.length);
        assertThat(received.size()).as("one report per MiB at least").isGreaterThan(archive.length / 1_048_576);
        try (var leftovers = Files.list(target.getParent())) {
            assertThat(leftovers).as("no .part file left").containsExactly(target);
        }

        Path again = dir.resolve("again.tar");
        rest.downloadCheckpointArchiveAsync(path, again, TransferProgress.NONE).join();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(again))))
                .isEqualTo(sha256);

        RestClient stranger = other.createRestClient();
        assertThatThrownBy(() -> stranger.getCheckpointArchiveUrlFromTinkerPath(path).result()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stranger.uploadCheckpointArchive(path, source).result())
                .isInstanceOf(NotFoundException.class);

        HttpClient plain = HttpClient.newHttpClient();
        String signed = url.url();
        assertThat(plain.send(HttpRequest.newBuilder(URI.create(signed.replace("signature=", "signature=0"))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("tampered").isEqualTo(403);

        rest.deleteCheckpointFromTinkerPath(path).result();
        assertThat(plain.send(HttpRequest.newBuilder(URI.create(signed)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).as("the archive is gone with its checkpoint").isEqualTo(404);
        assertThatThrownBy(() -> rest.getCheckpointArchiveUrlFromTinkerPath(path).result()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rest.downloadCheckpointArchive(path, dir.resolve("never.tar")).result())
                .isInstanceOf(NotFoundException.class);
        assertThat(dir.resolve("never.tar")).doesNotExist();
    }

    @Test
    void aDownloadCutMidwayResumesWithRangeFromTheServer() throws Exception {
        RestClient rest = owner.createRestClient();
        String run = RealTinker.run(owner, RealTinker.session(owner), 0);
        String path = RealTinker.save(owner, run, "step-200");
        byte[] archive = new byte[4 * 1024 * 1024 + 7];
        new Random(12).nextBytes(archive);
        rest.uploadCheckpointArchive(path, Files.write(dir.resolve("source.tar"), archive)).result();

        int port = URI.create(platform.baseUrl()).getPort();
        try (CuttingProxy proxy = new CuttingProxy(port, 1024 * 1024);
             ServiceClient viaProxy = ServiceClient.builder().baseUrl("http://127.0.0.1:" + proxy.port() + "/api/tinker")
                     .apiKey(new RealTinker(platform).tinkerKey("owner")).timeout(java.time.Duration.ofSeconds(20)).build()) {
            List<long[]> received = Collections.synchronizedList(new ArrayList<>());
            Path target = dir.resolve("resumed.tar");
            viaProxy.createRestClient().downloadCheckpointArchive(path, target, (done, total) -> received.add(new long[] {done, total}))
                    .result();

            assertThat(proxy.cut()).as("the proxy cut the download").isTrue();
            assertThat(Files.readAllBytes(target)).isEqualTo(archive);
            // After the cut the count went on from where it stopped, not from zero: the server answered the range.
            long[] afterCut = received.stream().filter(p -> p[0] > 0 && p[0] < archive.length).findFirst().orElseThrow();
            assertThat(received.stream().filter(p -> p[0] == 0).count()).as("started once").isEqualTo(1);
            assertThat(afterCut[1]).isEqualTo(archive.length);
            assertThat(received.get(received.size() - 1)).containsExactly(archive.length, archive.length);
        }
    }
}
