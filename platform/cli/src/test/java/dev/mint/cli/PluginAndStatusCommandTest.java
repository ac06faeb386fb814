package dev.mint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.sdk.PluginMetadata;
import dev.mint.server.plugins.PluginInfo;
import dev.mint.server.test.TestPlatform;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PluginAndStatusCommandTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    Cli cli;

    @BeforeAll
    static void plugins() {
        platform.server().plugins().register(PluginInfo.ready(PluginMetadata.builder("minima", "1.0.0").build()));
        platform.server().plugins().register(PluginInfo.failed(PluginMetadata.builder("broken", "0.2.0").build(), "boom at start"));
    }

    @BeforeEach
    void logIn() {
        cli = new Cli(home).loggedIn(platform.baseUrl(), platform.adminToken());
    }

    private Cli.Result ok(String... args) {
        Cli.Result result = cli.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    @Test
    void pluginListAndConfig(@TempDir Path files) throws Exception {
        assertThat(ok("plugin", "list").out()).contains("broken").contains("failed").contains("boom at start")
                .contains("minima").contains("/minima");
        // minima and broken as registered here, and tinker, found on the command's class path
        assertThat(JSON.readTree(ok("plugin", "list", "--json").out())).extracting(p -> p.get("name").asText())
                .containsExactlyInAnyOrder("broken", "minima", "tinker");

        assertThat(ok("plugin", "config", "get", "minima").out()).startsWith("Plugin: minima   revision 0");
        Cli.Result set = ok("plugin", "config", "set", "minima", "tradeoff=5", "providers=[\"openai\"]", "label=fast lane");
        assertThat(set.out()).contains("revision 1").contains("\"tradeoff\" : 5").contains("\"label\" : \"fast lane\"");
        JsonNode config = JSON.readTree(ok("plugin", "config", "get", "minima", "--json").out());
        assertThat(config.get("config").get("providers").get(0).asText()).isEqualTo("openai");
        assertThat(ok("plugin", "config", "set", "minima", "--unset", "label").out()).doesNotContain("fast lane");

        Path file = files.resolve("config.json");
        Files.writeString(file, "{\"only\": true}");
        assertThat(ok("plugin", "config", "set", "minima", "--file", file.toString(), "--replace", "--revision", "2").out())
                .contains("revision 3").contains("\"only\" : true").doesNotContain("tradeoff");
        Cli.Result stale = cli.run("plugin", "config", "set", "minima", "--file", file.toString(), "--replace", "--revision", "2");
        assertThat(stale.exitCode()).isEqualTo(6);
        assertThat(stale.err()).isEqualTo("mint: The configuration of minima changed (now revision 3); run `mint plugin config get minima` and try again\n");
        assertThat(cli.run("plugin", "config", "set", "minima").exitCode()).isEqualTo(2);
        assertThat(cli.run("plugin", "config", "set", "minima", "novalue").exitCode()).isEqualTo(2);
        assertThat(cli.run("plugin", "config", "get", "nope").exitCode()).isEqualTo(5);
    }

    @Test
    void statusShowsHostUserHealthAndPlugins() throws Exception {
        Cli.Result status = ok("status");
        assertThat(status.out()).contains("Host:     " + platform.baseUrl()).contains("Platform: reachable, version ")
                .contains("User:     admin (admin)").contains("Token:    valid, expires ")
                .contains("  broken 0.2.0 (failed)").contains("  minima 1.0.0 (ready)");
        JsonNode json = JSON.readTree(ok("status", "--json").out());
        assertThat(json.get("reachable").asBoolean()).isTrue();
        assertThat(json.get("user").asText()).isEqualTo("admin");
        assertThat(json.get("plugins")).hasSize(3);

        Cli anonymous = new Cli(home.resolve("anon")).env("MINT_URL", platform.baseUrl());
        Cli.Result notLoggedIn = anonymous.run("status");
        assertThat(notLoggedIn.exitCode()).isZero();
        assertThat(notLoggedIn.out()).contains("User:     not logged in (run `mint auth login`)");
    }

    @Test
    void statusOfAnUnreachablePlatformIsExit7() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Cli.Result down = new Cli(home.resolve("down")).env("MINT_URL", "http://127.0.0.1:" + closedPort).run("status");
        assertThat(down.exitCode()).isEqualTo(7);
        assertThat(down.out()).contains("Platform: unreachable (Cannot reach http://127.0.0.1:" + closedPort + "/api/health");
        assertThat(down.err()).isEmpty();
    }

    @Test
    void completionScriptAndHelpEverywhere() {
        Cli.Result completion = ok("completion");
        assertThat(completion.out()).contains("complete -F").contains("mint").contains("experiment").contains("plugin");
        for (String[] command : new String[][] {{"--help"}, {"auth", "login", "--help"}, {"experiment", "list", "--help"},
                {"project", "members", "--help"}, {"plugin", "config", "set", "--help"}, {"status", "--help"}}) {
            Cli.Result help = cli.run(command);
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).startsWith("Usage: mint");
        }
        assertThat(ok("experiment", "list", "--help").out()).contains("--url=URL");
    }

    @Test
    void pluginInstallAndUninstall(@TempDir Path files) throws Exception {
        Path jar = dev.mint.server.test.PluginJars.build(files.resolve("build"),
                dev.mint.server.test.PluginJars.helloSource("cli-hello", "1.0.0"), files.resolve("cli-hello.jar"), true);
        Path bundle = files.resolve("cli-hello-1.0.0.mint");
        dev.mint.server.plugins.PluginBundle.write(jar, PluginMetadata.builder("cli-hello", "1.0.0").build(), "test", bundle);

        assertThat(ok("plugin", "install", bundle.toString()).out())
                .contains("Installed cli-hello 1.0.0 at /api/cli-hello").contains("Restart the platform");
        Cli.Result again = cli.run("plugin", "install", bundle.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(again.err()).contains("force=true");
        assertThat(JSON.readTree(ok("plugin", "install", bundle.toString(), "--force", "--json").out())
                .get("replaced_version").asText()).isEqualTo("1.0.0");
        assertThat(cli.run("plugin", "install", files.resolve("none.mint").toString()).err()).contains("No such file");

        assertThat(cli.run("plugin", "uninstall", "cli-hello").err()).contains("--yes");
        assertThat(cli.run("plugin", "uninstall", "cli-hello", "--data", "shred", "--yes").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ok("plugin", "uninstall", "cli-hello", "--data", "archive", "--yes").out())
                .startsWith("Uninstalled cli-hello 1.0.0; it had no tables to archive");
        assertThat(cli.run("plugin", "uninstall", "cli-hello", "--yes").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli.run("plugin", "uninstall", "minima", "--yes").exitCode()).isEqualTo(ExitCodes.CONFLICT);
    }
}
