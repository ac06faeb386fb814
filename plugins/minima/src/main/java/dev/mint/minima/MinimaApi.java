package dev.mint.minima;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mint.minima.engine.ModelCard;
import dev.mint.sdk.PlatformContext;
import dev.mint.sdk.WireJson;
import dev.mint.sdk.data.User;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of Minima under {@code /api/minima/v1}: authentication by any platform credential (an
 * {@code mbt_} key, an API token or a session), request validation in the upstream API's shapes, and every
 * error as {@code application/problem+json} (or FastAPI's validation list).
 */
final class MinimaApi {
    private static final Logger LOG = LoggerFactory.getLogger(MinimaApi.class);
    static final List<String> HONORED_CONSTRAINTS = List.of("candidate_models", "excluded_models", "max_cost_per_call",
            "min_quality", "require_prompt_caching", "max_latency_ms", "require_context_window", "allowed_providers");

    private final Supplier<PlatformContext> context;
    private final Recommendations recommendations;
    private final Feedbacks feedbacks;
    private final Insights insights;
    private final CatalogHolder catalog;
    private final Scopes scopes;
    private final String version;
    private final String embedder;

    MinimaApi(Supplier<PlatformContext> context, Recommendations recommendations, Feedbacks feedbacks, Insights insights,
              CatalogHolder catalog, Scopes scopes, String version, String embedder) {
        this.context = context;
        this.recommendations = recommendations;
        this.feedbacks = feedbacks;
        this.insights = insights;
        this.catalog = catalog;
        this.scopes = scopes;
        this.version = version;
        this.embedder = embedder;
    }

    /** The routes, relative to {@code /api/minima/v1}. */
    static void routes(Supplier<MinimaApi> api) {
        post("/recommend", handle(ctx -> api.get().recommend(ctx)));
        post("/recommend/workflow", handle(ctx -> api.get().workflow(ctx)));
        post("/feedback", handle(ctx -> api.get().feedback(ctx)));
        get("/models", handle(ctx -> api.get().models(ctx)));
        get("/strategies", handle(ctx -> api.get().strategies(ctx)));
        get("/savings", handle(ctx -> api.get().savings(ctx)));
        get("/health", handle(ctx -> api.get().health(ctx)));
        get("/capabilities", handle(ctx -> api.get().capabilities(ctx)));
        put("/catalog", handle(ctx -> api.get().changeCatalog(ctx)));
    }

    /** Runs {@code handler}, answering every failure in the API's error shapes. */
    static Handler handle(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (Problem problem) {
                answer(ctx, problem);
            } catch (RuntimeException e) {
                LOG.error("Minima request {} {} failed", ctx.method(), ctx.path(), e);
                answer(ctx, Problem.of(500, "Internal Server Error", "the request failed; see the server log (request id "
                        + dev.mint.sdk.RequestIds.current(ctx) + ")"));
            }
        };
    }

    private static void answer(Context ctx, Problem problem) throws JsonProcessingException {
        ctx.status(problem.status()).contentType(problem.isValidation() ? "application/json" : "application/problem+json")
                .result(WireJson.MAPPER.writeValueAsString(problem.body()));
    }

    private void recommend(Context ctx) {
        long account = account(ctx);
        ctx.json(recommendations.recommend(account, body(ctx)));
    }

    private void workflow(Context ctx) {
        long account = account(ctx);
        ctx.json(recommendations.workflow(account, body(ctx)));
    }

    private void feedback(Context ctx) {
        long account = account(ctx);
        ctx.json(feedbacks.feedback(account, body(ctx)));
    }

    /** The catalog, filtered; open to anyone, as upstream. Sorted by input price. */
    private void models(Context ctx) {
        Body query = new Body("query");
        String provider = ctx.queryParam("provider");
        String type = query.choice(text(ctx, "task_type"), List.of("task_type"), RecommendRequests.TASK_TYPES);
        Double maxCost = query.number(number(ctx, "max_cost"), List.of("max_cost"), 0.0, null, false);
        query.bool(bool(ctx, "include_stale"), List.of("include_stale"));
        query.check();
        CatalogHolder.Current current = catalog.current();
        List<Map<String, Object>> cards = new ArrayList<>();
        current.catalog().models().stream()
                .filter(m -> provider == null || m.provider().equalsIgnoreCase(provider))
                .filter(m -> type == null || m.capabilityByTaskType().containsKey(type))
                .filter(m -> maxCost == null || Math.max(m.inputCostPerMtok(), m.outputCostPerMtok()) <= maxCost)
                .sorted(Comparator.comparingDouble(ModelCard::inputCostPerMtok))
                .forEach(m -> cards.add(card(m)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("models", cards);
        body.put("catalog_version", current.catalog().version());
        body.put("refreshed_at", null);
        body.put("stale", false);
        ctx.json(body);
    }

    static Map<String, Object> card(ModelCard m) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("model_id", m.modelId());
        card.put("provider", m.provider());
        card.put("display_name", m.displayName());
        card.put("input_cost_per_mtok", m.inputCostPerMtok());
        card.put("output_cost_per_mtok", m.outputCostPerMtok());
        card.put("cache_read_cost_per_mtok", m.cacheReadCostPerMtok());
        card.put("supports_prompt_caching", m.supportsPromptCaching());
        card.put("context_window", m.contextWindow());
        card.put("max_output_tokens", m.maxOutputTokens());
        card.put("capability_priors", m.capabilityPriors());
        card.put("capability_by_task_type", m.capabilityByTaskType());
        card.put("cost_source", m.costSource());
        card.put("cost_fetched_at", null);
        card.put("cost_stale", false);
        card.put("capability_source", m.capabilitySource());
        return card;
    }

    private void strategies(Context ctx) {
        long account = account(ctx);
        Body query = new Body("query");
        Integer max = query.integer(number(ctx, "max_strategies"), List.of("max_strategies"), 1L, 50L);
        query.check();
        ctx.json(insights.strategies(account, ctx.queryParam("namespace"), max == null ? 5 : max));
    }

    private void savings(Context ctx) {
        long account = account(ctx);
        Body query = new Body("query");
        Double days = query.number(number(ctx, "days"), List.of("days"), 0.0, 365.0, true);
        String groupBy = query.choice(text(ctx, "group_by"), List.of("group_by"), List.of("cluster", "task_type", "lane"));
        query.check();
        ctx.json(insights.savings(account, ctx.queryParam("namespace"), days == null ? 30 : days, groupBy));
    }

    /** Always 200: liveness, and with a valid key the caller's account. */
    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("auth", "platform");
        Long account = null;
        if (ctx.header("Authorization") != null) {
            try {
                account = account(ctx);
            } catch (Problem unknownKey) {
                // health answers anyway; the key just names no account
            }
        }
        body.put("account", account == null ? Map.of("scope", "unauthenticated") : Map.of("org_id", String.valueOf(account)));
        body.put("embedder", Map.of("id", embedder, "loaded", true));
        CatalogHolder.Current current = catalog.current();
        body.put("catalog", Map.of("version", current.catalog().version(), "models", current.catalog().size(),
                "custom", current.custom(), "stale", false));
        body.put("memory", Map.of("loaded_outcomes", scopes.loadedOutcomes()));
        body.put("version", version);
        ctx.json(body);
    }

    private void capabilities(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("plan", false);
        body.put("workflow", true);
        body.put("api_version", version);
        body.put("honored_constraints", HONORED_CONSTRAINTS);
        body.put("task_types", RecommendRequests.TASK_TYPES);
        ctx.json(body);
    }

    /** {@code PUT /v1/catalog}: platform admins extend or replace the catalog. */
    private void changeCatalog(Context ctx) {
        PlatformContext platform = context.get();
        Long userId = null;
        if (platform != null) {
            User user = user(ctx, platform);
            if (!user.isAdmin()) {
                throw Problem.of(403, "Forbidden", "changing the catalog needs a platform admin");
            }
            userId = user.id();
        }
        CatalogHolder.Current current = catalog.change(body(ctx), userId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("catalog_version", current.catalog().version());
        body.put("models", current.catalog().models().stream().map(ModelCard::modelId).toList());
        ctx.json(body);
    }

    /**
     * The account of the caller: the platform user its bearer credential belongs to. Running standalone
     * (no platform) there is one account, 0.
     */
    private long account(Context ctx) {
        PlatformContext platform = context.get();
        return platform == null ? 0 : user(ctx, platform).id();
    }

    private static User user(Context ctx, PlatformContext platform) {
        String header = ctx.header("Authorization");
        if (header == null || !header.strip().regionMatches(true, 0, "bearer ", 0, 7) || header.strip().length() <= 7) {
            throw Problem.unauthorized("pass your key as: Authorization: Bearer <key> (an mbt_ key from"
                    + " POST /api/users/me/tokens with kind minima, or any platform token)");
        }
        try {
            return platform.requireUser(ctx);
        } catch (RuntimeException e) {
            throw Problem.unauthorized("Authorization bearer token is not a valid key of this platform");
        }
    }

    private static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = WireJson.MAPPER.readTree(text);
            WireJson.nulCharacterAt(node).ifPresent(path -> {
                Body body = new Body("body");
                body.error(path, "string_nul", "Text must not contain a NUL character (\\u0000), which cannot be stored",
                        null, null);
                body.check();
            });
            return node;
        } catch (JsonProcessingException e) {
            Body body = new Body("body");
            body.error(List.of((int) e.getLocation().getCharOffset()), "json_invalid", "JSON decode error",
                    JsonNodeFactory.instance.objectNode(), Map.of("error", e.getOriginalMessage()));
            body.check();
            return null;
        }
    }

    private static JsonNode text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? null : JsonNodeFactory.instance.textNode(value);
    }

    /** A query parameter as a number node when it reads as one, else as text (reported by the validator). */
    private static JsonNode number(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return null;
        }
        try {
            return value.matches("-?\\d+") ? JsonNodeFactory.instance.numberNode(Long.parseLong(value))
                    : JsonNodeFactory.instance.numberNode(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return JsonNodeFactory.instance.textNode(value);
        }
    }

    private static JsonNode bool(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> JsonNodeFactory.instance.booleanNode(true);
            case "false", "0", "no" -> JsonNodeFactory.instance.booleanNode(false);
            default -> JsonNodeFactory.instance.textNode(value);
        };
    }
}
