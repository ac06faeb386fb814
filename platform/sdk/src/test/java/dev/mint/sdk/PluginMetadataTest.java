package dev.mint.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PluginMetadataTest {
    @Test
    void defaultsFollowTheReference() {
        PluginMetadata metadata = PluginMetadata.builder("hello-mint", "1.0.0").build();
        assertThat(metadata.routesPrefix()).isEqualTo("/hello-mint");
        assertThat(metadata.pluginType()).isEqualTo(PluginType.ANALYSIS);
        assertThat(metadata.capabilities()).isEqualTo(PluginCapabilities.none());
        assertThat(metadata.schemaVersion()).isEqualTo("1.0");
        assertThat(metadata.dependencies()).isEmpty();
        assertThat(metadata.author()).isEmpty();
    }

    @Test
    void everyFieldCanBeSet() {
        PluginMetadata metadata = PluginMetadata.builder("panel-designer", "2.1.0").description("Design panels")
                .analysisType("oncology").routesPrefix("/panels").pluginType(PluginType.EXPERIMENT_DESIGN)
                .capabilities(PluginCapabilities.builder().requiresAuth().requiresDatabase().requiresExperiments().build())
                .author("Lab").homepage("https://lab.example").license("MIT").icon("M0 0h24").schemaVersion("2.0")
                .dependencies(List.of("hello-mint")).build();
        assertThat(metadata.toBuilder().build()).isEqualTo(metadata);
        assertThat(metadata.capabilities().requiresDatabase()).isTrue();
        assertThat(metadata.capabilities().requiresSharedDatabase()).isFalse();
        assertThat(PluginType.fromWire("Experiment_Design")).isEqualTo(PluginType.EXPERIMENT_DESIGN);
    }

    @Test
    void badNamesAndPrefixesAreRejectedWithTheField() {
        assertThatThrownBy(() -> PluginMetadata.builder("Hello Mint", "1").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.details()).containsEntry("field", "name"));
        assertThatThrownBy(() -> PluginMetadata.builder("ok", "1").routesPrefix("no-slash").build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.details()).containsEntry("field", "routes_prefix"));
        assertThatThrownBy(() -> PluginMetadata.builder("ok", "1").routesPrefix("/trailing/").build())
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PluginMetadata.builder("ok", " ").build()).hasMessageContaining("version");
        assertThatThrownBy(() -> PluginType.fromWire("full")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PluginRouter.at("v1", () -> { })).isInstanceOf(ValidationException.class);
        assertThat(PluginRouter.at("/v1", () -> { }).subPrefix()).isEqualTo("/v1");
    }

    @Test
    void healthAndHookResultWireForms() {
        PluginHealth degraded = PluginHealth.of(HealthStatus.DEGRADED, "upstream slow", java.util.Map.of("service", "error: timeout"));
        assertThat(degraded.toMap()).containsEntry("status", "degraded").containsEntry("message", "upstream slow")
                .containsKey("checked_at").containsEntry("details", java.util.Map.of("service", "error: timeout"));
        assertThat(PluginHealth.healthy().toMap()).containsOnlyKeys("status", "checked_at");
        assertThat(LifecycleHookResult.ok().success()).isTrue();
        assertThat(LifecycleHookResult.veto("wells overlap").message()).contains("wells overlap");
    }
}
