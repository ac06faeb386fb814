package dev.mint.tinker;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The endpoints of the SDK's RestClient (reference section 4.1), relative to {@code /api/tinker/api/v1}. */
final class RestApi {
    /** The plugin role that may read the audit log (platform admins may too). */
    static final String ADMIN_ROLE = "tinker-admin";

    private final Requests requests;
    private final TrainingRuns runs;
    private final Checkpoints checkpoints;
    private final Sessions sessions;
    private final Registry registry;
    private final AuditLog audit;
    private final Usage usage;
    private final Clock clock;

    RestApi(Requests requests, TrainingRuns runs, Checkpoints checkpoints, Sessions sessions, Registry registry,
            AuditLog audit, Usage usage, Clock clock) {
        this.requests = requests;
        this.runs = runs;
        this.checkpoints = checkpoints;
        this.sessions = sessions;
        this.registry = registry;
        this.audit = audit;
        this.usage = usage;
        this.clock = clock;
    }

    static void routes(Supplier<RestApi> api) {
        String checkpoint = "/training_runs/{run_id}/checkpoints/{kind}/{name}";
        get("/training_runs", Requests.handle(ctx -> api.get().listTrainingRuns(ctx)));
        get("/training_runs/{run_id}", Requests.handle(ctx -> api.get().getTrainingRun(ctx)));
        get("/training_runs/{run_id}/checkpoints", Requests.handle(ctx -> api.get().listCheckpoints(ctx)));
        delete(checkpoint, Requests.handle(ctx -> api.get().deleteCheckpoint(ctx)));
        post(checkpoint + "/publish", Requests.handle(ctx -> api.get().publish(ctx, true)));
        delete(checkpoint + "/publish", Requests.handle(ctx -> api.get().publish(ctx, false)));
        put(checkpoint + "/ttl", Requests.handle(ctx -> api.get().setTtl(ctx)));
        get("/checkpoints", Requests.handle(ctx -> api.get().listUserCheckpoints(ctx)));
        post("/weights_info", Requests.handle(ctx -> api.get().weightsInfo(ctx)));
        get("/audit", Requests.handle(ctx -> api.get().auditLog(ctx)));
        get("/sessions", Requests.handle(ctx -> api.get().listSessions(ctx)));
        get("/sessions/{session_id}", Requests.handle(ctx -> api.get().getSession(ctx)));
        put("/sessions/{session_id}/project", Requests.handle(ctx -> api.get().assignProject(ctx)));
        get("/samplers/{sampler_id}", Requests.handle(ctx -> api.get().getSampler(ctx)));
        get("/billing/usage/events", Requests.handle(ctx -> api.get().billingUsage(ctx)));
    }

    private void getTrainingRun(Context ctx) {
        Caller caller = requests.caller(ctx);
        AccessScope scope = AccessScope.fromQuery(ctx.queryParam("access_scope"));
        String id = ctx.pathParam("run_id");
        TrainingRun run = runs.find(caller, scope, id).orElseThrow(() -> TinkerError.notFound("Training run not found: " + id));
        Requests.json(ctx, view(caller, run));
    }

    private void listTrainingRuns(Context ctx) {
        Caller caller = requests.caller(ctx);
        AccessScope scope = AccessScope.fromQuery(ctx.queryParam("access_scope"));
        Paging paging = Paging.fromQuery(ctx.queryParam("limit"), ctx.queryParam("offset"), 20);
        String project = ctx.queryParam("project_id");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("training_runs", runs.list(caller, scope, project, paging).stream().map(r -> view(caller, r)).toList());
        body.put("cursor", Views.cursor(paging, runs.count(caller, scope, project)));
        Requests.json(ctx, body);
    }

    private Map<String, Object> view(Caller caller, TrainingRun run) {
        return Views.trainingRun(run, checkpoints.latest(caller, run.id(), CheckpointKind.TRAINING).orElse(null),
                checkpoints.latest(caller, run.id(), CheckpointKind.SAMPLER).orElse(null));
    }

    /** Every checkpoint of one run the caller may read; unpaginated, as upstream ({@code cursor} null). */
    private void listCheckpoints(Context ctx) {
        Caller caller = requests.caller(ctx);
        String id = ctx.pathParam("run_id");
        runs.find(caller, AccessScope.ACCESSIBLE, id).orElseThrow(() -> TinkerError.notFound("Training run not found: " + id));
        Requests.json(ctx, Views.checkpoints(checkpoints.ofRun(caller, id), null));
    }

    /** Only what the caller owns, so only its user id is needed (not its projects: one query less per call). */
    private void listUserCheckpoints(Context ctx) {
        long me = requests.user(ctx).id();
        Paging paging = Paging.fromQuery(ctx.queryParam("limit"), ctx.queryParam("offset"), 100);
        Requests.json(ctx, Views.checkpoints(checkpoints.owned(me, paging), Views.cursor(paging, checkpoints.countOwned(me))));
    }

    private void deleteCheckpoint(Context ctx) {
        registry.delete(requests.caller(ctx), Requests.checkpoint(ctx));
        Requests.ok(ctx);
    }

    private void publish(Context ctx, boolean isPublic) {
        registry.publish(requests.caller(ctx), Requests.checkpoint(ctx), isPublic);
        Requests.ok(ctx);
    }

    private void setTtl(Context ctx) {
        Caller caller = requests.caller(ctx);
        CheckpointRef ref = Requests.checkpoint(ctx);
        JsonNode body = Requests.body(ctx);
        if (!body.has("ttl_seconds")) {
            throw TinkerError.badRequest("ttl_seconds is required: a number of seconds, or null to remove the TTL");
        }
        registry.setTtl(caller, ref, Requests.integer(body, "ttl_seconds"));
        Requests.ok(ctx);
    }

    /** What rebuilding a trainer from a checkpoint needs; works for published checkpoints of others. */
    private void weightsInfo(Context ctx) {
        Caller caller = requests.caller(ctx);
        CheckpointRef ref = CheckpointRef.parse(Requests.optionalString(Requests.body(ctx), "tinker_path").orElse(null));
        Checkpoint checkpoint = registry.readable(caller, ref);
        TrainingRun run = runs.get(checkpoint.ref().runId()).orElseThrow(() -> Registry.notFound(ref));
        Requests.json(ctx, Views.weightsInfo(run));
    }

    /** One UTC day of checkpoint events; needs the {@value #ADMIN_ROLE} plugin role or a platform admin. */
    private void auditLog(Context ctx) throws Exception {
        requests.user(ctx);
        try {
            requests.context().requirePluginRole(ADMIN_ROLE).handle(ctx);
        } catch (RuntimeException e) {
            throw TinkerError.forbidden("Reading the audit log needs the " + ADMIN_ROLE + " role of plugin tinker"
                    + " (granted by an admin at PUT /api/admin/plugin-roles/tinker/{user_id}) or a platform admin");
        }
        String eventType = ctx.queryParam("event_type");
        if (eventType != null && !eventType.equals("all") && !eventType.equals("checkpoints")) {
            throw TinkerError.badRequest("event_type must be 'all' or 'checkpoints', not '" + eventType + "'");
        }
        LocalDate day;
        try {
            String text = ctx.queryParam("day");
            day = text == null || text.isEmpty() ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw TinkerError.badRequest("day must be a date like 2026-01-15, not '" + ctx.queryParam("day") + "'");
        }
        Requests.json(ctx, Map.of("entries", audit.day(day)));
    }

    private void listSessions(Context ctx) {
        Caller caller = requests.caller(ctx);
        AccessScope scope = AccessScope.fromQuery(ctx.queryParam("access_scope"));
        Paging paging = Paging.fromQuery(ctx.queryParam("limit"), ctx.queryParam("offset"), 20);
        Requests.json(ctx, Map.of("sessions", sessions.list(caller, scope, paging)));
    }

    private void getSession(Context ctx) {
        Caller caller = requests.caller(ctx);
        AccessScope scope = AccessScope.fromQuery(ctx.queryParam("access_scope"));
        Session session = sessions.require(caller, scope, ctx.pathParam("session_id"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("training_run_ids", sessions.trainingRunIds(session.id()));
        body.put("sampler_ids", sessions.samplerIds(session.id()));
        Requests.json(ctx, body);
    }

    /**
     * Puts an owned session (and so its runs and samplers) into a project the caller is a member of, or moves
     * it to another such project. Taking it out of a project is not supported, as upstream.
     */
    private void assignProject(Context ctx) {
        Caller caller = requests.caller(ctx);
        JsonNode body = Requests.body(ctx);
        JsonNode project = body.get("project_id");
        if (project == null || project.isNull() || project.asText().isBlank()) {
            throw TinkerError.badRequest("project_id is required; a session cannot be taken out of a project");
        }
        String projectId = project.asText().strip();
        Session session = sessions.require(caller, AccessScope.OWNED, ctx.pathParam("session_id"));
        requireProject(caller, projectId);
        if (!projectId.equals(session.projectId())) {
            sessions.setProject(session.id(), projectId);
        }
        Requests.ok(ctx);
    }

    private void getSampler(Context ctx) {
        Caller caller = requests.caller(ctx);
        String id = ctx.pathParam("sampler_id");
        Requests.json(ctx, Views.sampler(sessions.findSampler(caller, id)
                .orElseThrow(() -> TinkerError.notFound("Sampler not found: " + id))));
    }

    /** {@code BillingUsageResponse} for the hour-aligned window {@code [starting_on, ending_before)}, at most 14 days. */
    private void billingUsage(Context ctx) {
        Caller caller = requests.caller(ctx);
        Requests.json(ctx, usage.events(caller, Usage.hour(ctx.queryParam("starting_on"), "starting_on"),
                Usage.hour(ctx.queryParam("ending_before"), "ending_before")));
    }

    /** A project the caller may put sessions into: one they are a member of. */
    static void requireProject(Caller caller, String projectId) {
        if (!caller.inProject(projectId)) {
            throw TinkerError.forbidden("You are not a member of project " + projectId
                    + " (Tinker project ids are the platform's project ids)");
        }
    }
}
