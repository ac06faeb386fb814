package dev.mint.tinker;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the SDK calls to start up and to create things (reference sections 2.5 and 6): client config,
 * telemetry, sessions and their heartbeat, training runs, checkpoints by name, samplers, and
 * {@code retrieve_future}. Nothing here trains or samples: runs and checkpoints are registered, which is
 * what the RestClient then reads.
 */
final class CreationApi {
    private final Requests requests;
    private final Sessions sessions;
    private final TrainingRuns runs;
    private final Registry registry;
    private final Futures futures;
    private final Clock clock;

    CreationApi(Requests requests, Sessions sessions, TrainingRuns runs, Registry registry, Futures futures, Clock clock) {
        this.requests = requests;
        this.sessions = sessions;
        this.runs = runs;
        this.registry = registry;
        this.futures = futures;
        this.clock = clock;
    }

    static void routes(Supplier<CreationApi> api) {
        post("/client/config", Requests.handle(CreationApi::clientConfig));
        post("/client/dynamic_config", Requests.handle(ctx -> Requests.json(ctx, Map.of("refresh_interval_sec", 300))));
        post("/auth/token", Requests.handle(ctx -> api.get().authToken(ctx)));
        post("/telemetry", Requests.handle(ctx -> Requests.json(ctx, Map.of("status", "accepted"))));
        get("/healthz", Requests.handle(ctx -> Requests.json(ctx, Map.of("status", "ok"))));
        get("/get_server_capabilities", Requests.handle(ctx -> Requests.json(ctx, Map.of("supported_models", List.of()))));
        post("/create_session", Requests.handle(ctx -> api.get().createSession(ctx)));
        post("/session_heartbeat", Requests.handle(ctx -> api.get().heartbeat(ctx)));
        post("/create_model", Requests.handle(ctx -> api.get().createModel(ctx)));
        post("/save_weights", Requests.handle(ctx -> api.get().saveWeights(ctx, CheckpointKind.TRAINING)));
        post("/save_weights_for_sampler", Requests.handle(ctx -> api.get().saveWeights(ctx, CheckpointKind.SAMPLER)));
        post("/create_sampling_session", Requests.handle(ctx -> api.get().createSamplingSession(ctx)));
        post("/load_weights", Requests.handle(ctx -> api.get().loadWeights(ctx)));
        post("/get_info", Requests.handle(ctx -> api.get().getInfo(ctx)));
        post("/retrieve_future", Requests.handle(ctx -> api.get().retrieveFuture(ctx)));
    }

    /**
     * Feature flags: keys go straight in {@code X-API-Key} (no JWT exchange), and the SDK keeps its plain
     * httpx transport (so it does not need the optional pyqwest wheel).
     */
    private static void clientConfig(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pjwt_auth_enabled", false);
        body.put("credential_default_source", "api_key");
        body.put("use_pyqwest_transport", false);
        body.put("create_model_via_load_weights", false);
        Requests.json(ctx, body);
    }

    /** A platform JWT presented as the key is already what the exchange would give; a {@code tml-} key is not exchanged. */
    private void authToken(Context ctx) {
        requests.user(ctx);
        String key = ctx.header("X-API-Key");
        if (key == null || !key.strip().startsWith("eyJ")) {
            throw TinkerError.badRequest("This server takes keys directly in X-API-Key and does not exchange them for"
                    + " JWTs (client/config says pjwt_auth_enabled: false)");
        }
        Requests.json(ctx, Map.of("jwt", key.strip()));
    }

    private void createSession(Context ctx) {
        Caller caller = requests.caller(ctx);
        JsonNode body = Requests.body(ctx);
        String projectId = Requests.optionalString(body, "project_id").map(String::strip).orElse(null);
        if (projectId != null) {
            RestApi.requireProject(caller, projectId);
        }
        Session session = new Session(UUID.randomUUID().toString(), caller.userId(), projectId, clock.instant());
        sessions.create(session, Requests.strings(body, "tags"), Requests.stringMap(body, "user_metadata"),
                Requests.optionalString(body, "sdk_version").orElse(null));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("session_id", session.id());
        answer.put("type", "create_session");
        Requests.json(ctx, answer);
    }

    private void heartbeat(Context ctx) {
        Caller caller = requests.caller(ctx);
        String sessionId = Requests.string(Requests.body(ctx), "session_id");
        if (!sessions.heartbeat(caller, sessionId, clock.instant())) {
            throw TinkerError.notFound("Session not found: " + sessionId);
        }
        Requests.json(ctx, Map.of("type", "session_heartbeat"));
    }

    /** Registers a training run {@code <session>:train:<model_seq_id>} with its base model, LoRA settings and metadata. */
    private void createModel(Context ctx) {
        Caller caller = requests.caller(ctx);
        JsonNode body = Requests.body(ctx);
        Session session = sessions.require(caller, AccessScope.OWNED, Requests.string(body, "session_id"));
        long seq = nonNegative(body, "model_seq_id");
        String baseModel = Requests.string(body, "base_model");
        JsonNode lora = body.has("lora_config") && body.get("lora_config").isObject() ? body.get("lora_config")
                : JsonNodeFactory.instance.objectNode();
        Long rank = Requests.integer(lora, "rank");
        if (rank != null && rank < 1) {
            throw TinkerError.badRequest("lora_config.rank must be positive");
        }
        Instant now = clock.instant();
        TrainingRun run = runs.create(new TrainingRun(session.id() + ":train:" + seq, session.id(), caller.userId(),
                caller.username(), baseModel, rank == null ? 32 : rank.intValue(), Requests.bool(lora, "train_unembed", true),
                Requests.bool(lora, "train_mlp", true), Requests.bool(lora, "train_attn", true),
                Requests.stringMap(body, "user_metadata"), now, now));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model_id", run.id());
        result.put("type", "create_model");
        answerFuture(ctx, futures.complete(caller, null, now, () -> result), run.id());
    }

    /**
     * {@code save_weights} / {@code save_weights_for_sampler}: registers a checkpoint by name (409 when it exists
     * and {@code overwrite} is not true). Without a name, {@code save_weights_for_sampler} makes an ephemeral
     * sampler of the run instead.
     */
    private void saveWeights(Context ctx, CheckpointKind kind) {
        Caller caller = requests.caller(ctx);
        JsonNode body = Requests.body(ctx);
        String modelId = Requests.string(body, "model_id");
        TrainingRun run = runs.findOwned(caller, modelId)
                .orElseThrow(() -> TinkerError.notFound("Training run not found: " + modelId));
        Long seqId = Requests.integer(body, "seq_id");
        String type = kind == CheckpointKind.TRAINING ? "save_weights" : "save_weights_for_sampler";
        String dedupe = seqId == null ? null : modelId + "|" + type + "|" + seqId;
        String name = Requests.optionalString(body, "path").orElse(null);
        Supplier<Map<String, Object>> work;
        if (name == null && kind == CheckpointKind.SAMPLER) {
            long samplerSeq = nonNegative(body, "sampling_session_seq_id");
            work = () -> {
                Sampler sampler = sessions.createSampler(new Sampler(run.sessionId() + ":sample:" + samplerSeq,
                        run.sessionId(), caller.userId(), run.baseModel(), null), clock.instant());
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("path", null);
                result.put("sampling_session_id", sampler.id());
                result.put("type", type);
                return result;
            };
        } else {
            CheckpointRef ref = new CheckpointRef(modelId, kind, CheckpointRef.checkName(name));
            boolean overwrite = Requests.bool(body, "overwrite", false);
            Long ttl = Requests.integer(body, "ttl_seconds");
            work = () -> {
                Checkpoint saved = registry.save(caller, ref, overwrite, ttl);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("path", saved.ref().tinkerPath());
                result.put("type", type);
                return result;
            };
        }
        answerFuture(ctx, futures.complete(caller, dedupe, clock.instant(), work), modelId);
    }

    /** A sampler {@code <session>:sample:<k>} over a base model, or over checkpoint weights the caller may read. */
    private void createSamplingSession(Context ctx) {
        Caller caller = requests.caller(ctx);
        JsonNode body = Requests.body(ctx);
        Session session = sessions.require(caller, AccessScope.OWNED, Requests.string(body, "session_id"));
        long seq = nonNegative(body, "sampling_session_seq_id");
        String modelPath = Requests.optionalString(body, "model_path").orElse(null);
        String baseModel = Requests.optionalString(body, "base_model").orElse(null);
        if (modelPath != null) {
            Checkpoint checkpoint = registry.readable(caller, CheckpointRef.parse(modelPath));
            if (baseModel == null) {
                baseModel = runs.get(checkpoint.ref().runId()).map(TrainingRun::baseModel)
                        .orElseThrow(() -> Registry.notFound(checkpoint.ref()));
            }
        }
        if (baseModel == null) {
            throw TinkerError.badRequest("Give base_model or model_path (a tinker:// checkpoint path)");
        }
        Sampler sampler = sessions.createSampler(new Sampler(session.id() + ":sample:" + seq, session.id(), caller.userId(),
                baseModel, modelPath), clock.instant());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sampling_session_id", sampler.id());
        answer.put("type", "create_sampling_session");
        Requests.json(ctx, answer);
    }

    /**
     * Loads a checkpoint the caller may read into a run they own: here, a check that both exist (there are
     * no weights to move), so {@code create_training_client_from_state} completes.
     */
    private void loadWeights(Context ctx) {
        Caller caller = requests.caller(ctx);
        JsonNode body = Requests.body(ctx);
        String modelId = Requests.string(body, "model_id");
        runs.findOwned(caller, modelId).orElseThrow(() -> TinkerError.notFound("Training run not found: " + modelId));
        Checkpoint checkpoint = registry.readable(caller, CheckpointRef.parse(Requests.string(body, "path")));
        Long seqId = Requests.integer(body, "seq_id");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("path", checkpoint.ref().tinkerPath());
        result.put("model_id", modelId);
        result.put("type", "load_weights");
        answerFuture(ctx, futures.complete(caller, seqId == null ? null : modelId + "|load_weights|" + seqId,
                clock.instant(), () -> result), modelId);
    }

    /** {@code GetInfoResponse} of a run the caller owns; the base model names the model and its tokenizer. */
    private void getInfo(Context ctx) {
        Caller caller = requests.caller(ctx);
        String modelId = Requests.string(Requests.body(ctx), "model_id");
        TrainingRun run = runs.findOwned(caller, modelId)
                .orElseThrow(() -> TinkerError.notFound("Training run not found: " + modelId));
        Map<String, Object> modelData = new LinkedHashMap<>();
        modelData.put("model_name", run.baseModel());
        modelData.put("tokenizer_id", run.baseModel());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("model_id", run.id());
        answer.put("model_data", modelData);
        answer.put("is_lora", true);
        answer.put("lora_rank", run.loraRank());
        answer.put("model_name", run.baseModel());
        answer.put("type", "get_info");
        Requests.json(ctx, answer);
    }

    /** The result of a future; all of ours are complete when first polled, so there is no {@code try_again}. */
    private void retrieveFuture(Context ctx) {
        Caller caller = requests.caller(ctx);
        String requestId = Requests.string(Requests.body(ctx), "request_id");
        Requests.json(ctx, futures.result(caller, requestId)
                .orElseThrow(() -> TinkerError.notFound("No such request: " + requestId)));
    }

    private static long nonNegative(JsonNode body, String field) {
        Long value = Requests.integer(body, field);
        if (value == null || value < 0) {
            throw TinkerError.badRequest(field + " is required: an integer from 0");
        }
        return value;
    }

    private static void answerFuture(Context ctx, String requestId, String modelId) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("request_id", requestId);
        answer.put("model_id", modelId);
        Requests.json(ctx, answer);
    }
}
