package dev.mint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.client.CredentialsStore;
import dev.mint.client.HostCredentials;
import dev.mint.client.StoredCredentials;
import dev.mint.server.test.TestPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code mint tinker} against the platform's own Tinker plugin, over real HTTP. */
class TinkerCommandTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    TinkerFixtures fixtures;
    /** A member with one session, one run and a training and a sampler checkpoint. */
    String token;
    String session;
    String run;
    String weights;
    String sampler;
    Cli cli;

    @BeforeEach
    void aRunWithCheckpoints() {
        fixtures = new TinkerFixtures(platform);
        token = platform.userToken("tk-" + System.nanoTime(), "member");
        session = fixtures.session(token);
        run = fixtures.run(token, session, 0);
        weights = fixtures.save(token, run, "step-100");
        sampler = fixtures.saveForSampler(token, run, "step-100-sampler");
        cli = new Cli(home).loggedIn(platform.baseUrl(), token);
    }

    private Cli.Result ok(String... args) {
        Cli.Result result = cli.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    private static JsonNode json(Cli.Result result) throws Exception {
        return JSON.readTree(result.out());
    }

    /** Exits with {@code code} and one line on standard error, nothing on standard output. */
    private static Cli.Result fails(Cli.Result result, int code) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(code);
        assertThat(result.err()).as(result.toString()).startsWith("mint: ").hasLineCount(1);
        assertThat(result.out()).as(result.toString()).isEmpty();
        return result;
    }

    private JsonNode checkpoint(String tinkerPath) throws Exception {
        for (JsonNode checkpoint : json(ok("tinker", "checkpoints", run, "--json"))) {
            if (checkpoint.get("tinker_path").asText().equals(tinkerPath)) {
                return checkpoint;
            }
        }
        return null;
    }

    @Test
    void runsRunAndCheckpoints() throws Exception {
        Cli.Result runs = ok("tinker", "runs");
        assertThat(runs.out()).contains("RUN_ID").contains(run).contains("Qwen/Qwen3-8B").endsWith("1 of 1 runs\n");
        JsonNode runsJson = json(ok("tinker", "runs", "--json", "--limit", "5"));
        assertThat(runsJson).hasSize(1);
        assertThat(runsJson.get(0).get("training_run_id").asText()).isEqualTo(run);
        assertThat(json(ok("tinker", "runs", "--all", "--limit", "1", "--json"))).hasSize(1);

        assertThat(ok("tinker", "run", run).out()).contains("Base model:        Qwen/Qwen3-8B")
                .contains("LoRA rank:         16").contains("Last checkpoint:   " + weights).contains("Metadata:          experiment=sft-0");
        JsonNode one = json(ok("tinker", "run", run, "--json"));
        assertThat(one.get("is_lora").asBoolean()).isTrue();
        assertThat(one.get("lora_rank").asInt()).isEqualTo(16);

        // Whole tinker paths, longer than the cut of other tables, so they can be copied.
        assertThat(ok("tinker", "checkpoints", run).out()).contains(weights).contains(sampler).contains("sampler")
                .endsWith("2 checkpoints\n");
        JsonNode mine = json(ok("tinker", "checkpoints", "--json"));
        assertThat(mine).hasSize(2);
        assertThat(mine.findValuesAsText("checkpoint_type")).containsExactlyInAnyOrder("training", "sampler");
        assertThat(ok("tinker", "checkpoints", "--limit", "1").out()).endsWith("1 of 2 checkpoints\n");
        assertThat(json(ok("tinker", "checkpoints", "--all", "--limit", "1", "--json"))).hasSize(2);

        fails(cli.run("tinker", "checkpoints", run, "--limit", "5"), 2);
        fails(cli.run("tinker", "runs", "--limit", "0"), 2);
        fails(cli.run("tinker", "runs", "--all", "--offset", "3"), 2);
        fails(cli.run("tinker", "runs", "--scope", "everything"), 2);
        assertThat(fails(cli.run("tinker", "run", session + ":train:9"), 5).err()).contains(session + ":train:9");
        fails(cli.run("tinker", "checkpoints", session + ":train:9"), 5);
    }

    @Test
    void uploadThenDownloadGivesTheSameBytes() throws Exception {
        // 4 MiB: the download reads at most 1 MiB at a time, so no quarter is skipped.
        byte[] archive = new byte[4 * 1024 * 1024];
        new Random(7).nextBytes(archive);
        Path file = Files.write(home.resolve("step-100.tar"), archive);

        Cli.Result uploaded = ok("tinker", "upload", weights, file.toString());
        assertThat(uploaded.out()).isEqualTo("Uploaded " + file + " to " + weights + " (4.0 MiB)\n");
        // Not a terminal: plain progress lines on standard error, no carriage returns.
        assertThat(uploaded.err()).contains("Uploading 100% (4.0 MiB of 4.0 MiB)").doesNotContain("\r");
        JsonNode again = json(ok("tinker", "upload", weights, file.toString(), "--json"));
        assertThat(again.get("size_bytes").asLong()).isEqualTo(archive.length);
        assertThat(again.get("tinker_path").asText()).isEqualTo(weights);
        assertThat(ok("tinker", "checkpoints", run).out()).contains("4.0 MiB");

        Path dir = Files.createDirectory(home.resolve("downloads"));
        Cli.Result downloaded = ok("tinker", "download", weights, "-o", dir + "/");
        Path target = dir.resolve("step-100.tar");
        assertThat(downloaded.out()).isEqualTo("Downloaded " + weights + " to " + target + " (4.0 MiB)\n");
        assertThat(downloaded.err()).contains("Downloading 25%", "Downloading 50%", "Downloading 75%", "Downloading 100%");
        assertThat(Files.readAllBytes(target)).isEqualTo(archive);

        assertThat(fails(cli.run("tinker", "download", weights, "-o", dir.toString()), 6).err()).contains("--force");
        Cli.Result forced = ok("tinker", "download", weights, "-o", dir.resolve("copy.tar").toString(), "--json");
        assertThat(forced.err()).as("no progress noise with --json").isEmpty();
        JsonNode answer = json(forced);
        assertThat(answer.get("size_bytes").asLong()).isEqualTo(archive.length);
        assertThat(Files.readAllBytes(Path.of(answer.get("path").asText()))).isEqualTo(archive);
        ok("tinker", "download", weights, "-o", dir.toString(), "--force");

        // No archive yet, an unreadable file, someone else's checkpoint.
        fails(cli.run("tinker", "download", sampler, "-o", dir.resolve("none.tar").toString()), 5);
        assertThat(Files.exists(dir.resolve("none.tar"))).isFalse();
        fails(cli.run("tinker", "upload", weights, home.resolve("missing.tar").toString()), 1);
        Cli other = new Cli(home.resolve("other")).loggedIn(platform.baseUrl(), platform.userToken("tk-other-" + System.nanoTime(), "member"));
        // The server answers once the body is sent, so the progress lines come before the error.
        Cli.Result refused = other.run("tinker", "upload", weights, file.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(5);
        assertThat(refused.err().lines().reduce((a, b) -> b).orElse("")).startsWith("mint: Training run not found");
        fails(other.run("tinker", "download", weights, "-o", dir.resolve("theirs.tar").toString()), 5);
    }

    @Test
    void publishUnpublishTtlAndDelete() throws Exception {
        Cli other = new Cli(home.resolve("other")).loggedIn(platform.baseUrl(), platform.userToken("tk-pub-" + System.nanoTime(), "member"));
        fails(other.run("tinker", "run", run, "--scope", "accessible"), 5);

        assertThat(ok("tinker", "publish", weights).out()).isEqualTo("Published " + weights + "\n");
        assertThat(checkpoint(weights).get("public").asBoolean()).isTrue();
        assertThat(other.run("tinker", "run", run, "--scope", "accessible").exitCode()).isZero();
        fails(other.run("tinker", "publish", weights), 5);   // not the owner: as if it did not exist
        fails(other.run("tinker", "delete", weights, "--yes"), 5);
        assertThat(ok("tinker", "unpublish", weights).out()).isEqualTo("Unpublished " + weights + "\n");
        assertThat(checkpoint(weights).get("public").asBoolean()).isFalse();

        ok("tinker", "ttl", weights, "--seconds", "3600");
        assertThat(checkpoint(weights).get("expires_at").isNull()).isFalse();
        assertThat(ok("tinker", "checkpoints", run).out()).contains(Output.time(Instant.now().plusSeconds(3600)).substring(0, 10));
        ok("tinker", "ttl", weights, "--clear");
        assertThat(checkpoint(weights).get("expires_at").isNull()).isTrue();
        fails(cli.run("tinker", "ttl", weights), 2);
        fails(cli.run("tinker", "ttl", weights, "--seconds", "5", "--clear"), 2);
        fails(cli.run("tinker", "ttl", weights, "--seconds", "0"), 2);
        fails(cli.run("tinker", "ttl", weights, "--seconds", String.valueOf(200L * 365 * 24 * 3600)), 2);   // the server's limit

        assertThat(fails(cli.run("tinker", "delete", weights), 2).err()).contains("--yes");
        assertThat(checkpoint(weights)).isNotNull();
        assertThat(ok("tinker", "delete", weights, "--yes").out()).isEqualTo("Deleted " + weights + "\n");
        assertThat(checkpoint(weights)).isNull();
        fails(cli.run("tinker", "delete", weights, "-y"), 5);
        fails(cli.run("tinker", "publish", weights), 5);
    }

    @Test
    void sessions() throws Exception {
        String second = fixtures.session(token);
        Cli.Result list = ok("tinker", "sessions");
        assertThat(list.out()).startsWith("SESSION_ID\n").contains(session).contains(second).endsWith("2 sessions\n");
        JsonNode ids = json(ok("tinker", "sessions", "--json"));
        assertThat(ids).hasSize(2);
        assertThat(ids.get(0).asText()).isEqualTo(second);   // newest first
        assertThat(json(ok("tinker", "sessions", "--limit", "1", "--offset", "1", "--json")).get(0).asText()).isEqualTo(session);
        assertThat(json(ok("tinker", "sessions", "--all", "--limit", "1", "--json"))).hasSize(2);

        JsonNode one = json(ok("tinker", "session", session, "--json"));
        assertThat(one.get("training_run_ids").get(0).asText()).isEqualTo(run);
        assertThat(ok("tinker", "session", session).out()).contains("TRAINING_RUN_ID").contains(run).contains("SAMPLER_ID");
        fails(cli.run("tinker", "session", "no-such-session"), 5);
    }

    @Test
    void auditNeedsTheRole() throws Exception {
        ok("tinker", "publish", weights);
        Cli admin = new Cli(home.resolve("admin")).loggedIn(platform.baseUrl(), platform.adminToken());
        JsonNode today = json(admin.run("tinker", "audit", "--json"));
        assertThat(today.findValuesAsText("tinker_path")).contains(weights);
        assertThat(today.findValuesAsText("event")).contains("CHECKPOINT_CREATED", "CHECKPOINT_PUBLISHED");
        assertThat(admin.run("tinker", "audit").out()).contains("CHECKPOINT_PUBLISHED").contains(weights);
        assertThat(json(admin.run("tinker", "audit", "--day", "2001-02-03", "--json"))).isEmpty();
        fails(admin.run("tinker", "audit", "--day", "yesterday"), 2);

        assertThat(fails(cli.run("tinker", "audit"), 4).err()).contains("tinker-admin");

        // The plugin role is enough, without being a platform admin.
        long userId = platform.http().get("/api/users/me", token).json().get("id").asLong();
        assertThat(platform.http().put("/api/admin/plugin-roles/tinker/" + userId, platform.adminToken(),
                Map.of("role", "tinker-admin")).status()).isIn(200, 201, 204);
        assertThat(json(ok("tinker", "audit", "--json")).findValuesAsText("tinker_path")).contains(weights);
    }

    @Test
    void helpNamesEverySubcommand() {
        Cli.Result help = ok("tinker", "--help");
        for (String command : new String[] {"runs", "run", "checkpoints", "download", "upload", "publish", "unpublish", "ttl",
            "delete", "sessions", "session", "audit"}) {
            assertThat(help.out()).containsPattern("(?m)^  " + command + " ");
        }
        assertThat(ok("tinker", "download", "--help").out()).contains("--base-url").contains("--url").contains("--force");
    }

    private Cli storedWithPastExpiry(String name, String storedToken) {
        Cli stale = new Cli(home.resolve(name));
        CredentialsStore.forEnvironment(stale.environment()).save(StoredCredentials.empty().withHost(platform.baseUrl(),
                HostCredentials.bearer(storedToken, "test", Instant.now().minusSeconds(60))));
        return stale;
    }

    @Test
    void credentialsAndBadInputs() {
        // A malformed path fails before any request: this platform URL answers nothing (that would be exit 7).
        Cli nowhere = new Cli(home.resolve("nowhere")).loggedIn("http://127.0.0.1:1", token);
        for (String command : new String[] {"publish", "unpublish", "delete", "download"}) {
            assertThat(fails(nowhere.run("tinker", command, "tinker://" + run + "/checkpoints/x"), 2).err())
                    .contains("Invalid tinker path");
        }
        fails(nowhere.run("tinker", "ttl", "weights/step-100", "--clear"), 2);
        fails(nowhere.run("tinker", "upload", "not-a-path", "file.tar"), 2);
        assertThat(fails(nowhere.run("tinker", "runs"), 7).err()).contains("127.0.0.1:1");

        fails(new Cli(home.resolve("anonymous")).run("tinker", "runs"), 3);
        fails(new Cli(home.resolve("forged")).loggedIn(platform.baseUrl(), "eyJnot.a.jwt").run("tinker", "runs"), 3);
        // A stored token past its recorded expiry goes through the platform first, which refreshes it or says no.
        assertThat(storedWithPastExpiry("stale", token).run("tinker", "runs").out()).contains(run);
        assertThat(fails(storedWithPastExpiry("dead", "eyJnot.a.jwt").run("tinker", "runs"), 3).err()).doesNotContain("tinker");

        // An explicit Tinker URL needs its own key: the platform token is never sent elsewhere.
        String tinkerUrl = platform.baseUrl() + "/api/tinker";
        assertThat(fails(cli.run("tinker", "runs", "--base-url", tinkerUrl), 3).err()).contains("TINKER_API_KEY");
        Cli byKey = new Cli(home.resolve("key")).env("TINKER_BASE_URL", tinkerUrl).env("TINKER_API_KEY", fixtures.tinkerKey(token));
        assertThat(byKey.run("tinker", "runs").out()).contains(run);
        // TINKER_API_KEY also serves the platform's Tinker, and --url beats TINKER_BASE_URL.
        assertThat(byKey.run("tinker", "runs", "--url", platform.baseUrl()).out()).contains(run);
        fails(byKey.run("tinker", "runs", "--url", "http://127.0.0.1:1"), 7);
        fails(byKey.env("TINKER_API_KEY", "wrong-prefix").run("tinker", "runs"), 3);
    }
}
