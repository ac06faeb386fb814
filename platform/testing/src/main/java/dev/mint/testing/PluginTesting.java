package dev.mint.testing;

import dev.mint.sdk.AnalysisPlugin;
import dev.mint.sdk.PlatformContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The plugin test harness: {@link #makeTestPlugin}, {@link #buildTestApp}, {@link RecordingContext} and
 * {@link #writeStandalonePluginModule}.
 */
public final class PluginTesting {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    private PluginTesting() {
    }

    /** Starts building a plugin inline; name {@code name}, prefix {@code /name}, type ANALYSIS. */
    public static TestPluginBuilder makeTestPlugin(String name) {
        return new TestPluginBuilder(name);
    }

    /** Serves {@code plugin} with a new {@link RecordingContext}. */
    public static TestApp buildTestApp(AnalysisPlugin plugin) {
        return buildTestApp(plugin, new RecordingContext());
    }

    /** Serves {@code plugin} with {@code context} (null: standalone). Settings overrides are not read from the environment. */
    public static TestApp buildTestApp(AnalysisPlugin plugin, PlatformContext context) {
        return TestApp.start(plugin, context, Map.of());
    }

    public static TestApp buildTestApp(AnalysisPlugin plugin, PlatformContext context, Map<String, String> environment) {
        return TestApp.start(plugin, context, environment);
    }

    /**
     * Writes a single-file Java program that runs a plugin named {@code name} standalone and returns its
     * path. Run it with the test's classpath: {@code java -cp <classpath> <file> <port>}; it serves
     * {@code GET /api/<name>/health} ({@code {"status": "ok", "plugin": name}}) and {@code GET /health},
     * and prints {@code listening on <port>} once ready. For tests that manage plugin processes.
     */
    public static Path writeStandalonePluginModule(Path directory, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be a lowercase slug starting with a letter: " + name);
        }
        String className = toClassName(name) + "Main";
        String source = """
                import static io.javalin.apibuilder.ApiBuilder.get;

                import dev.mint.sdk.AnalysisPlugin;
                import dev.mint.sdk.LocalDatabaseConfig;
                import dev.mint.sdk.PlatformContext;
                import dev.mint.sdk.PluginMetadata;
                import dev.mint.sdk.PluginRouter;
                import dev.mint.sdk.StandaloneApp;
                import java.nio.file.Files;
                import java.util.List;
                import java.util.Map;

                /** A standalone plugin written by PluginTesting.writeStandalonePluginModule. */
                public class %1$s {
                    public static void main(String[] args) throws Exception {
                        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
                        AnalysisPlugin plugin = new AnalysisPlugin() {
                            public PluginMetadata metadata() {
                                return PluginMetadata.builder("%2$s", "0.0.1").description("Standalone test plugin").build();
                            }

                            public List<PluginRouter> routers() {
                                return List.of(PluginRouter.of(() -> get("/health",
                                        ctx -> ctx.json(Map.of("status", "ok", "plugin", "%2$s")))));
                            }

                            public void initialize(PlatformContext context) {
                            }

                            public void shutdown() {
                            }
                        };
                        var options = StandaloneApp.Options.defaults()
                                .withDatabase(LocalDatabaseConfig.in(Files.createTempDirectory("%2$s-db")));
                        var app = StandaloneApp.create(plugin, options).start("127.0.0.1", port);
                        System.out.println("listening on " + app.port());
                    }
                }
                """.formatted(className, name);
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(className + ".java");
            Files.writeString(file, source);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String toClassName(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("-")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
