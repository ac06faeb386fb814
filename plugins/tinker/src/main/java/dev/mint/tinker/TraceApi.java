package dev.mint.tinker;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The SDK's {@code export_session_trace}: {@code GET /sessions/{id}/trace_export} answers at once that the
 * export is {@code ready}, with a signed, expiring URL of this server that serves the session's trace as
 * JSON: the session, its training runs each with its live checkpoints, and its samplers, as they are when
 * the URL is fetched. (Upstream prepares an export in the background; a registry has nothing slow to do.)
 */
final class TraceApi {
    private final Requests requests;
    private final Sessions sessions;
    private final TrainingRuns runs;
    private final Checkpoints checkpoints;
    private final UrlSigner signer;
    private final Supplier<Duration> urlTtl;
    private final String tracePath;
    private final String publicUrl;
    private final Clock clock;

    TraceApi(Requests requests, Sessions sessions, TrainingRuns runs, Checkpoints checkpoints, UrlSigner signer,
             Supplier<Duration> urlTtl, String tracePath, String publicUrl, Clock clock) {
        this.requests = requests;
        this.sessions = sessions;
        this.runs = runs;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.urlTtl = urlTtl;
        this.tracePath = tracePath;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** {@code traces} is the signed route relative to the router, e.g. {@code /traces}. */
    static void routes(Supplier<TraceApi> api, String traces) {
        get("/sessions/{session_id}/trace_export", Requests.handle(ctx -> api.get().export(ctx)));
        get(traces + "/{session_id}", Requests.handle(ctx -> api.get().trace(ctx)));
    }

    /** The reference's poll answer, already {@code ready}; only the session's owner may export it. */
    private void export(Context ctx) {
        Caller caller = requests.caller(ctx);
        String id = ctx.pathParam("session_id");
        Session session = sessions.require(caller, AccessScope.OWNED, id);
        Instant expires = clock.instant().plus(urlTtl.get());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ready");
        body.put("url", signer.url(Requests.baseUrl(ctx, publicUrl), tracePath + "/" + session.id(), expires));
        body.put("error", null);
        Requests.json(ctx, body);
    }

    /** The trace itself, for whoever holds the signed URL (no key: the signature is the permission). */
    private void trace(Context ctx) {
        String id = ctx.pathParam("session_id");
        signer.require(tracePath + "/" + id, ctx.queryParam("expires"), ctx.queryParam("signature"), clock.instant());
        Session session = sessions.get(id).orElseThrow(() -> TinkerError.notFound("Session not found: " + id));
        Caller owner = new Caller(session.ownerId(), "", List.of());
        List<Map<String, Object>> trainingRuns = new ArrayList<>();
        for (String runId : sessions.trainingRunIds(id)) {
            runs.get(runId).ifPresent(run -> {
                Map<String, Object> view = new LinkedHashMap<>(Views.weightsInfo(run));
                view.put("training_run_id", run.id());
                view.put("user_metadata", run.userMetadata());
                view.put("checkpoints", checkpoints.ofRun(owner, run.id()).stream().map(Views::checkpoint).toList());
                trainingRuns.add(view);
            });
        }
        List<Map<String, Object>> samplers = new ArrayList<>();
        for (String samplerId : sessions.samplerIds(id)) {
            sessions.findSampler(owner, samplerId).map(Views::sampler).ifPresent(samplers::add);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session_id", session.id());
        body.put("project_id", session.projectId());
        body.put("created_at", session.createdAt());
        body.put("training_runs", trainingRuns);
        body.put("samplers", samplers);
        body.put("exported_at", clock.instant());
        Requests.json(ctx, body);
    }
}
