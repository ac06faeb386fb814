package dev.mint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.client.model.Health;
import dev.mint.client.model.PluginConfig;
import dev.mint.client.model.PluginInfo;
import dev.mint.sdk.PluginMetadata;
import dev.mint.client.model.PluginInstallReport;
import dev.mint.client.model.PluginUninstallReport;
import dev.mint.server.plugins.PluginBundle;
import dev.mint.server.test.PluginJars;
import dev.mint.server.test.TestPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PluginsApiTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static MintClient client;

    @BeforeAll
    static void connect() {
        platform.server().plugins().register(dev.mint.server.plugins.PluginInfo.ready(
                PluginMetadata.builder("hello-mint", "1.0.0").description("Hello").build()));
        platform.server().plugins().register(dev.mint.server.plugins.PluginInfo.failed(
                PluginMetadata.builder("broken", "0.1.0").build(), "initialize() failed"));
        client = Clients.admin(platform);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void listsPluginsWithStatusAndHealthShowsThem() {
        assertThat(client.plugins().list()).extracting(PluginInfo::name, PluginInfo::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("broken", "failed"),
                        org.assertj.core.groups.Tuple.tuple("hello-mint", "ready"));
        assertThat(client.plugins().list().get(0).error()).contains("initialize() failed");
        assertThat(client.plugins().list().get(1).routesPrefix()).contains("/hello-mint");
        assertThat(client.health().plugins()).extracting(Health.PluginStatus::name).containsExactly("broken", "hello-mint");
    }

    @Test
    void configGetMergeReplaceAndConditionalReplace() {
        PluginConfig empty = client.plugins().getConfig("hello-mint");
        assertThat(empty.config()).isEmpty();
        assertThat(empty.revision()).contains("0");

        PluginConfig merged = client.plugins().updateConfig("hello-mint", Map.of("greeting", "hi", "limit", 5));
        assertThat(merged.config()).containsEntry("greeting", "hi").containsEntry("limit", 5);
        Map<String, Object> removal = new HashMap<>();
        removal.put("limit", null);
        assertThat(client.plugins().updateConfig("hello-mint", removal).config()).containsOnlyKeys("greeting");

        PluginConfig current = client.plugins().getConfig("hello-mint");
        PluginConfig replaced = client.plugins().setConfig("hello-mint", Map.of("mode", "fast"), current.revision().orElseThrow());
        assertThat(replaced.config()).containsOnlyKeys("mode");
        assertThatThrownBy(() -> client.plugins().setConfig("hello-mint", Map.of("mode", "slow"), current.revision().orElseThrow()))
                .isInstanceOfSatisfying(MintConflictException.class,
                        e -> assertThat(e.details()).containsEntry("current_revision", replaced.revision().orElseThrow()));
        assertThat(client.plugins().setConfig("hello-mint", Map.of("mode", "slow")).config()).containsEntry("mode", "slow");
    }

    @Test
    void unknownPluginIsNotFoundAndViewersMayNotConfigure() {
        assertThatThrownBy(() -> client.plugins().getConfig("no-such-plugin")).isInstanceOf(MintNotFoundException.class)
                .hasMessage("Plugin 'no-such-plugin' is not installed");
        try (MintClient viewer = Clients.withToken(platform, platform.userToken("plugins-viewer", "viewer"))) {
            assertThat(viewer.plugins().list()).hasSize(2);
            assertThatThrownBy(() -> viewer.plugins().updateConfig("hello-mint", Map.of("x", 1)))
                    .isInstanceOf(MintPermissionException.class);
        }
    }

    @Test
    void installsABundleAndUninstallsItWithItsDataMode(@TempDir Path dir) throws Exception {
        Path jar = PluginJars.build(dir.resolve("build"), PluginJars.helloSource("greeter", "1.0.0"),
                dir.resolve("greeter.jar"), true);
        Path bundle = dir.resolve("greeter-1.0.0.mint");
        PluginBundle.write(jar, PluginMetadata.builder("greeter", "1.0.0").build(), "test", bundle);

        PluginInstallReport installed = client.plugins().install(bundle);

        assertThat(installed.name()).isEqualTo("greeter");
        assertThat(installed.restartRequired()).isTrue();
        assertThat(installed.replacedVersion()).isEmpty();
        assertThat(client.plugins().list()).filteredOn(p -> p.name().equals("greeter"))
                .extracting(PluginInfo::status).containsExactly("restart_required");
        assertThatThrownBy(() -> client.plugins().install(bundle)).isInstanceOf(MintConflictException.class)
                .hasMessageContaining("force=true");
        assertThat(client.plugins().install(bundle, true).replacedVersion()).contains("1.0.0");
        Files.writeString(dir.resolve("junk.mint"), "junk");
        assertThatThrownBy(() -> client.plugins().install(dir.resolve("junk.mint")))
                .isInstanceOf(MintValidationException.class).hasMessageContaining("not a .mint bundle");
        assertThatThrownBy(() -> client.plugins().install(dir.resolve("missing.mint")))
                .isInstanceOf(java.io.UncheckedIOException.class);

        PluginUninstallReport removed = client.plugins().uninstall("greeter", PluginDataMode.PURGE);

        assertThat(removed.data()).isEqualTo("purge");
        assertThat(removed.restartRequired()).isFalse();
        assertThat(client.plugins().list()).extracting(PluginInfo::name).doesNotContain("greeter");
        assertThatThrownBy(() -> client.plugins().uninstall("hello-mint")).isInstanceOf(MintConflictException.class);
        assertThatThrownBy(() -> client.plugins().uninstall("greeter")).isInstanceOf(MintNotFoundException.class);
    }
}
