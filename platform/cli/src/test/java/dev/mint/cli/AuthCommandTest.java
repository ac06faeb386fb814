package dev.mint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mint.client.CredentialsStore;
import dev.mint.client.HostCredentials;
import dev.mint.client.StoredCredentials;
import dev.mint.server.test.TestPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AuthCommandTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();

    @TempDir
    Path home;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(home);
    }

    private Path credentials() {
        return home.resolve(".config/mld/credentials.json");
    }

    @Test
    void loginPromptsStoresTokenPrivatelyAndBecomesTheDefaultHost() throws Exception {
        Cli.Result login = cli.runWithInput(platform.baseUrl() + "\nadmin\n" + TestPlatform.ADMIN_PASSWORD + "\n", "auth", "login");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.out()).contains("Logged in to " + platform.baseUrl() + " as admin (token expires ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials()))).isEqualTo("rw-------");
        StoredCredentials stored = CredentialsStore.at(credentials()).load().orElseThrow();
        assertThat(stored.defaultHost()).contains(platform.baseUrl());
        assertThat(stored.forHost(platform.baseUrl()).orElseThrow().username()).contains("admin");

        Cli.Result status = cli.run("auth", "status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("Host:    " + platform.baseUrl()).contains("User:    admin (admin)")
                .contains("Token:   valid, expires ");
        Cli.Result json = cli.run("auth", "status", "--json");
        assertThat(json.out()).contains("\"username\" : \"admin\"").contains("\"token_valid\" : true");

        String before = stored.forHost(platform.baseUrl()).orElseThrow().accessToken();
        Thread.sleep(1_100);
        Cli.Result refresh = cli.run("auth", "refresh");
        assertThat(refresh.exitCode()).as(refresh.toString()).isZero();
        assertThat(CredentialsStore.at(credentials()).load().orElseThrow().forHost(platform.baseUrl()).orElseThrow()
                .accessToken()).isNotEqualTo(before);

        Cli.Result logout = cli.run("auth", "logout");
        assertThat(logout.out()).isEqualTo("Logged out of " + platform.baseUrl() + "\n");
        assertThat(CredentialsStore.at(credentials()).load().orElseThrow().hosts()).isEmpty();
        Cli.Result again = cli.run("auth", "logout", "--url", platform.baseUrl());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).startsWith("Not logged in to ");
    }

    @Test
    void loginWithFlagsAndPasswordFromStdin() {
        Cli.Result login = cli.runWithInput(TestPlatform.ADMIN_PASSWORD + "\n", "auth", "login", "--url", platform.baseUrl(),
                "--username", "admin", "--password-stdin");
        assertThat(login.exitCode()).as(login.toString()).isZero();
    }

    @Test
    void wrongPasswordIsOneLineAndExit3() {
        Cli.Result login = cli.runWithInput("nope\n", "auth", "login", "--url", platform.baseUrl(), "--username", "admin");
        assertThat(login.exitCode()).isEqualTo(3);
        assertThat(login.err()).matches("mint: Invalid credentials \\(request id [^)]+\\)\\n");
        assertThat(Files.exists(credentials())).isFalse();
    }

    @Test
    void statusWithoutLoginSaysSoWithExit3() {
        Cli.Result status = cli.run("auth", "status");
        assertThat(status.exitCode()).isEqualTo(3);
        assertThat(status.err()).isEqualTo("mint: No platform configured: run `mint auth login`, pass --url, or set MINT_URL\n");
        Cli.Result withUrl = cli.run("auth", "status", "--url", platform.baseUrl());
        assertThat(withUrl.exitCode()).isEqualTo(3);
        assertThat(withUrl.err()).startsWith("mint: Not logged in to " + platform.baseUrl());
    }

    @Test
    void expiredOrGarbageStoredTokenIsExit3() {
        CredentialsStore.forEnvironment(cli.environment()).save(StoredCredentials.empty()
                .withHost(platform.baseUrl(), HostCredentials.bearer("eyJ.not.valid", "admin", null)));
        Cli.Result status = cli.run("auth", "status");
        assertThat(status.exitCode()).isEqualTo(3);
        assertThat(status.err()).startsWith("mint: ").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void tokenExpiredBeyondTheRefreshGraceIsExit3() throws Exception {
        try (TestPlatform strict = TestPlatform.start(b -> b.tokenTtl(java.time.Duration.ofSeconds(1))
                .refreshGrace(java.time.Duration.ZERO))) {
            Cli cli = new Cli(home.resolve("strict"));
            assertThat(cli.runWithInput(TestPlatform.ADMIN_PASSWORD + "\n", "auth", "login", "--url", strict.baseUrl(),
                    "--username", "admin").exitCode()).isZero();
            Thread.sleep(2_100);
            Cli.Result expired = cli.run("experiment", "list");
            assertThat(expired.exitCode()).isEqualTo(3);
            assertThat(expired.err()).startsWith("mint: ").hasLineCount(1);
        }
    }

    @Test
    void corruptOrWorldReadableCredentialsFileIsOneLineExit1() throws Exception {
        Files.createDirectories(credentials().getParent());
        Files.writeString(credentials(), "{not json");
        Files.setPosixFilePermissions(credentials(), PosixFilePermissions.fromString("rw-------"));
        Cli.Result corrupt = cli.run("auth", "status");
        assertThat(corrupt.exitCode()).isEqualTo(1);
        assertThat(corrupt.err()).startsWith("mint: Credentials file " + credentials() + " is not valid").hasLineCount(1);

        Files.writeString(credentials(), "{}");
        Files.setPosixFilePermissions(credentials(), PosixFilePermissions.fromString("rw-r--r--"));
        Cli.Result exposed = cli.run("auth", "status");
        assertThat(exposed.exitCode()).isEqualTo(1);
        assertThat(exposed.err()).isEqualTo("mint: Credentials file " + credentials()
                + " is accessible by other users (mode rw-r--r--); run: chmod 600 " + credentials() + "\n");
    }
}
