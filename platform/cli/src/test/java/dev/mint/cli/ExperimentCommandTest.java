package dev.mint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.server.test.TestPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ExperimentCommandTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    Cli cli;

    @BeforeEach
    void logIn() {
        cli = new Cli(home).loggedIn(platform.baseUrl(), platform.adminToken());
    }

    private Cli.Result ok(String... args) {
        Cli.Result result = cli.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    private long createdId(Cli.Result created) {
        String out = created.out();
        return Long.parseLong(out.substring("Created experiment ".length(), out.indexOf(' ', "Created experiment ".length())));
    }

    @Test
    void createGetUpdateDelete() throws Exception {
        Cli.Result created = ok("experiment", "create", "Dose response", "--type", "dose_response", "--notes", "first",
                "--tag", "cell=HeLa", "--tag", "dose=0.5");
        long id = createdId(created);
        assertThat(created.out()).matches("Created experiment \\d+ \\(EXP-\\d{3,}\\) Dose response\\n");

        Cli.Result shown = ok("experiment", "get", String.valueOf(id));
        assertThat(shown.out()).contains("Name:        Dose response").contains("Type:        dose_response")
                .contains("Status:      planned").contains("cell=HeLa").contains("by admin");
        JsonNode json = JSON.readTree(ok("experiment", "get", String.valueOf(id), "--json").out());
        assertThat(json.get("tags").get("dose").asText()).isEqualTo("0.5");
        assertThat(json.get("experiment_type").asText()).isEqualTo("dose_response");

        assertThat(ok("experiment", "update", String.valueOf(id), "--status", "completed").out())
                .startsWith("Updated experiment " + id);
        assertThat(JSON.readTree(ok("experiment", "get", String.valueOf(id), "--json").out()).get("status").asText())
                .isEqualTo("completed");
        Cli.Result nothing = cli.run("experiment", "update", String.valueOf(id));
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).startsWith("mint: Nothing to update");

        Cli.Result refused = cli.run("experiment", "delete", String.valueOf(id));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("Pass --yes to confirm");
        assertThat(ok("experiment", "delete", String.valueOf(id), "--yes").out()).isEqualTo("Deleted experiment " + id + "\n");
        Cli.Result gone = cli.run("experiment", "get", String.valueOf(id));
        assertThat(gone.exitCode()).isEqualTo(5);
        assertThat(gone.err()).matches("mint: Experiment " + id + " not found \\(request id [^)]+\\)\\n");
    }

    @Test
    void listShowsATableWithTotalsAndWalksAllPages() throws Exception {
        String marker = "cli-list-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            ok("experiment", "create", marker + "-" + i);
        }
        Cli.Result page = ok("experiment", "list", "--search", marker, "--limit", "2", "--sort-by", "name", "--order", "asc");
        assertThat(page.out().lines().findFirst().orElseThrow()).startsWith("ID").contains("CODE", "NAME", "TYPE", "STATUS", "PROJECT", "CREATED");
        assertThat(page.out()).contains(marker + "-0").contains(marker + "-1").doesNotContain(marker + "-2")
                .endsWith("2 of 5 experiments\n");
        Cli.Result all = ok("experiment", "list", "--search", marker, "--limit", "2", "--all");
        assertThat(all.out()).contains(marker + "-4").endsWith("5 experiments\n");
        JsonNode json = JSON.readTree(ok("experiment", "list", "--search", marker, "--limit", "2", "--all", "--json").out());
        assertThat(json).hasSize(5);
        assertThat(JSON.readTree(ok("experiment", "list", "--search", marker, "--status", "completed", "--json").out())).isEmpty();
        assertThat(cli.run("experiment", "list", "--limit", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void typesDataAndResults(@TempDir Path files) throws Exception {
        assertThat(ok("experiment", "types").out()).contains("dose_response").contains("custom");
        assertThat(JSON.readTree(ok("experiment", "types", "--json").out()).get(0).has("value")).isTrue();

        long id = createdId(ok("experiment", "create", "With data"));
        Path design = files.resolve("design.json");
        Files.writeString(design, "{\"wells\": [{\"id\": \"A1\"}], \"plate\": \"96\"}");
        assertThat(ok("experiment", "data", String.valueOf(id), "--save", design.toString(), "--plugin", "panel-designer").out())
                .startsWith("Plugin: panel-designer   schema 1.0");
        assertThat(ok("experiment", "data", String.valueOf(id)).out()).contains("\"plate\" : \"96\"");
        assertThat(JSON.readTree(ok("experiment", "data", String.valueOf(id), "--json").out()).get("plugin_id").asText())
                .isEqualTo("panel-designer");
        Cli.Result noPlugin = cli.run("experiment", "data", String.valueOf(id), "--save", design.toString());
        assertThat(noPlugin.exitCode()).isEqualTo(2);
        Files.writeString(files.resolve("bad.json"), "{oops");
        Cli.Result bad = cli.run("experiment", "data", String.valueOf(id), "--save", files.resolve("bad.json").toString(),
                "--plugin", "panel-designer");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("mint: " + files.resolve("bad.json") + " is not a JSON object");
        assertThat(ok("experiment", "data", String.valueOf(id), "--delete").out()).startsWith("Deleted the design data");
        assertThat(cli.run("experiment", "data", String.valueOf(id)).exitCode()).isEqualTo(5);

        Cli.Result saved = cli.runWithInput("{\"ic50\": 0.42}", "experiment", "results", String.valueOf(id),
                "--plugin", "ic50-fit", "--save", "-");
        assertThat(saved.exitCode()).as(saved.toString()).isZero();
        assertThat(ok("experiment", "results", String.valueOf(id)).out()).contains("ic50-fit").contains("ic50");
        assertThat(ok("experiment", "results", String.valueOf(id), "--plugin", "ic50-fit").out()).contains("\"ic50\" : 0.42");
        assertThat(JSON.readTree(ok("experiment", "results", String.valueOf(id), "--json").out())).hasSize(1);
        assertThat(ok("experiment", "results", String.valueOf(id), "--plugin", "ic50-fit", "--delete").out())
                .startsWith("Deleted the ic50-fit result");
        assertThat(cli.run("experiment", "results", String.valueOf(id), "--delete").exitCode()).isEqualTo(2);
    }

    @Test
    void badInputIsOneLineWithTheRightExitCode() {
        Cli.Result notANumber = cli.run("experiment", "get", "abc");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).hasLineCount(1).startsWith("mint: Invalid value for positional parameter at index 0 (ID): 'abc' is not a long")
                .endsWith("(see 'mint experiment get --help')\n");
        Cli.Result invalid = cli.run("experiment", "create", "x", "--status", "exploded");
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err()).hasLineCount(1);
        String viewer = platform.userToken("cli-viewer", "viewer");
        Cli.Result forbidden = new Cli(home.resolve("viewer")).loggedIn(platform.baseUrl(), viewer)
                .run("experiment", "create", "nope");
        assertThat(forbidden.exitCode()).isEqualTo(4);
        assertThat(forbidden.err()).startsWith("mint: ").hasLineCount(1);
    }

    @Test
    void environmentBeatsTheCredentialsFile() throws Exception {
        Cli other = new Cli(home.resolve("env-user")).loggedIn(platform.baseUrl(), "not-a-valid-token")
                .env("MINT_TOKEN", platform.adminToken());
        Cli.Result listed = other.run("experiment", "list");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Cli.Result unreachable = new Cli(home.resolve("down")).env("MINT_URL", "http://127.0.0.1:" + closedPort)
                .env("MINT_TOKEN", "x").run("experiment", "list");
        assertThat(unreachable.exitCode()).isEqualTo(7);
        assertThat(unreachable.err()).hasLineCount(1)
                .startsWith("mint: Cannot reach http://127.0.0.1:" + closedPort + "/api/experiments");
    }
}
