package dev.mint.tinker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.server.test.TestPlatform;
import dev.mint.tinker.client.model.AccessScope;
import dev.mint.tinker.client.model.AuditEventType;
import dev.mint.tinker.client.model.AuditLogEntry;
import dev.mint.tinker.client.model.Checkpoint;
import dev.mint.tinker.client.model.CheckpointType;
import dev.mint.tinker.client.model.CheckpointsListResponse;
import dev.mint.tinker.client.model.GetSamplerResponse;
import dev.mint.tinker.client.model.TrainingRun;
import dev.mint.tinker.client.model.TrainingRunsResponse;
import dev.mint.tinker.client.model.WeightsInfoResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every RestClient method, blocking and asynchronous, against the real platform hosting the real Tinker plugin:
 * two users with {@code tml-} keys, one also by its platform JWT, and the platform admin.
 */
class RealServerTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static RealTinker tinker;
    static long aliceId;
    static long bobId;
    static ServiceClient alice;
    static ServiceClient aliceByJwt;
    static ServiceClient bob;
    static ServiceClient admin;

    @BeforeAll
    static void users() {
        tinker = new RealTinker(platform);
        aliceId = tinker.user("alice");
        bobId = tinker.user("bob");
        alice = tinker.client(tinker.tinkerKey("alice"));
        aliceByJwt = tinker.client(tinker.jwt("alice"));
        bob = tinker.client(tinker.tinkerKey("bob"));
        admin = tinker.client(platform.adminToken());
    }

    @AfterAll
    static void close() {
        for (ServiceClient client : List.of(alice, aliceByJwt, bob, admin)) {
            client.close();
        }
    }

    /** The blocking and the asynchronous form give the same answer. */
    static <T> T both(Supplier<ApiFuture<T>> blocking, Supplier<CompletableFuture<T>> async) {
        T value = blocking.get().result();
        assertThat(async.get().join()).isEqualTo(value);
        return value;
    }

    @Test
    void aKeyAndAPlatformJwtReachTheSameRuns() {
        RestClient rest = alice.createRestClient();
        String run = RealTinker.run(alice, RealTinker.session(alice), 0);

        TrainingRun byKey = rest.getTrainingRun(run).result();
        TrainingRun byJwt = aliceByJwt.createRestClient().getTrainingRun(run).result();
        assertThat(byJwt).isEqualTo(byKey);
        assertThat(byKey.modelOwner()).isEqualTo("alice");
        assertThat(byKey.baseModel()).isEqualTo("Qwen/Qwen3-8B");
        assertThat(byKey.loraRank()).hasValue(16);
        assertThat(byKey.userMetadata()).containsEntry("experiment", "java-0");
        assertThatThrownBy(() -> rest.whoami().result()).as("a tml- key has no claims").isInstanceOf(TinkerException.class)
                .hasMessageContaining("API key");
        assertThatThrownBy(() -> aliceByJwt.createRestClient().whoami().result()).as("only passport-issued JWTs, as upstream")
                .isInstanceOf(TinkerException.class).hasMessageContaining("passport");
    }

    @Test
    void runsAndTheirCheckpoints() {
        RestClient rest = alice.createRestClient();
        String session = RealTinker.session(alice);
        String run = RealTinker.run(alice, session, 0);
        String first = RealTinker.save(alice, run, "step-1");
        String second = RealTinker.save(alice, run, "step-2");
        String sampler = RealTinker.saveForSampler(alice, run, "final");

        TrainingRun got = both(() -> rest.getTrainingRun(run), () -> rest.getTrainingRunAsync(run));
        assertThat(got.lastCheckpoint()).hasValueSatisfying(c -> assertThat(c.tinkerPath()).isEqualTo(second));
        assertThat(got.lastSamplerCheckpoint()).hasValueSatisfying(c -> assertThat(c.tinkerPath()).isEqualTo(sampler));
        assertThat(both(() -> rest.getTrainingRunByTinkerPath(first), () -> rest.getTrainingRunByTinkerPathAsync(first)))
                .isEqualTo(got);
        assertThat(rest.getTrainingRun(run, AccessScope.ACCESSIBLE).result()).isEqualTo(got);

        CheckpointsListResponse listed = both(() -> rest.listCheckpoints(run), () -> rest.listCheckpointsAsync(run));
        assertThat(listed.cursor()).isEmpty();
        assertThat(listed.checkpoints()).extracting(Checkpoint::tinkerPath).containsExactly(sampler, second, first);
        Checkpoint newest = listed.checkpoints().get(0);
        assertThat(newest.checkpointType()).isEqualTo(CheckpointType.SAMPLER);
        assertThat(newest.checkpointId()).isEqualTo("sampler_weights/final");
        assertThat(newest.runId()).hasValue(run);
        assertThat(newest.isPublic()).isFalse();
        assertThat(newest.expiresAt()).isEmpty();
        assertThat(TinkerPath.parse(newest.tinkerPath())).isEqualTo(TinkerPath.of(run, "sampler_weights/final"));

        WeightsInfoResponse info = both(() -> rest.getWeightsInfoByTinkerPath(first),
                () -> rest.getWeightsInfoByTinkerPathAsync(first));
        assertThat(info.baseModel()).isEqualTo("Qwen/Qwen3-8B");
        assertThat(info.isLora()).isTrue();
        assertThat(info.loraRank()).hasValue(16);

        TrainingRunsResponse runs = both(() -> rest.listTrainingRuns(), () -> rest.listTrainingRunsAsync(20, 0,
                AccessScope.OWNED));
        assertThat(runs.trainingRuns()).extracting(TrainingRun::trainingRunId).contains(run);
        assertThat(runs.cursor().totalCount()).isEqualTo(runs.trainingRuns().size());

        assertThat(both(() -> rest.getSession(session), () -> rest.getSessionAsync(session)).trainingRunIds())
                .containsExactly(run);
        assertThat(both(() -> rest.listSessions(), () -> rest.listSessionsAsync(20, 0, AccessScope.OWNED)).sessions())
                .contains(session);
        assertThat(rest.listAllSessions().stream().toList()).contains(session);

        String samplerId = RealTinker.sampler(alice, session, 3, second);
        GetSamplerResponse got3 = both(() -> rest.getSampler(samplerId), () -> rest.getSamplerAsync(samplerId));
        assertThat(got3.samplerId()).isEqualTo(session + ":sample:3");
        assertThat(got3.baseModel()).isEqualTo("Qwen/Qwen3-8B");
        assertThat(got3.modelPath()).hasValue(second);
        assertThat(rest.getSession(session).result().samplerIds()).containsExactly(samplerId);
    }

    @Test
    void userCheckpointsArePagedWithACursor() {
        tinker.user("pager");
        try (ServiceClient pager = tinker.client(tinker.tinkerKey("pager"))) {
            RestClient rest = pager.createRestClient();
            String session = RealTinker.session(pager);
            String runA = RealTinker.run(pager, session, 0);
            String runB = RealTinker.run(pager, session, 1);
            for (int i = 0; i < 3; i++) {
                RealTinker.save(pager, runA, "a-" + i);
                RealTinker.save(pager, runB, "b-" + i);
            }

            CheckpointsListResponse all = both(() -> rest.listUserCheckpoints(), () -> rest.listUserCheckpointsAsync(100, 0));
            assertThat(all.checkpoints()).hasSize(6);
            assertThat(all.checkpoints().get(0).tinkerPath()).endsWith("/weights/b-2");
            assertThat(all.cursor()).hasValueSatisfying(c -> assertThat(c.totalCount()).isEqualTo(6));

            CheckpointsListResponse page = rest.listUserCheckpoints(4, 4).result();
            assertThat(page.checkpoints()).extracting(Checkpoint::tinkerPath)
                    .containsExactlyElementsOf(all.checkpoints().subList(4, 6).stream().map(Checkpoint::tinkerPath).toList());
            assertThat(page.cursor()).hasValueSatisfying(c -> {
                assertThat(c.offset()).isEqualTo(4);
                assertThat(c.limit()).isEqualTo(4);
                assertThat(c.totalCount()).isEqualTo(6);
            });
            assertThat(rest.listUserCheckpoints(10, 6).result().checkpoints()).isEmpty();
            assertThat(rest.listAllUserCheckpoints(4).stream().map(Checkpoint::tinkerPath).toList())
                    .containsExactlyElementsOf(all.checkpoints().stream().map(Checkpoint::tinkerPath).toList());

            TrainingRunsResponse firstRun = rest.listTrainingRuns(1, 0).result();
            assertThat(firstRun.trainingRuns()).extracting(TrainingRun::trainingRunId).containsExactly(runB);
            assertThat(firstRun.cursor().totalCount()).isEqualTo(2);
            assertThat(rest.listAllTrainingRuns(1, AccessScope.OWNED).stream().map(TrainingRun::trainingRunId).toList())
                    .containsExactly(runB, runA);
            assertThat(rest.listSessions(1, 1).result().sessions()).isEmpty();
        }
    }

    @Test
    void ownedAndAccessibleScopesWithPublishedAndProjectCheckpoints() {
        RestClient asAlice = alice.createRestClient();
        RestClient asBob = bob.createRestClient();
        String session = RealTinker.session(alice);
        String run = RealTinker.run(alice, session, 0);
        String hidden = RealTinker.save(alice, run, "hidden");
        String shown = RealTinker.save(alice, run, "shown");

        assertThatThrownBy(() -> asBob.getTrainingRun(run, AccessScope.ACCESSIBLE).result()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asBob.getWeightsInfoByTinkerPath(shown).result()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asBob.publishCheckpointFromTinkerPath(shown).result())
                .as("changing is for the owner; others are told nothing exists").isInstanceOf(NotFoundException.class);

        both(() -> asAlice.publishCheckpointFromTinkerPath(shown), () -> asAlice.publishCheckpointFromTinkerPathAsync(shown));
        asAlice.publishCheckpointFromTinkerPath(shown).result();
        assertThat(asAlice.listCheckpoints(run).result().checkpoints()).filteredOn(Checkpoint::isPublic)
                .extracting(Checkpoint::tinkerPath).containsExactly(shown);

        assertThatThrownBy(() -> asBob.getTrainingRun(run).result()).as("owned scope").isInstanceOf(NotFoundException.class);
        TrainingRun seen = asBob.getTrainingRun(run, AccessScope.ACCESSIBLE).result();
        assertThat(seen.lastCheckpoint()).hasValueSatisfying(c -> assertThat(c.tinkerPath()).isEqualTo(shown));
        assertThat(asBob.listCheckpoints(run).result().checkpoints()).extracting(Checkpoint::tinkerPath).containsExactly(shown);
        assertThat(asBob.getWeightsInfoByTinkerPath(shown).result().baseModel()).isEqualTo("Qwen/Qwen3-8B");
        assertThatThrownBy(() -> asBob.getWeightsInfoByTinkerPath(hidden).result()).isInstanceOf(NotFoundException.class);
        assertThat(asBob.listTrainingRuns(100, 0, AccessScope.ACCESSIBLE).result().trainingRuns())
                .extracting(TrainingRun::trainingRunId).contains(run);
        assertThat(asBob.listTrainingRuns(100, 0, AccessScope.OWNED).result().trainingRuns())
                .extracting(TrainingRun::trainingRunId).doesNotContain(run);
        assertThat(asBob.listUserCheckpoints().result().checkpoints()).as("only what bob owns")
                .extracting(Checkpoint::tinkerPath).doesNotContain(shown);

        both(() -> asAlice.unpublishCheckpointFromTinkerPath(shown), () -> asAlice.unpublishCheckpointFromTinkerPathAsync(shown));
        asAlice.unpublishCheckpointFromTinkerPath(shown).result();
        assertThatThrownBy(() -> asBob.getTrainingRun(run, AccessScope.ACCESSIBLE).result()).isInstanceOf(NotFoundException.class);

        String project = tinker.project("shared-" + System.nanoTime(), aliceId, bobId);
        both(() -> asAlice.assignSessionProject(session, project), () -> asAlice.assignSessionProjectAsync(session, project));
        assertThat(asBob.getSession(session, AccessScope.ACCESSIBLE).result().trainingRunIds()).containsExactly(run);
        assertThatThrownBy(() -> asBob.getSession(session).result()).isInstanceOf(NotFoundException.class);
        assertThat(asBob.listSessions(20, 0, AccessScope.ACCESSIBLE).result().sessions()).contains(session);
        assertThat(asBob.listCheckpoints(run).result().checkpoints()).extracting(Checkpoint::tinkerPath)
                .containsExactly(shown, hidden);
        assertThat(asBob.listTrainingRuns(20, 0, AccessScope.ACCESSIBLE, project).result().trainingRuns())
                .extracting(TrainingRun::trainingRunId).containsExactly(run);
    }

    @Test
    void ttlSetAndClearedAndDelete() {
        RestClient rest = alice.createRestClient();
        String run = RealTinker.run(alice, RealTinker.session(alice), 0);
        String path = RealTinker.save(alice, run, "kept");
        String other = RealTinker.saveForSampler(alice, run, "gone");

        both(() -> rest.setCheckpointTtlFromTinkerPath(path, 86_400), () -> rest.setCheckpointTtlFromTinkerPathAsync(path, 86_400));
        Checkpoint withTtl = rest.listCheckpoints(run).result().checkpoints().stream()
                .filter(c -> c.tinkerPath().equals(path)).findFirst().orElseThrow();
        assertThat(withTtl.expiresAt()).hasValueSatisfying(at -> assertThat(at).isBetween(
                java.time.Instant.now().plusSeconds(86_000), java.time.Instant.now().plusSeconds(86_500)));
        both(() -> rest.removeCheckpointTtlFromTinkerPath(path), () -> rest.removeCheckpointTtlFromTinkerPathAsync(path));
        assertThat(rest.listCheckpoints(run).result().checkpoints()).allSatisfy(c -> assertThat(c.expiresAt()).isEmpty());

        rest.deleteCheckpointFromTinkerPath(other).result();
        assertThatThrownBy(() -> rest.deleteCheckpointFromTinkerPath(other).result()).isInstanceOf(NotFoundException.class);
        rest.deleteCheckpointAsync(run, "weights/kept").join();
        assertThat(rest.listCheckpoints(run).result().checkpoints()).isEmpty();
        assertThatThrownBy(() -> rest.deleteCheckpoint(run, "weights/kept").result()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theAuditLogNeedsTheAdminRole() {
        RestClient rest = alice.createRestClient();
        String run = RealTinker.run(alice, RealTinker.session(alice), 0);
        String path = RealTinker.save(alice, run, "audited");
        rest.publishCheckpointFromTinkerPath(path).result();

        assertThatThrownBy(() -> rest.getAuditLog().result()).isInstanceOfSatisfying(PermissionDeniedException.class,
                e -> assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d).contains("tinker-admin")));
        assertThatThrownBy(() -> rest.getAuditLogAsync(AuditEventType.ALL).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(PermissionDeniedException.class);

        RestClient auditor = admin.createRestClient();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<AuditLogEntry> entries = both(() -> auditor.getAuditLog(AuditEventType.CHECKPOINTS, today),
                () -> auditor.getAuditLogAsync(AuditEventType.CHECKPOINTS, today)).entries();
        assertThat(entries).filteredOn(e -> e.tinkerPath().equals(java.util.Optional.of(path)))
                .extracting(AuditLogEntry::event).containsExactly("CHECKPOINT_CREATED", "CHECKPOINT_PUBLISHED");
        assertThat(auditor.getAuditLog().result().entries()).hasSizeGreaterThanOrEqualTo(entries.size());
        assertThat(auditor.getAuditLog(AuditEventType.ALL, today.minusYears(1)).result().entries()).isEmpty();
    }

    @Test
    void statusesBecomeTypedExceptions() {
        RestClient rest = alice.createRestClient();
        String run = RealTinker.run(alice, RealTinker.session(alice), 0);
        RealTinker.save(alice, run, "dup");

        assertThatThrownBy(() -> rest.getTrainingRun(run + "9").result()).isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d).contains("Training run not found"));
            assertThat(e.requestId()).isPresent();
        });
        assertThatThrownBy(() -> rest.getSamplerAsync("nobody:sample:0").join()).hasCauseInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rest.listTrainingRuns(5000, 0).result()).as("over the server's 1000")
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.detail()).isPresent());
        assertThatThrownBy(() -> rest.getWeightsInfoByTinkerPath("tinker://nope").result()).as("sent unparsed, as upstream")
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> rest.getAuditLog().result()).isInstanceOf(PermissionDeniedException.class);

        // A permanent 409 says x-should-retry: false, so it surfaces at once despite the 300 s retry deadline.
        long start = System.nanoTime();
        assertThatThrownBy(() -> RealTinker.post(alice, "/api/v1/save_weights", RealTinker.saveBody(run, "dup", "save_weights")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d).contains("already exists"));
                    assertThat(e.headers().firstValue("x-should-retry")).hasValue("false");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        try (ServiceClient stranger = tinker.client("tml-" + "x".repeat(40))) {
            assertThatThrownBy(() -> stranger.createRestClient().listTrainingRuns().result())
                    .isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void malformedTinkerPathsAreRefusedBeforeAnyRequest() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServiceClient client = ServiceClient.builder().baseUrl("http://127.0.0.1:" + listener.getLocalPort() + "/api/tinker")
                     .apiKey("tml-never-sent").build()) {
            RestClient rest = client.createRestClient();
            for (String bad : List.of("tinker://run/weights", "http://run/weights/x", "tinker://run/other/x",
                    "tinker:///weights/x", "tinker://run/weights/", "tinker://run/weights/x/y")) {
                assertThatThrownBy(() -> rest.getTrainingRunByTinkerPath(bad)).as(bad)
                        .isInstanceOf(InvalidTinkerPathException.class).hasMessageStartingWith("Invalid tinker path: " + bad);
                assertThatThrownBy(() -> rest.getCheckpointArchiveUrlFromTinkerPathAsync(bad)).isInstanceOf(InvalidTinkerPathException.class);
                assertThatThrownBy(() -> rest.deleteCheckpointFromTinkerPath(bad)).isInstanceOf(InvalidTinkerPathException.class);
                assertThatThrownBy(() -> rest.publishCheckpointFromTinkerPathAsync(bad)).isInstanceOf(InvalidTinkerPathException.class);
                assertThatThrownBy(() -> rest.unpublishCheckpointFromTinkerPath(bad)).isInstanceOf(InvalidTinkerPathException.class);
                assertThatThrownBy(() -> rest.setCheckpointTtlFromTinkerPath(bad, 60)).isInstanceOf(InvalidTinkerPathException.class);
                assertThatThrownBy(() -> rest.removeCheckpointTtlFromTinkerPathAsync(bad)).isInstanceOf(InvalidTinkerPathException.class);
                assertThatThrownBy(() -> rest.downloadCheckpointArchive(bad, java.nio.file.Path.of("x.tar")))
                        .isInstanceOf(InvalidTinkerPathException.class);
                assertThatThrownBy(() -> rest.uploadCheckpointArchiveAsync(bad, java.nio.file.Path.of("x.tar"), TransferProgress.NONE))
                        .isInstanceOf(InvalidTinkerPathException.class);
            }
            listener.setSoTimeout(200);
            AtomicInteger connections = new AtomicInteger();
            try {
                listener.accept().close();
                connections.incrementAndGet();
            } catch (SocketTimeoutException expected) {
                // nothing connected
            }
            assertThat(connections).as("no request was sent").hasValue(0);
        }
    }

    @Test
    void aSessionTraceAndTheBillingUsageOfItsCheckpoints() throws Exception {
        RestClient rest = alice.createRestClient();
        String session = RealTinker.session(alice);
        String run = RealTinker.run(alice, session, 0);
        String path = RealTinker.save(alice, run, "traced");

        String url = rest.exportSessionTrace(session).result();
        assertThat(rest.exportSessionTraceAsync(session).join()).startsWith(url.substring(0, url.indexOf('?')));
        var trace = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(trace.statusCode()).isEqualTo(200);
        assertThat(trace.body()).contains(session).contains(run).contains(path);
        assertThatThrownBy(() -> bob.createRestClient().exportSessionTrace(session).result())
                .isInstanceOf(NotFoundException.class);

        java.time.Instant hour = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        var usage = both(() -> rest.getBillingUsage(hour.minusSeconds(3600), hour.plusSeconds(3600)),
                () -> rest.getBillingUsageAsync(hour.minusSeconds(3600), hour.plusSeconds(3600)));
        assertThat(usage.data()).anySatisfy(event -> {
            assertThat(event.sessionId()).hasValue(session);
            assertThat(event.eventInfo().type()).isEqualTo("checkpoint");
            assertThat(event.eventInfo().count()).hasValue(1L);
            assertThat(event.bucketEnd()).isEqualTo(event.bucketStart().plusSeconds(3600));
        });
        assertThat(usage.sessions()).containsKey(session);
        // Storage grows by the second, so it is read once, after an archive has been kept a moment.
        java.nio.file.Path archive = java.nio.file.Files.createTempFile("billing", ".tar");
        java.nio.file.Files.write(archive, new byte[5_000]);
        rest.uploadCheckpointArchive(path, archive).result();
        Thread.sleep(20);
        assertThat(rest.getBillingUsage(hour.minusSeconds(3600), hour.plusSeconds(3600)).result().data()).anySatisfy(event -> {
            assertThat(event.sessionId()).hasValue(session);
            assertThat(event.eventInfo().type()).isEqualTo("storage");
            assertThat(event.eventInfo().gigabyteHours()).hasValueSatisfying(amount -> assertThat(amount).isPositive());
        });
        assertThatThrownBy(() -> rest.getBillingUsage(hour.plusSeconds(60), hour.plusSeconds(7200)).result())
                .isInstanceOf(BadRequestException.class).hasMessageContaining("on the hour");
    }
}
