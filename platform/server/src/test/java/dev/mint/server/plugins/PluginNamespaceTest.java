package dev.mint.server.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestPlatform;
import dev.mint.testing.PluginTesting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Database names of plugins: derived from their names, never shared. */
class PluginNamespaceTest {
    @Test
    void slugsArePlainIdentifiersThatCannotTakeTheDatabasesOwnNames() {
        assertThat(PluginNamespace.slug("panel-designer")).isEqualTo("panel_designer");
        assertThat(PluginNamespace.slug("a.b--c")).isEqualTo("a_b_c");
        assertThat(PluginNamespace.slug("9lives")).isEqualTo("p_9lives");
        assertThat(PluginNamespace.slug("public")).isEqualTo("p_public");
        assertThat(PluginNamespace.slug("pg-stats")).isEqualTo("p_pg_stats");
        assertThat(PluginNamespace.slug("archived-x")).isEqualTo("p_archived_x");
        assertThat(PluginNamespace.slug("x".repeat(63))).hasSize(40);
    }

    @Test
    void twoPluginsWhoseNamesGiveOneDatabaseNameCannotBothStart() {
        try (TestPlatform platform = TestPlatform.start(b -> b.plugins(List.of(
                PluginTesting.makeTestPlugin("lab-notes").build(),
                PluginTesting.makeTestPlugin("lab_notes").routesPrefix("/lab-notes-2").build())))) {
            JsonNode plugins = platform.http().get("/api/plugins", platform.adminToken()).json().get("plugins");
            assertThat(plugins).extracting(p -> p.get("name").asText() + "=" + p.get("status").asText())
                    .containsExactly("lab-notes=ready", "lab_notes=failed");
            assertThat(plugins.get(1).get("error").asText()).contains("database name lab_notes is already used by plugin 'lab-notes'");
        }
    }
}
