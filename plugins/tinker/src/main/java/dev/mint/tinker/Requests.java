package dev.mint.tinker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mint.sdk.PlatformContext;
import dev.mint.sdk.PluginException;
import dev.mint.sdk.RequestIds;
import dev.mint.sdk.WireJson;
import dev.mint.sdk.data.User;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Tinker route needs: the caller from {@code X-API-Key} (or {@code Authorization: Bearer}),
 * request bodies and path parts, JSON answers, and every failure as {@code {"detail": ...}}.
 */
final class Requests {
    private static final Logger LOG = LoggerFactory.getLogger(Requests.class);

    private final Supplier<PlatformContext> platform;

    Requests(Supplier<PlatformContext> platform) {
        this.platform = platform;
    }

    /** Runs {@code handler}, answering every failure with {@code {"detail": ...}} and never an empty body. */
    static Handler handle(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (TinkerError e) {
                detail(ctx, e.status(), e.getMessage());
            } catch (HttpResponseException e) {
                detail(ctx, e.getStatus(), e.getMessage() == null || e.getMessage().isBlank() ? "Request refused"
                        : e.getMessage());
            } catch (PluginException e) {
                detail(ctx, e.httpStatus(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Tinker request {} {} failed", ctx.method(), ctx.path(), e);
                detail(ctx, 500, "The request failed on the server (request id " + RequestIds.current(ctx) + ")");
            }
        };
    }

    /**
     * An error answer. A 4xx other than 408 and 429 is permanent, so it says {@code x-should-retry: false}: the
     * SDKs otherwise retry a 409 (and the Java client any 409) for minutes before raising it.
     */
    static void detail(Context ctx, int status, String detail) {
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            ctx.header("x-should-retry", "false");
        }
        ctx.status(status).contentType("application/json").result(WireJson.write(Map.of("detail", detail)));
    }

    /** Where clients reach this server: the configured public URL, else the scheme and host the request used. */
    static String baseUrl(Context ctx, String publicUrl) {
        if (!publicUrl.isBlank()) {
            return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        }
        String host = ctx.host();
        return ctx.scheme() + "://" + (host == null ? ctx.req().getLocalName() + ":" + ctx.port() : host);
    }

    static void json(Context ctx, Object body) {
        ctx.status(200).contentType("application/json").result(WireJson.write(body));
    }

    /** An empty success for endpoints whose body the SDK never reads. */
    static void ok(Context ctx) {
        json(ctx, Map.of());
    }

    /** The authenticated caller, or 401 saying how to authenticate. */
    Caller caller(Context ctx) {
        User user = user(ctx);
        List<String> projects = context().projectIdsOf(user.id()).stream().map(String::valueOf).toList();
        return new Caller(user.id(), user.username(), projects);
    }

    /** The platform user behind the request's credential. */
    User user(Context ctx) {
        if (ctx.header("X-API-Key") == null && ctx.header("Authorization") == null) {
            throw TinkerError.unauthorized("Send your key as X-API-Key: tml-... (create one with POST /api/users/me/tokens"
                    + " and {\"kind\": \"tinker\"}), or a platform token");
        }
        try {
            return context().requireUser(ctx);
        } catch (RuntimeException e) {
            throw TinkerError.unauthorized("The key is not valid on this server (unknown, revoked or expired)");
        }
    }

    PlatformContext context() {
        PlatformContext current = platform.get();
        if (current == null) {
            throw TinkerError.unauthorized("Tinker runs only inside the platform, which issues its keys");
        }
        return current;
    }

    /** The request's JSON object; an empty body reads as {@code {}}. */
    static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode node = WireJson.MAPPER.readTree(text);
            if (!node.isObject()) {
                throw TinkerError.badRequest("The request body must be a JSON object");
            }
            WireJson.nulCharacterAt(node).ifPresent(path -> {
                String field = path.stream().map(String::valueOf).collect(Collectors.joining("."));
                throw TinkerError.badRequest("The request body holds a NUL character (\\u0000) in " + field
                        + ", which cannot be stored");
            });
            return node;
        } catch (JsonProcessingException e) {
            throw TinkerError.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A required string field. */
    static String string(JsonNode body, String field) {
        return optionalString(body, field).orElseThrow(() -> TinkerError.badRequest(field + " is required"));
    }

    static Optional<String> optionalString(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw TinkerError.badRequest(field + " must be a non-empty string");
        }
        return Optional.of(node.asText());
    }

    /** An integer field, or null when absent or null. */
    static Long integer(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw TinkerError.badRequest(field + " must be an integer");
        }
        return node.asLong();
    }

    static boolean bool(JsonNode body, String field, boolean fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw TinkerError.badRequest(field + " must be true or false");
        }
        return node.asBoolean();
    }

    /** A map of strings ({@code user_metadata}), or null. */
    static Map<String, String> stringMap(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw TinkerError.badRequest(field + " must be an object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (var entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw TinkerError.badRequest(field + "." + entry.getKey() + " must be a string");
            }
            map.put(entry.getKey(), entry.getValue().asText());
        }
        return map;
    }

    static List<String> strings(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw TinkerError.badRequest(field + " must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> {
            if (!v.isTextual()) {
                throw TinkerError.badRequest(field + " must be a list of strings");
            }
            values.add(v.asText());
        });
        return values;
    }

    /** The checkpoint named by the path parameters {@code run_id}, {@code kind}, {@code name}. */
    static CheckpointRef checkpoint(Context ctx) {
        return CheckpointRef.of(ctx.pathParam("run_id"), ctx.pathParam("kind"), ctx.pathParam("name"));
    }
}
