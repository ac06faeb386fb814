package dev.mint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mint.server.test.TestDatabases;
import dev.mint.server.test.TestHttp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code mint serve} as its own process, as a person would, and talks to it over HTTP. */
class ServeCommandTest {
    private static final Pattern PASSWORD = Pattern.compile("generated password: (\\S+)");

    @TempDir
    Path dataDir;

    private final List<Process> processes = new ArrayList<>();
    private String postgresUrl;

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (postgresUrl != null) {
            TestDatabases.dropPostgresDatabase(postgresUrl);
        }
    }

    @Test
    void firstStartCreatesDataPrintsAdminPasswordAndServes() throws Exception {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("serve", "--port", String.valueOf(port), "--data-dir", dataDir.toString()));
        if (TestDatabases.postgres()) {
            postgresUrl = TestDatabases.createPostgresDatabase();
            args.addAll(List.of("--database-url", postgresUrl));
        }
        Output out = launch(args, Map.of());
        String log = out.awaitLine("Log in: curl -X POST", Duration.ofSeconds(60));
        assertThat(log).contains("listening on http://127.0.0.1:" + port).contains("Data directory: " + dataDir);
        Matcher password = PASSWORD.matcher(log);
        assertThat(password.find()).as("the generated admin password is printed:\n%s", log).isTrue();

        TestHttp http = new TestHttp("http://127.0.0.1:" + port);
        assertThat(http.get("/api/health", null).json().get("database").asText())
                .isEqualTo(TestDatabases.postgres() ? "postgresql" : "sqlite");
        var login = http.post("/api/auth/login", null, Map.of("username", "admin", "password", password.group(1)));
        assertThat(login.status()).isEqualTo(200);
        assertThat(Files.exists(dataDir.resolve("jwt-secret"))).isTrue();
        assertThat(Files.exists(dataDir.resolve("mint.db"))).isEqualTo(!TestDatabases.postgres());
    }

    @Test
    void environmentConfiguresPortAndAdminPasswordAndFlagsWin() throws Exception {
        int envPort = freePort();
        int flagPort = freePort();
        Map<String, String> env = Map.of("MINT_PORT", String.valueOf(envPort), "MINT_DATA_DIR", dataDir.toString(),
                "MINT_ADMIN_PASSWORD", "chosen-password-1", "MINT_JWT_TTL_MINUTES", "5");
        Output out = launch(List.of("serve", "--port", String.valueOf(flagPort)), env);
        String log = out.awaitLine("Log in: curl -X POST", Duration.ofSeconds(60));
        assertThat(log).contains("listening on http://127.0.0.1:" + flagPort).doesNotContain("generated password");

        TestHttp http = new TestHttp("http://127.0.0.1:" + flagPort);
        var login = http.post("/api/auth/login", null, Map.of("username", "admin", "password", "chosen-password-1"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("expires_in").asLong()).isEqualTo(300);
        assertThat(Files.exists(dataDir.resolve("mint.db"))).isTrue();
    }

    @Test
    void badConfigurationIsOneClearLineAndAFailingExitCode() throws Exception {
        Output out = launch(List.of("serve", "--data-dir", dataDir.toString()), Map.of("MINT_PORT", "eighty"));
        assertThat(out.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out.process.exitValue()).isEqualTo(ExitCodes.FAILURE);
        assertThat(out.all()).contains("mint: MINT_PORT must be a whole number, not 'eighty'").doesNotContain("\tat ");
    }

    @Test
    void unknownFlagIsAUsageError() throws Exception {
        Output out = launch(List.of("serve", "--no-such-flag"), Map.of());
        assertThat(out.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out.process.exitValue()).isEqualTo(ExitCodes.USAGE);
        assertThat(out.all()).contains("Unknown option: '--no-such-flag'");
    }

    private Output launch(List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MintCommand.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("MINT_"));
        builder.environment().put("XDG_DATA_HOME", dataDir.resolve("xdg").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        return new Output(process);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Collects a process's output as it comes. */
    private static final class Output {
        final Process process;
        private final StringBuffer text = new StringBuffer();
        private final Thread reader;

        Output(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        text.append(line).append('\n');
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** The output so far, once it contains {@code marker}. */
        String awaitLine(String marker, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !text.toString().contains(marker) && reader.isAlive()) {
                Thread.sleep(50);
            }
            String seen = text.toString();
            if (!seen.contains(marker)) {
                throw new AssertionError("No line containing '" + marker + "' within " + timeout + "; output:\n" + seen);
            }
            return seen;
        }

        /** All output of a process that has ended. */
        String all() throws InterruptedException {
            reader.join(30_000);
            return text.toString();
        }
    }
}
