package dev.mint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.server.test.TestPlatform;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Where a client finds its URL and token: arguments, then MINT_URL / MINT_TOKEN, then the credentials file. */
class ConstructionTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();

    @TempDir
    Path home;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void isolate() {
        env.put("HOME", home.toString());
    }

    private MintClient fromEnvironment() {
        return MintClient.builder().environment(env).build();
    }

    private Path mldFile() {
        return home.resolve(".config/mld/credentials.json");
    }

    private void store(String host, String token) {
        CredentialsStore.forEnvironment(env).save(StoredCredentials.empty()
                .withHost(host, HostCredentials.bearer(token, "admin", Instant.now().plusSeconds(3600))));
    }

    private static String closedUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void nothingConfiguredSaysWhatToSet() {
        assertThatThrownBy(this::fromEnvironment).isExactlyInstanceOf(MintApiException.class)
                .hasMessageContaining("set MINT_URL").hasMessageContaining("mint auth login")
                .hasMessageContaining(mldFile().toString());
    }

    @Test
    void environmentVariablesAreUsed() {
        env.put("MINT_URL", platform.baseUrl() + "/");
        env.put("MINT_TOKEN", platform.adminToken());
        try (MintClient client = fromEnvironment()) {
            assertThat(client.baseUrl()).isEqualTo(platform.baseUrl());
            assertThat(client.whoami().username()).isEqualTo("admin");
        }
    }

    @Test
    void argumentsBeatTheEnvironment() throws IOException {
        env.put("MINT_URL", closedUrl());
        env.put("MINT_TOKEN", "not-a-token");
        try (MintClient client = MintClient.builder().environment(env).baseUrl(platform.baseUrl())
                .token(platform.adminToken()).build()) {
            assertThat(client.whoami().username()).isEqualTo("admin");
        }
    }

    @Test
    void storedCredentialsSupplyUrlAndToken() {
        store(platform.baseUrl(), platform.adminToken());
        try (MintClient client = fromEnvironment()) {
            assertThat(client.baseUrl()).isEqualTo(platform.baseUrl());
            assertThat(client.whoami().username()).isEqualTo("admin");
        }
    }

    @Test
    void environmentTokenBeatsStoredToken() {
        store(platform.baseUrl(), "stale-stored-token");
        env.put("MINT_TOKEN", platform.adminToken());
        try (MintClient client = fromEnvironment()) {
            assertThat(client.whoami().username()).isEqualTo("admin");
        }
    }

    @Test
    void storedTokenIsTheOneForTheUrlInUse() throws IOException {
        String other = closedUrl();
        CredentialsStore store = CredentialsStore.forEnvironment(env);
        store.save(StoredCredentials.empty()
                .withHost(platform.baseUrl(), HostCredentials.bearer(platform.adminToken(), "admin", null))
                .withHost(other, HostCredentials.bearer("other-token", "x", null)));
        assertThat(store.load().orElseThrow().defaultHost()).contains(other);
        env.put("MINT_URL", platform.baseUrl());
        try (MintClient client = fromEnvironment()) {
            assertThat(client.token()).contains(platform.adminToken());
        }
    }

    @Test
    void xdgLocationIsReadWhenTheMldFileIsAbsent() throws IOException {
        Path xdg = Files.createDirectories(home.resolve("xdg"));
        env.put("XDG_CONFIG_HOME", xdg.toString());
        CredentialsStore.at(xdg.resolve("mint/credentials.json")).save(StoredCredentials.empty()
                .withHost(platform.baseUrl(), HostCredentials.bearer(platform.adminToken(), "admin", null)));
        assertThat(CredentialsStore.forEnvironment(env).location()).isEqualTo(xdg.resolve("mint/credentials.json"));
        try (MintClient client = fromEnvironment()) {
            assertThat(client.whoami().username()).isEqualTo("admin");
        }
        CredentialsStore.at(mldFile()).save(StoredCredentials.empty()
                .withHost(platform.baseUrl(), HostCredentials.bearer("from-mld", "admin", null)));
        assertThat(CredentialsStore.forEnvironment(env).location()).isEqualTo(mldFile());
        try (MintClient client = fromEnvironment()) {
            assertThat(client.token()).contains("from-mld");
        }
    }

    @Test
    void savedFileIsOwnerOnlyAndRoundTrips() throws IOException {
        Instant expiry = Instant.parse("2026-05-02T10:00:00Z");
        CredentialsStore store = CredentialsStore.forEnvironment(env);
        store.save(StoredCredentials.empty().withHost("mint.example.org/", HostCredentials.bearer("eyJx", "alice", expiry)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mldFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mldFile().getParent()))).isEqualTo("rwx------");
        assertThat(Files.readString(mldFile())).contains("\"default_host\" : \"https://mint.example.org\"")
                .contains("\"access_token\" : \"eyJx\"").contains("\"expires_at\" : \"2026-05-02T10:00:00Z\"");
        StoredCredentials loaded = store.load().orElseThrow();
        assertThat(loaded.forHost("https://mint.example.org").orElseThrow().username()).contains("alice");
        assertThat(loaded.withoutHost("mint.example.org").hosts()).isEmpty();
        assertThat(loaded.withoutHost("mint.example.org").defaultHost()).isEmpty();
    }

    @Test
    void unknownKeysInTheFileAreTolerated() throws IOException {
        Files.createDirectories(mldFile().getParent());
        Files.writeString(mldFile(), "{\"default_host\": \"" + platform.baseUrl() + "\", \"profile\": \"x\", \"hosts\": {\""
                + platform.baseUrl() + "\": {\"access_token\": \"" + platform.adminToken() + "\", \"scope\": \"all\"}}}");
        Files.setPosixFilePermissions(mldFile(), PosixFilePermissions.fromString("rw-------"));
        try (MintClient client = fromEnvironment()) {
            assertThat(client.whoami().username()).isEqualTo("admin");
        }
    }

    @Test
    void worldReadableFileIsRefused() {
        store(platform.baseUrl(), platform.adminToken());
        try {
            Files.setPosixFilePermissions(mldFile(), PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(this::fromEnvironment).isExactlyInstanceOf(MintApiException.class)
                .hasMessage("Credentials file " + mldFile() + " is accessible by other users (mode rw-r--r--); run: chmod 600 "
                        + mldFile());
    }

    @Test
    void corruptFileIsReportedWithItsPath() throws IOException {
        Files.createDirectories(mldFile().getParent());
        Files.writeString(mldFile(), "{\"default_host\": ");
        Files.setPosixFilePermissions(mldFile(), PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(this::fromEnvironment).isExactlyInstanceOf(MintApiException.class)
                .hasMessageStartingWith("Credentials file " + mldFile() + " is not valid")
                .hasMessageEndingWith("fix it or delete it and run `mint auth login`");
    }

    @Test
    void fileIsNotConsultedWhenArgumentsSuffice() throws IOException {
        Files.createDirectories(mldFile().getParent());
        Files.writeString(mldFile(), "garbage");
        try (MintClient client = MintClient.builder().environment(env).baseUrl(platform.baseUrl())
                .token(platform.adminToken()).build()) {
            assertThat(client.whoami().username()).isEqualTo("admin");
        }
    }

    @Test
    void timeoutFromTheEnvironmentMustBeANumber() {
        env.put("MINT_URL", platform.baseUrl());
        env.put("MINT_PLATFORM_TIMEOUT", "soon");
        assertThatThrownBy(this::fromEnvironment).isExactlyInstanceOf(MintApiException.class)
                .hasMessage("MINT_PLATFORM_TIMEOUT must be a positive number of seconds, got 'soon'");
    }

    @Test
    void malformedUrlIsAMintApiException() {
        env.put("MINT_URL", "http://");
        assertThatThrownBy(this::fromEnvironment).isExactlyInstanceOf(MintApiException.class)
                .hasMessageStartingWith("Invalid MINT platform URL 'http://'");
    }

    @Test
    void hostsAreNormalised() {
        assertThat(CredentialsStore.normalizeHost("mint.example.org/")).isEqualTo("https://mint.example.org");
        assertThat(CredentialsStore.normalizeHost(" http://localhost:8001// ")).isEqualTo("http://localhost:8001");
        assertThatThrownBy(() -> CredentialsStore.normalizeHost(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
