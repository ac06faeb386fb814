package dev.mint.tinker;

import static dev.mint.tinker.TinkerServer.detail;
import static dev.mint.tinker.TinkerServer.ok;
import static dev.mint.tinker.TinkerServer.rest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Time-driven behaviour on the plugin's clock, moved forward: TTL sweeps, URL expiry, and the audit log. */
class TinkerExpiryTest {
    static TinkerServer server;
    static String alice;
    static String auditor;
    static String bob;

    @BeforeAll
    static void start() {
        server = new TinkerServer();
        alice = server.newUser("alice");
        bob = server.newUser("bob");
        auditor = server.newUser("auditor");
        var granted = server.http().put("/api/admin/plugin-roles/tinker/" + server.userId("auditor"),
                server.platform.adminToken(), Map.of("role", RestApi.ADMIN_ROLE));
        assertThat(granted.status()).as(granted.toString()).isIn(200, 201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static int statusOf(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static long archiveFiles() throws Exception {
        try (Stream<Path> files = Files.walk(server.platform.dataDir().resolve("tinker").resolve("archives"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void theSweeperDeletesExpiredCheckpointsWithTheirArchivesAndExpiredUrlsAreForbidden() throws Exception {
        String run = server.run(alice, server.session(alice), 0);
        String shortLived = server.save(alice, run, "short");
        String kept = server.save(alice, run, "kept");
        var upload = server.http().send("PUT", TinkerServer.API + rest(shortLived) + "/archive", null, new byte[] {1, 2},
                Map.of("X-API-Key", alice));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
        long archives = archiveFiles();
        ok(server.send("PUT", rest(shortLived) + "/ttl", alice, Map.of("ttl_seconds", 60)));
        String url = ok(server.get(rest(shortLived) + "/archive", alice)).get("url").asText();
        assertThat(statusOf(url)).isEqualTo(200);

        server.plugin.clock().advance(Duration.ofSeconds(61));

        assertThat(ok(server.get("/training_runs/" + run + "/checkpoints", alice)).get("checkpoints")).hasSize(1);
        assertThat(statusOf(url)).isIn(403, 404);
        assertThat(server.plugin.sweepExpired()).isEqualTo(1);
        assertThat(server.plugin.sweepExpired()).isZero();
        assertThat(archiveFiles()).isEqualTo(archives - 1);
        detail(server.get(rest(shortLived) + "/archive", alice), 404);
        assertThat(ok(server.get("/training_runs/" + run + "/checkpoints", alice)).get("checkpoints").get(0)
                .get("tinker_path").asText()).isEqualTo(kept);
        assertThat(events(auditor, null)).contains("CHECKPOINT_EXPIRED " + shortLived);
    }

    @Test
    void savingTheNameOfAnExpiredCheckpointDeletesItsArchive() throws Exception {
        String run = server.run(alice, server.session(alice), 2);
        String path = server.save(alice, run, "reborn");
        server.http().send("PUT", TinkerServer.API + rest(path) + "/archive", null, new byte[] {7}, Map.of("X-API-Key", alice));
        ok(server.send("PUT", rest(path) + "/ttl", alice, Map.of("ttl_seconds", 60)));
        long archives = archiveFiles();

        server.plugin.clock().advance(Duration.ofSeconds(61));
        assertThat(server.save(alice, run, "reborn")).as("the expired row gives way before any sweep").isEqualTo(path);

        assertThat(archiveFiles()).as("its archive goes with it").isEqualTo(archives - 1);
        detail(server.get(rest(path) + "/archive", alice), 404);
    }

    @Test
    void aSignedUrlStopsWorkingWhenItExpires() throws Exception {
        String run = server.run(alice, server.session(alice), 1);
        String path = server.save(alice, run, "url-expiry");
        server.http().send("PUT", TinkerServer.API + rest(path) + "/archive", null, new byte[] {5}, Map.of("X-API-Key", alice));
        String url = ok(server.get(rest(path) + "/archive", alice)).get("url").asText();

        server.plugin.clock().advance(Duration.ofSeconds(901));

        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("expired");
        assertThat(statusOf(ok(server.get(rest(path) + "/archive", alice)).get("url").asText())).isEqualTo(200);
    }

    @Test
    void theAuditLogListsCheckpointEventsOfADayForTinkerAdminsAndPlatformAdminsOnly() {
        String run = server.run(alice, server.session(alice), 2);
        String path = server.save(alice, run, "audited");
        ok(server.post(rest(path) + "/publish", alice, ""));
        ok(server.send("DELETE", rest(path) + "/publish", alice, null));
        ok(server.send("PUT", rest(path) + "/ttl", alice, Map.of("ttl_seconds", 3600)));
        ok(server.send("DELETE", rest(path), alice, null));

        List<String> events = events(auditor, null);
        assertThat(events).containsSubsequence("CHECKPOINT_CREATED " + path, "CHECKPOINT_PUBLISHED " + path,
                "CHECKPOINT_UNPUBLISHED " + path, "CHECKPOINT_TTL_SET " + path, "CHECKPOINT_DELETED " + path);
        JsonNode entry = ok(server.get("/audit", auditor)).get("entries").get(0);
        assertThat(entry.get("timestamp").asText()).endsWith("Z");
        assertThat(entry.has("model_id")).isTrue();
        assertThat(entry.has("purpose")).isTrue();
        assertThat(events(server.platform.adminToken(), "checkpoints")).contains("CHECKPOINT_DELETED " + path);
        assertThat(ok(server.get("/audit?event_type=all&day=2020-01-15", auditor)).get("entries")).isEmpty();

        assertThat(detail(server.get("/audit", alice), 403)).contains("tinker-admin");
        detail(server.get("/audit", null), 401);
        detail(server.get("/audit?day=yesterday", auditor), 400);
        detail(server.get("/audit?event_type=billing", auditor), 400);
    }

    static List<String> events(String key, String eventType) {
        LocalDate today = LocalDate.ofInstant(server.plugin.clock().instant(), ZoneOffset.UTC);
        JsonNode body = ok(server.get("/audit?day=" + today + (eventType == null ? "" : "&event_type=" + eventType), key));
        List<String> events = new ArrayList<>();
        body.get("entries").forEach(e -> events.add(e.get("event").asText() + " " + e.get("tinker_path").asText()));
        return events;
    }

    @Test
    void storageUsageFollowsEachArchiveFromUploadToRemoval() {
        String stella = server.newUser("stella");
        String run = server.run(stella, server.session(stella), 0);
        String first = server.save(stella, run, "first");
        java.time.Instant t0 = server.plugin.clock().instant();
        upload(stella, first, 2_000_000);                              // 0.002 GB for 90 minutes
        server.plugin.clock().advance(Duration.ofMinutes(90));
        upload(stella, first, 4_000_000);                              // replaces it: 0.004 GB for 30 minutes
        server.plugin.clock().advance(Duration.ofMinutes(30));
        ok(server.send("DELETE", rest(first), stella, null));
        String second = server.save(stella, run, "second");
        upload(stella, second, 1_000_000);                             // 0.001 GB, still kept, for 30 minutes so far
        server.plugin.clock().advance(Duration.ofMinutes(30));

        java.time.Instant hour = t0.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        List<JsonNode> storage = storageEvents(stella, hour, hour.plus(Duration.ofHours(5)));
        double total = storage.stream().mapToDouble(e -> e.get("event_info").get("gigabyte_hours").asDouble()).sum();
        assertThat(total).as("0.002 × 1.5 + 0.004 × 0.5 + 0.001 × 0.5").isCloseTo(0.0055, org.assertj.core.data.Offset.offset(1e-6)); // the clock also runs
        for (JsonNode event : storage) {
            java.time.Instant start = java.time.Instant.parse(event.get("bucket_start").asText());
            assertThat(start.truncatedTo(java.time.temporal.ChronoUnit.HOURS)).isEqualTo(start);
            assertThat(event.get("event_info").get("gigabyte_hours").asDouble()).isPositive();
            assertThat(event.get("user_name").asText()).isEqualTo("stella");
        }
        // An hour after every removal and before the second upload holds nothing; nobody else is billed for these.
        assertThat(storageEvents(stella, hour.plus(Duration.ofHours(5)), hour.plus(Duration.ofHours(6)))).isEmpty();
        assertThat(storageEvents(bob, hour, hour.plus(Duration.ofHours(5)))).isEmpty();
    }

    private static void upload(String key, String tinkerPath, int size) {
        var upload = server.http().send("PUT", TinkerServer.API + rest(tinkerPath) + "/archive", null, new byte[size],
                Map.of("X-API-Key", key));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
    }

    private static List<JsonNode> storageEvents(String key, java.time.Instant start, java.time.Instant end) {
        List<JsonNode> storage = new ArrayList<>();
        ok(server.get("/billing/usage/events?starting_on=" + start + "&ending_before=" + end, key)).get("data").forEach(event -> {
            if (event.get("event_info").get("type").asText().equals("storage")) {
                storage.add(event);
            }
        });
        return storage;
    }
}
