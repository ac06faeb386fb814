package dev.mint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.server.test.TestPlatform;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ProjectCommandTest {
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

    private long create(String name, String... more) throws Exception {
        String[] args = new String[4 + more.length];
        args[0] = "project";
        args[1] = "create";
        args[2] = name;
        args[3] = "--json";
        System.arraycopy(more, 0, args, 4, more.length);
        return JSON.readTree(ok(args).out()).get("id").asLong();
    }

    @Test
    void createGetUpdateArchiveDelete() throws Exception {
        long id = create("Oncology Q1", "--description", "HeLa panel", "--restricted");
        assertThat(ok("project", "get", String.valueOf(id)).out()).contains("Name:        Oncology Q1")
                .contains("Description: HeLa panel").contains("Visibility:  restricted").contains("(you: owner)");
        assertThat(ok("project", "update", String.valueOf(id), "--name", "Oncology Q2").out()).isEqualTo("Updated project " + id + " Oncology Q2\n");
        assertThat(cli.run("project", "update", String.valueOf(id)).exitCode()).isEqualTo(2);
        assertThat(ok("project", "archive", String.valueOf(id)).out()).startsWith("Archived project " + id);
        assertThat(JSON.readTree(ok("project", "get", String.valueOf(id), "--json").out()).get("status").asText()).isEqualTo("archived");
        assertThat(cli.run("project", "create", "oncology q2").exitCode()).isEqualTo(6);
        assertThat(cli.run("project", "delete", String.valueOf(id)).exitCode()).isEqualTo(2);
        assertThat(ok("project", "delete", String.valueOf(id), "-y").out()).contains("and its experiments");
        assertThat(cli.run("project", "get", String.valueOf(id)).exitCode()).isEqualTo(5);
    }

    @Test
    void listExperimentsAndMembers() throws Exception {
        String marker = "cli-proj-" + System.nanoTime();
        long id = create(marker + "-a");
        create(marker + "-b");
        Cli.Result list = ok("project", "list", "--search", marker, "--limit", "1");
        assertThat(list.out()).contains("VISIBILITY").endsWith("1 of 2 projects\n");
        assertThat(ok("project", "list", "--search", marker, "--limit", "1", "--all").out()).endsWith("2 projects\n");
        assertThat(JSON.readTree(ok("project", "list", "--search", marker, "--json", "--mine").out())).hasSize(2);

        for (int i = 0; i < 3; i++) {
            ok("experiment", "create", "in-project-" + i, "--project-id", String.valueOf(id));
        }
        assertThat(ok("project", "experiments", String.valueOf(id), "--limit", "2").out()).endsWith("2 of 3 experiments\n");
        JsonNode all = JSON.readTree(ok("project", "experiments", String.valueOf(id), "--all", "--limit", "2", "--json").out());
        assertThat(all).hasSize(3);

        long bob = platform.createUser("cli-bob", "member").get("id").asLong();
        assertThat(ok("project", "members", String.valueOf(id), "--add", String.valueOf(bob), "--role", "editor").out())
                .isEqualTo("cli-bob is now editor of project " + id + "\n");
        assertThat(ok("project", "members", String.valueOf(id)).out()).contains("cli-bob").contains("editor").contains("admin");
        assertThat(JSON.readTree(ok("project", "members", String.valueOf(id), "--json").out())).hasSize(2);
        assertThat(cli.run("project", "members", String.valueOf(id), "--add", String.valueOf(bob)).exitCode()).isEqualTo(2);
        assertThat(ok("project", "members", String.valueOf(id), "--remove", String.valueOf(bob)).out()).startsWith("Removed user");
    }

    @Test
    void viewerCannotCreateProjects() {
        Cli viewer = new Cli(home.resolve("viewer")).loggedIn(platform.baseUrl(), platform.userToken("cli-proj-viewer", "viewer"));
        Cli.Result refused = viewer.run("project", "create", "nope");
        assertThat(refused.exitCode()).isEqualTo(4);
        assertThat(refused.err()).startsWith("mint: ").hasLineCount(1);
    }
}
