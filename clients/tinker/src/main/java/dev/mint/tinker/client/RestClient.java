package dev.mint.tinker.client;

import dev.mint.client.core.AutoPager;
import dev.mint.client.core.Page;
import dev.mint.tinker.client.model.AccessScope;
import dev.mint.tinker.client.model.AuditEventType;
import dev.mint.tinker.client.model.AuditLogResponse;
import dev.mint.tinker.client.model.BillingUsageResponse;
import dev.mint.tinker.client.model.Checkpoint;
import dev.mint.tinker.client.model.CheckpointArchiveUrlResponse;
import dev.mint.tinker.client.model.CheckpointsListResponse;
import dev.mint.tinker.client.model.Cursor;
import dev.mint.tinker.client.model.GetSamplerResponse;
import dev.mint.tinker.client.model.GetSessionResponse;
import dev.mint.tinker.client.model.ListSessionsResponse;
import dev.mint.tinker.client.model.TrainingRun;
import dev.mint.tinker.client.model.TrainingRunsResponse;
import dev.mint.tinker.client.model.WeightsInfoResponse;
import dev.mint.tinker.client.model.WhoamiResponse;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The Tinker REST endpoints: training runs, checkpoints (list, delete, publish, TTL, archives), sessions,
 * samplers, the audit log and billing usage. Get one from {@link ServiceClient#createRestClient()}.
 *
 * <p>Every call comes in two shapes: {@code getTrainingRun(...)} returns an {@link ApiFuture} whose
 * {@link ApiFuture#result() result()} blocks, and {@code getTrainingRunAsync(...)} returns the
 * {@link CompletableFuture} itself. Both send the same request through the same code; the first merely wraps the
 * second. Arguments are checked, and {@code tinker://} paths parsed, on the calling thread before anything is
 * sent: a malformed path throws {@link InvalidTinkerPathException} from the call itself.
 *
 * <p>Failures: the future fails with a {@link TinkerException} — an {@link ApiStatusException} subclass for an
 * error answer, {@link ApiConnectionException} when there was none — after the retries of
 * {@link ServiceClient.Builder#retryDeadline}. Futures complete on the HTTP client's threads; do not block in
 * their callbacks.
 *
 * <pre>{@code
 * RestClient rest = service.createRestClient();
 * TrainingRun run = rest.getTrainingRun("run-id").result();
 * for (Checkpoint checkpoint : rest.listCheckpoints("run-id").result().checkpoints()) {
 *     System.out.println(checkpoint.checkpointType() + ": " + checkpoint.checkpointId());
 * }
 * }</pre>
 *
 * Thread-safe; it shares its {@link ServiceClient}'s connection pool and works until that is closed.
 */
public final class RestClient {
    private final TinkerHttp http;

    RestClient(TinkerHttp http) {
        this.http = http;
    }

    // ---- training runs

    /** {@code GET /api/v1/training_runs/{id}} with {@code access_scope=owned}. */
    public ApiFuture<TrainingRun> getTrainingRun(String trainingRunId) {
        return ApiFuture.of(getTrainingRunAsync(trainingRunId));
    }

    /** {@code GET /api/v1/training_runs/{id}}. */
    public ApiFuture<TrainingRun> getTrainingRun(String trainingRunId, AccessScope accessScope) {
        return ApiFuture.of(getTrainingRunAsync(trainingRunId, accessScope));
    }

    public CompletableFuture<TrainingRun> getTrainingRunAsync(String trainingRunId) {
        return getTrainingRunAsync(trainingRunId, AccessScope.OWNED);
    }

    public CompletableFuture<TrainingRun> getTrainingRunAsync(String trainingRunId, AccessScope accessScope) {
        return http.send(TinkerCalls.getTrainingRun(trainingRunId, accessScope));
    }

    /** The run of a checkpoint's tinker path ({@code access_scope=owned}). */
    public ApiFuture<TrainingRun> getTrainingRunByTinkerPath(String tinkerPath) {
        return ApiFuture.of(getTrainingRunByTinkerPathAsync(tinkerPath));
    }

    public ApiFuture<TrainingRun> getTrainingRunByTinkerPath(String tinkerPath, AccessScope accessScope) {
        return ApiFuture.of(getTrainingRunByTinkerPathAsync(tinkerPath, accessScope));
    }

    public CompletableFuture<TrainingRun> getTrainingRunByTinkerPathAsync(String tinkerPath) {
        return getTrainingRunByTinkerPathAsync(tinkerPath, AccessScope.OWNED);
    }

    public CompletableFuture<TrainingRun> getTrainingRunByTinkerPathAsync(String tinkerPath, AccessScope accessScope) {
        return getTrainingRunAsync(TinkerPath.parse(tinkerPath).trainingRunId(), accessScope);
    }

    /**
     * {@code POST /api/v1/weights_info}: what it takes to rebuild a trainer from a checkpoint, including other
     * users' published ones. The path is passed to the server as it is (not parsed here, as upstream).
     */
    public ApiFuture<WeightsInfoResponse> getWeightsInfoByTinkerPath(String tinkerPath) {
        return ApiFuture.of(getWeightsInfoByTinkerPathAsync(tinkerPath));
    }

    public CompletableFuture<WeightsInfoResponse> getWeightsInfoByTinkerPathAsync(String tinkerPath) {
        return http.send(TinkerCalls.getWeightsInfo(tinkerPath));
    }

    /** The first 20 of the caller's training runs. */
    public ApiFuture<TrainingRunsResponse> listTrainingRuns() {
        return listTrainingRuns(20, 0);
    }

    public ApiFuture<TrainingRunsResponse> listTrainingRuns(int limit, int offset) {
        return listTrainingRuns(limit, offset, AccessScope.OWNED);
    }

    public ApiFuture<TrainingRunsResponse> listTrainingRuns(int limit, int offset, AccessScope accessScope) {
        return ApiFuture.of(listTrainingRunsAsync(limit, offset, accessScope));
    }

    /** {@code GET /api/v1/training_runs}, only the runs of one project. */
    public ApiFuture<TrainingRunsResponse> listTrainingRuns(int limit, int offset, AccessScope accessScope, String projectId) {
        return ApiFuture.of(listTrainingRunsAsync(limit, offset, accessScope, projectId));
    }

    public CompletableFuture<TrainingRunsResponse> listTrainingRunsAsync(int limit, int offset, AccessScope accessScope) {
        return http.send(TinkerCalls.listTrainingRuns(limit, offset, accessScope, null));
    }

    public CompletableFuture<TrainingRunsResponse> listTrainingRunsAsync(int limit, int offset, AccessScope accessScope,
                                                                         String projectId) {
        return http.send(TinkerCalls.listTrainingRuns(limit, offset, accessScope,
                Objects.requireNonNull(projectId, "projectId == null")));
    }

    /**
     * Every training run in scope, fetched {@code pageSize} at a time as iteration reaches them. Blocking; each
     * page is one {@link #listTrainingRuns(int, int, AccessScope)}.
     */
    public AutoPager<TrainingRun> listAllTrainingRuns(int pageSize, AccessScope accessScope) {
        Objects.requireNonNull(accessScope, "accessScope == null");
        return new AutoPager<>(0, pageSize, (skip, limit) -> {
            TrainingRunsResponse page = listTrainingRuns(limit, skip, accessScope).result();
            return page(page.trainingRuns(), page.cursor(), skip);
        });
    }

    /** Every one of the caller's training runs, 100 per request. */
    public AutoPager<TrainingRun> listAllTrainingRuns() {
        return listAllTrainingRuns(100, AccessScope.OWNED);
    }

    // ---- checkpoints

    /** {@code GET /api/v1/training_runs/{id}/checkpoints}: both kinds, unpaged (no cursor). */
    public ApiFuture<CheckpointsListResponse> listCheckpoints(String trainingRunId) {
        return ApiFuture.of(listCheckpointsAsync(trainingRunId));
    }

    public CompletableFuture<CheckpointsListResponse> listCheckpointsAsync(String trainingRunId) {
        return http.send(TinkerCalls.listCheckpoints(trainingRunId));
    }

    /** {@code GET /api/v1/checkpoints}: the first 100 of the caller's checkpoints across runs, newest first. */
    public ApiFuture<CheckpointsListResponse> listUserCheckpoints() {
        return listUserCheckpoints(100, 0);
    }

    public ApiFuture<CheckpointsListResponse> listUserCheckpoints(int limit, int offset) {
        return ApiFuture.of(listUserCheckpointsAsync(limit, offset));
    }

    public CompletableFuture<CheckpointsListResponse> listUserCheckpointsAsync(int limit, int offset) {
        return http.send(TinkerCalls.listUserCheckpoints(limit, offset));
    }

    /** Every one of the caller's checkpoints, {@code pageSize} per request. Blocking. */
    public AutoPager<Checkpoint> listAllUserCheckpoints(int pageSize) {
        return new AutoPager<>(0, pageSize, (skip, limit) -> {
            CheckpointsListResponse page = listUserCheckpoints(limit, skip).result();
            // Without a cursor, a full page may have more behind it; an empty page ends the iteration.
            Cursor cursor = page.cursor().orElse(new Cursor(skip, limit,
                    skip + page.checkpoints().size() + (page.checkpoints().size() >= limit ? 1 : 0)));
            return page(page.checkpoints(), cursor, skip);
        });
    }

    public AutoPager<Checkpoint> listAllUserCheckpoints() {
        return listAllUserCheckpoints(100);
    }

    /**
     * {@code GET …/checkpoints/{kind}/{name}/archive}: where to download the archive. Reads both server contracts:
     * a 302 redirect (its {@code Location}, and {@code Expires} or 15 minutes from now) and a 200 JSON answer.
     * A 503 ("still being built") is retried like any 5xx.
     *
     * @param checkpointId {@code weights/<name>} or {@code sampler_weights/<name>}
     */
    public ApiFuture<CheckpointArchiveUrlResponse> getCheckpointArchiveUrl(String trainingRunId, String checkpointId) {
        return ApiFuture.of(getCheckpointArchiveUrlAsync(trainingRunId, checkpointId));
    }

    public CompletableFuture<CheckpointArchiveUrlResponse> getCheckpointArchiveUrlAsync(String trainingRunId,
                                                                                         String checkpointId) {
        return http.send(TinkerCalls.getArchiveUrl(TinkerPath.of(trainingRunId, checkpointId)));
    }

    public ApiFuture<CheckpointArchiveUrlResponse> getCheckpointArchiveUrlFromTinkerPath(String tinkerPath) {
        return ApiFuture.of(getCheckpointArchiveUrlFromTinkerPathAsync(tinkerPath));
    }

    public CompletableFuture<CheckpointArchiveUrlResponse> getCheckpointArchiveUrlFromTinkerPathAsync(String tinkerPath) {
        return http.send(TinkerCalls.getArchiveUrl(TinkerPath.parse(tinkerPath)));
    }

    /** {@code DELETE /api/v1/training_runs/{id}/checkpoints/{kind}/{name}}. */
    public ApiFuture<Void> deleteCheckpoint(String trainingRunId, String checkpointId) {
        return ApiFuture.of(deleteCheckpointAsync(trainingRunId, checkpointId));
    }

    public CompletableFuture<Void> deleteCheckpointAsync(String trainingRunId, String checkpointId) {
        return http.send(TinkerCalls.deleteCheckpoint(TinkerPath.of(trainingRunId, checkpointId)));
    }

    public ApiFuture<Void> deleteCheckpointFromTinkerPath(String tinkerPath) {
        return ApiFuture.of(deleteCheckpointFromTinkerPathAsync(tinkerPath));
    }

    public CompletableFuture<Void> deleteCheckpointFromTinkerPathAsync(String tinkerPath) {
        return http.send(TinkerCalls.deleteCheckpoint(TinkerPath.parse(tinkerPath)));
    }

    /**
     * {@code POST …/publish}: makes the checkpoint public. Owner only (others get 404); an already public one
     * answers 409, which is retried until the deadline as upstream does unless the server says
     * {@code x-should-retry: false}.
     */
    public ApiFuture<Void> publishCheckpointFromTinkerPath(String tinkerPath) {
        return ApiFuture.of(publishCheckpointFromTinkerPathAsync(tinkerPath));
    }

    public CompletableFuture<Void> publishCheckpointFromTinkerPathAsync(String tinkerPath) {
        return http.send(TinkerCalls.publish(TinkerPath.parse(tinkerPath)));
    }

    /** {@code DELETE …/publish}: makes the checkpoint private again. */
    public ApiFuture<Void> unpublishCheckpointFromTinkerPath(String tinkerPath) {
        return ApiFuture.of(unpublishCheckpointFromTinkerPathAsync(tinkerPath));
    }

    public CompletableFuture<Void> unpublishCheckpointFromTinkerPathAsync(String tinkerPath) {
        return http.send(TinkerCalls.unpublish(TinkerPath.parse(tinkerPath)));
    }

    /**
     * {@code PUT …/ttl} {@code {"ttl_seconds": n}}: the checkpoint expires {@code ttlSeconds} from now.
     *
     * @throws IllegalArgumentException when {@code ttlSeconds <= 0}
     */
    public ApiFuture<Void> setCheckpointTtlFromTinkerPath(String tinkerPath, long ttlSeconds) {
        return ApiFuture.of(setCheckpointTtlFromTinkerPathAsync(tinkerPath, ttlSeconds));
    }

    public CompletableFuture<Void> setCheckpointTtlFromTinkerPathAsync(String tinkerPath, long ttlSeconds) {
        return http.send(TinkerCalls.setTtl(TinkerPath.parse(tinkerPath), ttlSeconds));
    }

    /** {@code PUT …/ttl} {@code {"ttl_seconds": null}}: the checkpoint no longer expires (upstream's {@code ttl_seconds=None}). */
    public ApiFuture<Void> removeCheckpointTtlFromTinkerPath(String tinkerPath) {
        return ApiFuture.of(removeCheckpointTtlFromTinkerPathAsync(tinkerPath));
    }

    public CompletableFuture<Void> removeCheckpointTtlFromTinkerPathAsync(String tinkerPath) {
        return http.send(TinkerCalls.setTtl(TinkerPath.parse(tinkerPath), null));
    }

    // ---- archives

    /**
     * Downloads a checkpoint's archive to {@code target}: asks for its URL, streams it into a temporary file next
     * to {@code target} while reporting progress, checks the size against {@code Content-Length}, resumes with
     * {@code Range} when the connection breaks, then moves the file over {@code target} in one step. The API key
     * and configured headers are sent only if the URL is on the API's own origin. Completes with {@code target}.
     *
     * @throws ArchiveTransferException (in the future) when the archive could not be fetched intact
     */
    public ApiFuture<Path> downloadCheckpointArchive(String tinkerPath, Path target, TransferProgress progress) {
        return ApiFuture.of(downloadCheckpointArchiveAsync(tinkerPath, target, progress));
    }

    public ApiFuture<Path> downloadCheckpointArchive(String tinkerPath, Path target) {
        return downloadCheckpointArchive(tinkerPath, target, TransferProgress.NONE);
    }

    public CompletableFuture<Path> downloadCheckpointArchiveAsync(String tinkerPath, Path target, TransferProgress progress) {
        Objects.requireNonNull(target, "target == null");
        Objects.requireNonNull(progress, "progress == null");
        return getCheckpointArchiveUrlFromTinkerPathAsync(tinkerPath).thenApplyAsync(
                archive -> new ArchiveDownload(http, absolute(archive.url()), target, progress).run(), http.transfers());
    }

    /**
     * Uploads {@code source} as the archive of a checkpoint of our server:
     * {@code PUT {base}/api/v1/training_runs/{run}/checkpoints/{kind}/{name}/archive}, the file as the raw body
     * with its {@code Content-Length} and {@code X-Checksum-SHA256}. Completes with the stored checkpoint. Not an
     * upstream Tinker endpoint.
     */
    public ApiFuture<Checkpoint> uploadCheckpointArchive(String tinkerPath, Path source, TransferProgress progress) {
        return ApiFuture.of(uploadCheckpointArchiveAsync(tinkerPath, source, progress));
    }

    public ApiFuture<Checkpoint> uploadCheckpointArchive(String tinkerPath, Path source) {
        return uploadCheckpointArchive(tinkerPath, source, TransferProgress.NONE);
    }

    public CompletableFuture<Checkpoint> uploadCheckpointArchiveAsync(String tinkerPath, Path source,
                                                                      TransferProgress progress) {
        TinkerPath checkpoint = TinkerPath.parse(tinkerPath);
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(progress, "progress == null");
        return CompletableFuture.supplyAsync(() -> new ArchiveUpload(http, checkpoint, source, progress).run(),
                http.transfers());
    }

    // ---- sessions, samplers, audit, billing

    /** {@code GET /api/v1/sessions/{id}} with {@code access_scope=owned}: the runs and samplers of a session. */
    public ApiFuture<GetSessionResponse> getSession(String sessionId) {
        return getSession(sessionId, AccessScope.OWNED);
    }

    public ApiFuture<GetSessionResponse> getSession(String sessionId, AccessScope accessScope) {
        return ApiFuture.of(getSessionAsync(sessionId, accessScope));
    }

    public CompletableFuture<GetSessionResponse> getSessionAsync(String sessionId) {
        return getSessionAsync(sessionId, AccessScope.OWNED);
    }

    public CompletableFuture<GetSessionResponse> getSessionAsync(String sessionId, AccessScope accessScope) {
        return http.send(TinkerCalls.getSession(sessionId, accessScope));
    }

    /** {@code GET /api/v1/sessions}: the first 20 session ids. */
    public ApiFuture<ListSessionsResponse> listSessions() {
        return listSessions(20, 0);
    }

    public ApiFuture<ListSessionsResponse> listSessions(int limit, int offset) {
        return listSessions(limit, offset, AccessScope.OWNED);
    }

    public ApiFuture<ListSessionsResponse> listSessions(int limit, int offset, AccessScope accessScope) {
        return ApiFuture.of(listSessionsAsync(limit, offset, accessScope));
    }

    public CompletableFuture<ListSessionsResponse> listSessionsAsync(int limit, int offset, AccessScope accessScope) {
        return http.send(TinkerCalls.listSessions(limit, offset, accessScope));
    }

    /**
     * Every session id in scope, {@code pageSize} per request. The list has no total: a full page is followed by
     * another request, and a short or empty page ends the iteration. Blocking.
     */
    public AutoPager<String> listAllSessions(int pageSize, AccessScope accessScope) {
        Objects.requireNonNull(accessScope, "accessScope == null");
        return new AutoPager<>(0, pageSize, (skip, limit) -> {
            ListSessionsResponse page = listSessions(limit, skip, accessScope).result();
            int size = page.sessions().size();
            return new Page<>(page.sessions(), skip + size + (size >= limit ? 1 : 0), skip);
        });
    }

    public AutoPager<String> listAllSessions() {
        return listAllSessions(100, AccessScope.OWNED);
    }

    /** {@code PUT /api/v1/sessions/{id}/project}: moves a session and its runs and samplers into a project. */
    public ApiFuture<Void> assignSessionProject(String sessionId, String projectId) {
        return ApiFuture.of(assignSessionProjectAsync(sessionId, projectId));
    }

    public CompletableFuture<Void> assignSessionProjectAsync(String sessionId, String projectId) {
        return http.send(TinkerCalls.assignSessionProject(sessionId, projectId));
    }

    /** {@code GET /api/v1/samplers/{id}}, e.g. {@code session-id:sample:0}. */
    public ApiFuture<GetSamplerResponse> getSampler(String samplerId) {
        return ApiFuture.of(getSamplerAsync(samplerId));
    }

    public CompletableFuture<GetSamplerResponse> getSamplerAsync(String samplerId) {
        return http.send(TinkerCalls.getSampler(samplerId));
    }

    /** {@code GET /api/v1/audit} for today (UTC), all events. Needs the admin role (else 403). */
    public ApiFuture<AuditLogResponse> getAuditLog() {
        return ApiFuture.of(getAuditLogAsync(AuditEventType.ALL));
    }

    public ApiFuture<AuditLogResponse> getAuditLog(AuditEventType eventType) {
        return ApiFuture.of(getAuditLogAsync(eventType));
    }

    /** The audit events of one UTC day. */
    public ApiFuture<AuditLogResponse> getAuditLog(AuditEventType eventType, LocalDate day) {
        return ApiFuture.of(getAuditLogAsync(eventType, day));
    }

    public CompletableFuture<AuditLogResponse> getAuditLogAsync(AuditEventType eventType) {
        return http.send(TinkerCalls.getAuditLog(eventType, null)).thenCompose(answer -> Redirects.resolve(http, answer));
    }

    public CompletableFuture<AuditLogResponse> getAuditLogAsync(AuditEventType eventType, LocalDate day) {
        Objects.requireNonNull(day, "day == null");
        return http.send(TinkerCalls.getAuditLog(eventType, day)).thenCompose(answer -> Redirects.resolve(http, answer));
    }

    /**
     * Exports a session's trace: polls {@code GET /api/v1/sessions/{id}/trace_export} every 5 s until it is
     * ready, and completes with the download URL; fails with a {@link TinkerException} when the export failed.
     */
    public ApiFuture<String> exportSessionTrace(String sessionId) {
        return ApiFuture.of(exportSessionTraceAsync(sessionId));
    }

    public CompletableFuture<String> exportSessionTraceAsync(String sessionId) {
        TinkerCalls.traceExportStatus(sessionId); // checks the id on the caller's thread
        return TraceExports.await(http, sessionId);
    }

    /**
     * {@code GET /api/v1/billing/usage/events} for {@code [startingOn, endingBefore)}; the server wants hour-aligned
     * bounds at most 14 days apart.
     */
    public ApiFuture<BillingUsageResponse> getBillingUsage(Instant startingOn, Instant endingBefore) {
        return ApiFuture.of(getBillingUsageAsync(startingOn, endingBefore));
    }

    public CompletableFuture<BillingUsageResponse> getBillingUsageAsync(Instant startingOn, Instant endingBefore) {
        return http.send(TinkerCalls.getBillingUsage(startingOn, endingBefore));
    }

    /**
     * Who the credential belongs to, read from its JWT claims without a request (as upstream). Fails with a
     * {@link TinkerException} for a plain API key.
     */
    public ApiFuture<WhoamiResponse> whoami() {
        return ApiFuture.of(whoamiAsync());
    }

    public CompletableFuture<WhoamiResponse> whoamiAsync() {
        try {
            return CompletableFuture.completedFuture(JwtClaims.whoami(http.settings().apiKey(), http.json()));
        } catch (TinkerException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A download URL as given, or resolved against the base URL when the server gave a relative one. */
    private URI absolute(String url) {
        URI uri = URI.create(url.strip());
        return uri.isAbsolute() ? uri : URI.create(http.settings().baseUrl() + "/").resolve(uri);
    }

    private static <T> Page<T> page(java.util.List<T> items, Cursor cursor, int skip) {
        return new Page<>(items, cursor.totalCount(), skip);
    }
}
