package dev.mint.testing;

import dev.mint.sdk.AnalysisPlugin;
import dev.mint.sdk.ErrorResponses;
import dev.mint.sdk.PlatformContext;
import dev.mint.sdk.PluginMount;
import dev.mint.sdk.RequestIds;
import dev.mint.sdk.WireJson;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A plugin served on a loopback port the way the platform serves it: mounted by {@link PluginMount} at
 * {@code /api{routesPrefix}}, with the platform's request ids, error envelope and JSON mapper, after
 * {@link AnalysisPlugin#open} with the given context. A plugin with tables of its own (it declares
 * {@code requiresSharedDatabase} or has migrations) first gets a fresh SQLite database in a temporary
 * directory with its migrations applied: as the {@link RecordingContext}'s shared database, or as its
 * standalone database without a context. Close it to stop the server, close the plugin and delete that
 * database.
 */
public final class TestApp implements AutoCloseable {
    private final AnalysisPlugin plugin;
    private final Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();

    private final TemporaryDatabase database;

    private TestApp(AnalysisPlugin plugin, Javalin app, TemporaryDatabase database) {
        this.plugin = plugin;
        this.app = app;
        this.database = database;
    }

    static TestApp start(AnalysisPlugin plugin, PlatformContext context, Map<String, String> environment) {
        TemporaryDatabase database = TemporaryDatabase.forPlugin(plugin, context);
        try {
            plugin.open(context, environment);
        } catch (RuntimeException e) {
            TemporaryDatabase.close(plugin, database);
            throw e;
        }
        try {
            Javalin app = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.router.ignoreTrailingSlashes = true;
                cfg.jsonMapper(new JavalinJackson(WireJson.MAPPER, false));
                cfg.routes.before(RequestIds::assign);
                cfg.routes.after(ctx -> RequestIds.clear());
                ErrorResponses.register(cfg.routes);
                cfg.routes.get("/health", ctx -> ctx.json(plugin.checkHealth().toMap()));
                PluginMount.mount(cfg.routes, plugin, context);
            }).start("127.0.0.1", 0);
            return new TestApp(plugin, app, database);
        } catch (RuntimeException e) {
            plugin.close();
            TemporaryDatabase.close(plugin, database);
            throw e;
        }
    }

    public AnalysisPlugin plugin() {
        return plugin;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public TestResponse get(String path) {
        return send("GET", path, null, Map.of());
    }

    public TestResponse post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public TestResponse put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    public TestResponse patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    public TestResponse delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** Any request; a non-String body is sent as JSON, a String as it is. */
    public TestResponse send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : WireJson.write(body));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TestResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted calling " + path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            plugin.close();
            TemporaryDatabase.close(plugin, database);
        }
    }
}
