package dev.mint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.sdk.LocalDatabaseConfig;
import dev.mint.sdk.StandaloneApp;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin developer's commands on real projects: {@code mint init} writes two (analysis and
 * experiment-design), Maven builds them and runs their generated tests, then {@code info}, {@code doctor},
 * {@code build}, {@code dev}, and the round trip to a platform through {@code mint plugin install} and a restart.
 */
class PluginProjectCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    static Path analysis;
    static Path design;
    static Cli cli;

    @BeforeAll
    static void generateAndBuild() throws Exception {
        cli = new Cli(work.resolve("home"));
        analysis = work.resolve("plate-notes");
        design = work.resolve("design-notes");
        ok(cli.run("init", analysis.toString(), "--description", "Notes on plates"));
        ok(cli.run("init", design.toString(), "--type", "experiment-design", "--package", "org.lab.design"));
        maven(analysis);
        maven(design);
    }

    /** {@code mvn package} in {@code project}: compiles the plugin and runs its generated test. */
    private static void maven(Path project) throws Exception {
        Process mvn = new ProcessBuilder("mvn", "-o", "-B", "-q", "package").directory(project.toFile())
                .redirectErrorStream(true).start();
        String output = new String(mvn.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(mvn.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(mvn.exitValue()).as("mvn package in %s (the SDK must be installed: mvn install)%n%s", project, output)
                .isZero();
    }

    private static Cli.Result ok(Cli.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    private static Path copy(Path project, String name, boolean withTarget) throws IOException {
        Path target = work.resolve(name);
        try (Stream<Path> files = Files.walk(project)) {
            for (Path file : files.toList()) {
                Path relative = project.relativize(file);
                if (!withTarget && relative.startsWith("target")) {
                    continue;
                }
                Path to = target.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }

    @Test
    void initWritesAProjectWhoseOwnTestsPass() throws Exception {
        assertThat(analysis.resolve("src/main/java/com/example/platenotes/PlateNotesPlugin.java")).exists();
        assertThat(design.resolve("src/main/java/org/lab/design/migrations/V1CreateNotes.java")).exists();
        assertThat(Files.readString(analysis.resolve("pom.xml"))).contains("<scope>provided</scope>")
                .contains("<mint.version>" + dev.mint.server.Version.CURRENT + "</mint.version>");
        for (Path project : List.of(analysis, design)) {
            try (Stream<Path> reports = Files.list(project.resolve("target/surefire-reports"))) {
                String report = Files.readString(reports.filter(f -> f.toString().endsWith(".txt")).findFirst().orElseThrow());
                assertThat(report).contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0");
            }
        }
    }

    @Test
    void initRefusesBadInput() throws Exception {
        assertThat(cli.run("init", analysis.toString()).err()).contains("is not empty");
        assertThat(cli.run("init", work.resolve("x").toString(), "--name", "Bad_Name").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("init", work.resolve("y").toString(), "--type", "dashboard").err()).contains("--type must be");
        assertThat(cli.run("init", work.resolve("z").toString(), "--package", "Not.A.Package").err())
                .contains("not a Java package");
        assertThat(cli.run("init").err()).contains("Give a directory or --name");
        assertThat(work.resolve("x")).doesNotExist();
    }

    @Test
    void infoDescribesAProjectAJarAndABundle() throws Exception {
        assertThat(ok(cli.run("info", analysis.toString())).out()).contains("Name:          plate-notes")
                .contains("Routes:        /api/plate-notes").contains("Description:   Notes on plates");
        JsonNode info = JSON.readTree(ok(cli.run("info", design.toString(), "--json")).out());
        assertThat(info.get("plugin_type").asText()).isEqualTo("experiment_design");
        assertThat(info.get("migrations").get(0).asInt()).isEqualTo(1);
        assertThat(info.get("capabilities").toString()).contains("requires_shared_database");
        assertThat(ok(cli.run("info", analysis.resolve("target/plate-notes-0.1.0.jar").toString())).out())
                .contains("Version:       0.1.0");
        assertThat(cli.run("info", work.resolve("missing").toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void doctorPassesAGeneratedProjectAndSaysWhatIsWrongWithOthers() throws Exception {
        Cli.Result healthy = cli.run("doctor", design.toString());
        assertThat(healthy.exitCode()).as(healthy.toString()).isZero();
        assertThat(healthy.out()).contains("✓ 1 migration(s) apply to a fresh database").contains("No problems");

        Path empty = Files.createDirectories(work.resolve("empty"));
        Cli.Result noPom = cli.run("doctor", empty.toString());
        assertThat(noPom.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(noPom.out()).contains("✗ No pom.xml");

        Path unbuilt = copy(analysis, "unbuilt", false);
        assertThat(ok(cli.run("doctor", unbuilt.toString())).out()).contains("! Not built yet");

        Path wrongEntry = copy(analysis, "wrong-entry", true);
        Files.writeString(wrongEntry.resolve("src/main/resources/META-INF/services/dev.mint.sdk.AnalysisPlugin"),
                "org.nowhere.Missing\n");
        Cli.Result broken = cli.run("doctor", wrongEntry.toString());
        assertThat(broken.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(broken.out()).contains("✗ META-INF/services/dev.mint.sdk.AnalysisPlugin names org.nowhere.Missing")
                .contains("1 problem(s)");
    }

    @Test
    void buildRefusesUnbuiltProjectsAndJarsCarryingTheSdk() throws Exception {
        Path unbuilt = copy(analysis, "unbuilt-for-build", false);
        assertThat(cli.run("build", unbuilt.toString()).err()).contains("run mvn package first");

        Path fat = copy(analysis, "fat", true);
        Path jar = fat.resolve("target/plate-notes-0.1.0.jar");
        Path rewritten = fat.resolve("target/rewritten.jar");
        try (ZipFile original = new ZipFile(jar.toFile());
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(rewritten))) {
            for (var entry : original.stream().toList()) {
                out.putNextEntry(new JarEntry(entry.getName()));
                original.getInputStream(entry).transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("dev/mint/sdk/AnalysisPlugin.class"));
            out.closeEntry();
        }
        Files.move(rewritten, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(cli.run("build", fat.toString()).err()).contains("contains the MINT SDK");
    }

    @Test
    void buildInstallRestartAndTheRoutesAnswer() throws Exception {
        assertThat(ok(cli.run("build", analysis.toString())).out()).contains("plate-notes 0.1.0 at /api/plate-notes");
        ok(cli.run("build", design.toString(), "--output-dir", "out"));
        Path analysisBundle = analysis.resolve("dist/plate-notes-0.1.0.mint");
        Path designBundle = design.resolve("out/design-notes-0.1.0.mint");
        assertThat(ok(cli.run("info", designBundle.toString())).out()).contains("Name:          design-notes");

        try (TestPlatform platform = TestPlatform.start(b -> b.pluginsDir(work.resolve("platform-plugins")))) {
            Cli admin = new Cli(work.resolve("admin-home")).loggedIn(platform.baseUrl(), platform.adminToken());
            assertThat(ok(admin.run("plugin", "install", analysisBundle.toString())).out()).contains("Restart the platform");
            ok(admin.run("plugin", "install", designBundle.toString()));

            platform.restart();

            TestHttp http = platform.http();
            TestHttp.Response hello = http.get("/api/plate-notes/hello", platform.adminToken());
            assertThat(hello.status()).as(hello.toString()).isEqualTo(200);
            assertThat(hello.json().get("plugin").asText()).isEqualTo("plate-notes");
            assertThat(http.send("POST", "/api/design-notes/experiments/3/notes", platform.adminToken(), "weigh twice",
                    Map.of("Content-Type", "text/plain")).status()).isEqualTo(201);
            assertThat(http.get("/api/design-notes/experiments/3/notes", platform.adminToken()).json().get("notes").get(0)
                    .asText()).isEqualTo("weigh twice");
            JsonNode listed = JSON.readTree(ok(new Cli(work.resolve("admin-home")).loggedIn(platform.baseUrl(),
                    platform.adminToken()).run("plugin", "list", "--json")).out());
            assertThat(listed.toString()).contains("\"name\":\"plate-notes\"").contains("\"status\":\"ready\"");
        }
    }

    @Test
    void devServesTheProjectAndReloadsWhenItsClassesChange() throws Exception {
        Path project = copy(analysis, "dev-copy", true);
        StringWriter out = new StringWriter();
        DevServer server = new DevServer(PluginProject.at(project), "127.0.0.1", 0,
                StandaloneApp.Options.defaults().withDatabase(LocalDatabaseConfig.in(work.resolve("dev-db"))),
                new PrintWriter(out, true), new PrintWriter(out, true));
        Thread runner = new Thread(() -> {
            try {
                server.run();
            } catch (InterruptedException ignored) {
                // stopped
            }
        });
        runner.start();
        try {
            await(() -> server.starts() == 1);
            assertThat(get(server.port(), "/api/plate-notes/hello")).contains("Hello from plate-notes");
            assertThat(get(server.port(), "/health")).contains("healthy");

            Path source = project.resolve("src/main/java/com/example/platenotes/PlateNotesPlugin.java");
            Files.writeString(source, Files.readString(source).replace("\"Hello from \"", "\"Reloaded: \""));
            assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-cp", System.getProperty("java.class.path"),
                    "-d", project.resolve("target/classes").toString(), source.toString())).isZero();

            await(() -> server.starts() == 2);
            assertThat(get(server.port(), "/api/plate-notes/hello")).contains("Reloaded: plate-notes");
            assertThat(out.toString()).contains("Classes changed: reloading");
        } finally {
            server.close();
            runner.join(10_000);
        }
        assertThat(runner.isAlive()).isFalse();
        deleteTree(project);
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
