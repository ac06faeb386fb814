package dev.mint.tinker.client;

import dev.mint.client.core.ApiRequest;
import dev.mint.client.core.JsonCodec;
import dev.mint.tinker.client.model.AccessScope;
import dev.mint.tinker.client.model.AuditEventType;
import dev.mint.tinker.client.model.AuditLogResponse;
import dev.mint.tinker.client.model.BillingUsageResponse;
import dev.mint.tinker.client.model.CheckpointArchiveUrlResponse;
import dev.mint.tinker.client.model.CheckpointsListResponse;
import dev.mint.tinker.client.model.GetSamplerResponse;
import dev.mint.tinker.client.model.GetSessionResponse;
import dev.mint.tinker.client.model.ListSessionsResponse;
import dev.mint.tinker.client.model.TrainingRun;
import dev.mint.tinker.client.model.TrainingRunsResponse;
import dev.mint.tinker.client.model.WeightsInfoResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The request of every REST endpoint (wire reference §4.1), with the reader of its answer. Built once, used by
 * the blocking and the asynchronous methods alike.
 */
final class TinkerCalls {
    private static final JsonCodec JSON = JsonCodec.snakeCase();
    private static final byte[] EMPTY = new byte[0];

    private TinkerCalls() {
    }

    static TinkerCall<TrainingRun> getTrainingRun(String trainingRunId, AccessScope scope) {
        return new TinkerCall<>(get(PathSegments.api("training_runs", id(trainingRunId, "trainingRunId")))
                .query("access_scope", scope(scope)).build(), Readers.json(TrainingRun.class));
    }

    static TinkerCall<WeightsInfoResponse> getWeightsInfo(String tinkerPath) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tinker_path", Objects.requireNonNull(tinkerPath, "tinkerPath == null"));
        return new TinkerCall<>(send("POST", "/api/v1/weights_info", JSON.write(body)),
                Readers.json(WeightsInfoResponse.class));
    }

    static TinkerCall<TrainingRunsResponse> listTrainingRuns(int limit, int offset, AccessScope scope, String projectId) {
        return new TinkerCall<>(paged(get("/api/v1/training_runs"), limit, offset).query("access_scope", scope(scope))
                .query("project_id", projectId).build(), Readers.json(TrainingRunsResponse.class));
    }

    static TinkerCall<CheckpointsListResponse> listCheckpoints(String trainingRunId) {
        return new TinkerCall<>(get(PathSegments.api("training_runs", id(trainingRunId, "trainingRunId"), "checkpoints"))
                .build(), Readers.json(CheckpointsListResponse.class));
    }

    static TinkerCall<CheckpointArchiveUrlResponse> getArchiveUrl(TinkerPath path) {
        return new TinkerCall<>(get(checkpoint(path, "archive")).build(), ArchiveUrls::read);
    }

    static TinkerCall<Void> deleteCheckpoint(TinkerPath path) {
        return new TinkerCall<>(send("DELETE", checkpoint(path), EMPTY), Readers.none());
    }

    static TinkerCall<Void> publish(TinkerPath path) {
        return new TinkerCall<>(send("POST", checkpoint(path, "publish"), EMPTY), Readers.none());
    }

    static TinkerCall<Void> unpublish(TinkerPath path) {
        return new TinkerCall<>(send("DELETE", checkpoint(path, "publish"), EMPTY), Readers.none());
    }

    /** {@code ttlSeconds} null clears the expiry: upstream sends the key with an explicit {@code null}. */
    static TinkerCall<Void> setTtl(TinkerPath path, Long ttlSeconds) {
        if (ttlSeconds != null && ttlSeconds <= 0) {
            throw new IllegalArgumentException("ttlSeconds must be > 0, got " + ttlSeconds);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ttl_seconds", ttlSeconds);
        return new TinkerCall<>(send("PUT", checkpoint(path, "ttl"), JSON.write(body)), Readers.none());
    }

    static TinkerCall<CheckpointsListResponse> listUserCheckpoints(int limit, int offset) {
        return new TinkerCall<>(paged(get("/api/v1/checkpoints"), limit, offset).build(),
                Readers.json(CheckpointsListResponse.class));
    }

    /** The answer may be a redirect to where the JSON is served; {@link Redirects} follows it. */
    static TinkerCall<Redirects.Answer<AuditLogResponse>> getAuditLog(AuditEventType eventType, LocalDate day) {
        Objects.requireNonNull(eventType, "eventType == null");
        return new TinkerCall<>(get("/api/v1/audit").query("event_type", eventType.wireName())
                .query("day", day == null ? null : day.toString()).build(), Redirects.reader(AuditLogResponse.class));
    }

    static TinkerCall<GetSessionResponse> getSession(String sessionId, AccessScope scope) {
        return new TinkerCall<>(get(PathSegments.api("sessions", id(sessionId, "sessionId")))
                .query("access_scope", scope(scope)).build(), Readers.json(GetSessionResponse.class));
    }

    static TinkerCall<ListSessionsResponse> listSessions(int limit, int offset, AccessScope scope) {
        return new TinkerCall<>(paged(get("/api/v1/sessions"), limit, offset).query("access_scope", scope(scope)).build(),
                Readers.json(ListSessionsResponse.class));
    }

    static TinkerCall<Void> assignSessionProject(String sessionId, String projectId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("project_id", id(projectId, "projectId"));
        return new TinkerCall<>(send("PUT", PathSegments.api("sessions", id(sessionId, "sessionId"), "project"),
                JSON.write(body)), Readers.none());
    }

    static TinkerCall<GetSamplerResponse> getSampler(String samplerId) {
        return new TinkerCall<>(get(PathSegments.api("samplers", id(samplerId, "samplerId"))).build(),
                Readers.json(GetSamplerResponse.class));
    }

    static TinkerCall<TraceExports.Status> traceExportStatus(String sessionId) {
        return new TinkerCall<>(get(PathSegments.api("sessions", id(sessionId, "sessionId"), "trace_export")).build(),
                Readers.json(TraceExports.Status.class));
    }

    static TinkerCall<BillingUsageResponse> getBillingUsage(Instant startingOn, Instant endingBefore) {
        Objects.requireNonNull(startingOn, "startingOn == null");
        Objects.requireNonNull(endingBefore, "endingBefore == null");
        if (!endingBefore.isAfter(startingOn)) {
            throw new IllegalArgumentException("endingBefore must be after startingOn");
        }
        return new TinkerCall<>(get("/api/v1/billing/usage/events").query("starting_on", startingOn.toString())
                .query("ending_before", endingBefore.toString()).build(), Readers.json(BillingUsageResponse.class));
    }

    /** {@code /api/v1/training_runs/{run}/checkpoints/{kind}/{name}[/suffix]}: the checkpoint id is two segments. */
    static String checkpoint(TinkerPath path, String... suffix) {
        String[] segments = new String[5 + suffix.length];
        segments[0] = "training_runs";
        segments[1] = path.trainingRunId();
        segments[2] = "checkpoints";
        segments[3] = path.type().pathSegment();
        segments[4] = path.name();
        System.arraycopy(suffix, 0, segments, 5, suffix.length);
        return PathSegments.api(segments);
    }

    /** Every resend of a call carries the same key, so the server can tell a retry from a new request. */
    static String idempotencyKey() {
        return "mint-java-retry-" + UUID.randomUUID();
    }

    private static ApiRequest.Builder get(String path) {
        return ApiRequest.builder("GET", path).idempotent(true);
    }

    /** Non-GET requests carry {@code Content-Type: application/json} even when empty, as upstream sends them. */
    static ApiRequest send(String method, String path, byte[] body) {
        return ApiRequest.builder(method, path).body(body, "application/json").idempotent(true)
                .header("X-Idempotency-Key", idempotencyKey()).build();
    }

    private static ApiRequest.Builder paged(ApiRequest.Builder request, int limit, int offset) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
        return request.query("limit", limit).query("offset", offset);
    }

    private static String scope(AccessScope scope) {
        return Objects.requireNonNull(scope, "accessScope == null").wireName();
    }

    private static String id(String value, String name) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }
}
