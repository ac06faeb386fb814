package dev.mint.server.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.PluginJars;
import dev.mint.server.test.TestPlatform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin jars dropped in the plugins directory: compiled here, loaded by a class loader of their own. */
class PluginJarTest {
    @TempDir
    Path dir;

    private Path pluginJar(String name, String className, String greeting) throws Exception {
        return PluginJars.build(dir.resolve(name + "-build"), """
                package org.example;

                import static io.javalin.apibuilder.ApiBuilder.get;

                import dev.mint.sdk.AnalysisPlugin;
                import dev.mint.sdk.PlatformContext;
                import dev.mint.sdk.PluginMetadata;
                import dev.mint.sdk.PluginRouter;
                import java.util.List;

                public class %2$s extends AnalysisPlugin {
                    public PluginMetadata metadata() {
                        return PluginMetadata.builder("%1$s", "2.0.0").description("From a jar").build();
                    }

                    public List<PluginRouter> routers() {
                        return List.of(PluginRouter.of(() -> get("/greeting", ctx -> ctx.result("%3$s "
                                + getClass().getClassLoader().getName()))));
                    }

                    public void initialize(PlatformContext context) {
                    }

                    public void shutdown() {
                    }
                }
                """.formatted(name, className, greeting), dir.resolve("plugins/" + name + ".jar"), true);
    }

    @Test
    void jarsInThePluginsDirectoryAreLoadedAndMounted() throws Exception {
        pluginJar("jar-hello", "HelloPlugin", "hello");
        pluginJar("jar-other", "OtherPlugin", "other");
        Path empty = dir.resolve("plugins/not-a-plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(empty))) {
            out.putNextEntry(new JarEntry("README.txt"));
            out.write("nothing here".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (TestPlatform platform = TestPlatform.start(b -> b.pluginsDir(dir.resolve("plugins")))) {
            assertThat(platform.http().get("/api/jar-hello/greeting", null).body()).isEqualTo("hello plugin:jar-hello.jar");
            assertThat(platform.http().get("/api/jar-other/greeting", null).body()).isEqualTo("other plugin:jar-other.jar");
            JsonNode plugins = platform.http().get("/api/plugins", platform.adminToken()).json().get("plugins");
            assertThat(plugins).extracting(p -> p.get("name").asText() + "=" + p.get("status").asText())
                    .containsExactly("jar-hello=ready", "jar-other=ready", "not-a-plugin.jar=failed");
            assertThat(plugins.get(2).get("error").asText()).contains("lists no dev.mint.sdk.AnalysisPlugin service");
            assertThat(plugins.get(0).get("version").asText()).isEqualTo("2.0.0");
        }
        assertThat(List.of(dir.resolve("plugins").toFile().list())).hasSize(3);
    }
}
