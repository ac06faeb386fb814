package dev.mint.sdk;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mint.sdk.migrations.MigrationOps;
import dev.mint.sdk.migrations.PluginMigration;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneAppTest {
    record Settings(@Setting(min = 1) int greetings, String greeting) {
        public static Settings defaults() {
            return new Settings(1, "hello");
        }
    }

    /** A plugin as an author would write it: routes, a migration, settings, a frontend. */
    static final class NotesPlugin extends AnalysisPlugin {
        final AtomicInteger initialized = new AtomicInteger();
        final AtomicInteger shutdowns = new AtomicInteger();
        final Path frontend;

        NotesPlugin(Path frontend) {
            this.frontend = frontend;
        }

        @Override
        public PluginMetadata metadata() {
            return PluginMetadata.builder("notes", "1.0.0").description("Notes").build();
        }

        @Override
        public List<PluginRouter> routers() {
            return List.of(PluginRouter.of(() -> {
                get("/greeting", ctx -> ctx.json(Map.of("text", settings(Settings.class).greeting(),
                        "standalone", isStandalone(), "request_id", PluginLogger.currentRequestId().orElse(""))));
                post("/notes", ctx -> {
                    String body = ctx.bodyAsClass(Map.class).get("body").toString();
                    PluginDatabase db = pluginDatabase();
                    db.jdbi().useHandle(h -> h.execute("INSERT INTO " + db.table("notes") + " (body) VALUES (?)", body));
                    ctx.status(201).json(Map.of("saved", body));
                });
                get("/notes/count", ctx -> ctx.json(Map.of("count", pluginDatabase().jdbi().withHandle(
                        h -> h.createQuery("SELECT COUNT(*) FROM notes").mapTo(Integer.class).one()))));
                get("/missing", ctx -> {
                    throw new NotFoundException("Note 42 not found", "note", "42");
                });
                get("/broken", ctx -> {
                    throw new IllegalStateException("secret internals");
                });
            }), PluginRouter.at("/v2", () -> get("/ping", ctx -> ctx.result("pong"))));
        }

        @Override
        public void initialize(PlatformContext context) {
            assertThat(context).isNull();
            initialized.incrementAndGet();
        }

        @Override
        public void shutdown() {
            shutdowns.incrementAndGet();
        }

        @Override
        public List<PluginMigration> migrations() {
            return List.of(new PluginMigration() {
                @Override
                public int version() {
                    return 1;
                }

                @Override
                public String name() {
                    return "notes table";
                }

                @Override
                public void upgrade(MigrationOps ops) {
                    ops.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
                }
            });
        }

        @Override
        public java.util.Optional<PluginSettings<? extends Record>> settingsModel() {
            return java.util.Optional.of(PluginSettings.of(Settings.class));
        }

        @Override
        public java.util.Optional<Path> frontendDir() {
            return java.util.Optional.ofNullable(frontend);
        }
    }

    @TempDir
    Path dir;
    private Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private NotesPlugin start() throws Exception {
        Path frontend = Files.createDirectories(dir.resolve("dist"));
        Files.writeString(frontend.resolve("index.html"), "<html>notes ui</html>");
        Files.writeString(frontend.resolve("app.js"), "console.log('notes')");
        NotesPlugin plugin = new NotesPlugin(frontend);
        app = StandaloneApp.create(plugin, new StandaloneApp.Options(LocalDatabaseConfig.in(dir.resolve("db")),
                Map.of("MINT_PLUGIN_NOTES_GREETING", "hi there"), true)).start("127.0.0.1", 0);
        return plugin;
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void mountsRoutesUnderApiPrefixWithSettingsAndLocalDatabase() throws Exception {
        NotesPlugin plugin = start();
        assertThat(plugin.initialized).hasValue(1);

        HttpResponse<String> greeting = send("GET", "/api/notes/greeting", null);
        assertThat(greeting.statusCode()).isEqualTo(200);
        assertThat(greeting.body()).contains("\"text\":\"hi there\"").contains("\"standalone\":true");
        String requestId = greeting.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(greeting.body()).contains("\"request_id\":\"" + requestId + "\"");

        assertThat(send("POST", "/api/notes/notes", "{\"body\": \"first\"}").statusCode()).isEqualTo(201);
        assertThat(send("GET", "/api/notes/notes/count", null).body()).isEqualTo("{\"count\":1}");
        assertThat(send("GET", "/api/notes/v2/ping", null).body()).isEqualTo("pong");
        assertThat(Files.exists(dir.resolve("db/data.db"))).isTrue();

        app.stop();
        app = null;
        assertThat(plugin.shutdowns).hasValue(1);
    }

    @Test
    void healthFrontendAndErrors() throws Exception {
        start();
        assertThat(send("GET", "/health", null).body()).startsWith("{\"status\":\"healthy\",\"checked_at\":");
        assertThat(send("GET", "/", null).body()).isEqualTo("<html>notes ui</html>");
        assertThat(send("GET", "/app.js", null).body()).contains("console.log");
        assertThat(send("GET", "/some/client/route", null).body()).isEqualTo("<html>notes ui</html>");

        HttpResponse<String> missing = send("GET", "/api/notes/missing", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).startsWith("{\"error\":\"NOT_FOUND\"");

        HttpResponse<String> broken = send("GET", "/api/notes/broken", null);
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).contains("INTERNAL_ERROR").doesNotContain("secret internals");

        HttpResponse<String> noRoute = send("GET", "/api/notes/nothing-here", null);
        assertThat(noRoute.statusCode()).isEqualTo(404);
        assertThat(noRoute.body()).contains("No route for GET /api/notes/nothing-here");
    }
}
