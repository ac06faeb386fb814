package dev.mint.sdk;

import io.javalin.apibuilder.EndpointGroup;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A group of a plugin's routes and the sub-prefix they mount under: the platform mounts them at
 * {@code /api{routesPrefix}{subPrefix}}. Routes are declared with Javalin's {@code ApiBuilder}:
 *
 * <pre>{@code
 * import static io.javalin.apibuilder.ApiBuilder.*;
 *
 * public List<PluginRouter> routers() {
 *     return List.of(PluginRouter.of(() -> {
 *         get("/health", ctx -> ctx.json(Map.of("ok", true)));
 *         post("/runs", this::createRun);
 *     }));
 * }
 * }</pre>
 */
public record PluginRouter(String subPrefix, EndpointGroup endpoints) {
    private static final Pattern SUB_PREFIX = Pattern.compile("(/[A-Za-z0-9._~-]+)*");

    public PluginRouter {
        Objects.requireNonNull(subPrefix, "subPrefix == null");
        Objects.requireNonNull(endpoints, "endpoints == null");
        if (!SUB_PREFIX.matcher(subPrefix).matches()) {
            throw new ValidationException("Router sub-prefix '" + subPrefix + "' must be empty or like /v1 (no trailing slash)",
                    "sub_prefix", subPrefix);
        }
    }

    /** Routes directly under the plugin's prefix. */
    public static PluginRouter of(EndpointGroup endpoints) {
        return new PluginRouter("", endpoints);
    }

    public static PluginRouter at(String subPrefix, EndpointGroup endpoints) {
        return new PluginRouter(subPrefix, endpoints);
    }
}
