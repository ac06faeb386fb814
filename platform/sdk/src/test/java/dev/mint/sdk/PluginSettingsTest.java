package dev.mint.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginSettingsTest {
    enum Mode { FAST, THOROUGH }

    record Settings(@Setting(description = "Calls per minute", min = 1, max = 600) int rateLimit,
                    @Setting(description = "Upstream key", secret = true) String apiKey,
                    boolean verbose, double threshold, Mode mode, List<String> allowedModels) {
        public static Settings defaults() {
            return new Settings(60, "", false, 0.5, Mode.FAST, List.of("small"));
        }
    }

    record NoDefaults(int x) {
    }

    private final PluginSettings<Settings> model = PluginSettings.of(Settings.class);

    @Test
    void bindsOverDefaultsWithSnakeCaseKeys() {
        Settings settings = model.bind(Map.of("rate_limit", 30, "mode", "THOROUGH", "allowed_models", List.of("a", "b")));
        assertThat(settings).isEqualTo(new Settings(30, "", false, 0.5, Mode.THOROUGH, List.of("a", "b")));
        assertThat(model.keys()).containsExactly("rate_limit", "api_key", "verbose", "threshold", "mode", "allowed_models");
        assertThat(model.toMap(settings)).containsEntry("rate_limit", 30).containsEntry("mode", "THOROUGH");
        assertThat(model.bind(settings, Map.of("verbose", true)).rateLimit()).isEqualTo(30);
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> model.bind(Map.of("rate_limit", 0, "verbose", "yes", "threshold", "high",
                "mode", "SLOPPY", "colour", "red")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    @SuppressWarnings("unchecked")
                    Map<String, String> errors = (Map<String, String>) e.details().get("errors");
                    assertThat(errors).containsOnlyKeys("rate_limit", "verbose", "threshold", "mode", "colour");
                    assertThat(errors.get("rate_limit")).isEqualTo("must be at least 1");
                    assertThat(errors.get("verbose")).isEqualTo("expected true or false, got \"yes\"");
                    assertThat(errors.get("threshold")).isEqualTo("expected a number, got \"high\"");
                    assertThat(errors.get("colour")).startsWith("unknown setting; known: rate_limit, api_key");
                    assertThat(e.getMessage()).startsWith("Invalid settings: colour: unknown setting");
                });
        assertThatThrownBy(() -> model.bind(Map.of("rate_limit", 601))).hasMessageContaining("must be at most 600");
        assertThatThrownBy(() -> model.bind(java.util.Collections.singletonMap("verbose", null)))
                .hasMessageContaining("verbose: must not be null");
        assertThatThrownBy(() -> model.bind(Map.of("api_key", 5))).hasMessageContaining("expected a string, got 5");
    }

    @Test
    void environmentOverridesAreParsedByType() {
        Map<String, Object> values = model.fromEnvironment("hello-mint", Map.of(
                "MINT_PLUGIN_HELLO_MINT_RATE_LIMIT", "30", "MINT_PLUGIN_HELLO_MINT_VERBOSE", "yes",
                "MINT_PLUGIN_HELLO_MINT_ALLOWED_MODELS", "a, b", "MINT_PLUGIN_OTHER_RATE_LIMIT", "1"));
        assertThat(model.bind(values)).isEqualTo(new Settings(30, "", true, 0.5, Mode.FAST, List.of("a", "b")));
        assertThatThrownBy(() -> model.bind(model.fromEnvironment("x", Map.of("MINT_PLUGIN_X_RATE_LIMIT", "many"))))
                .hasMessageContaining("rate_limit: expected an integer");
    }

    @Test
    void jsonSchemaDescribesTheForm() {
        Map<String, Object> schema = model.jsonSchema();
        assertThat(schema).containsEntry("type", "object").containsEntry("additionalProperties", false);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        assertThat(properties.get("rate_limit")).containsEntry("type", "integer").containsEntry("default", 60)
                .containsEntry("minimum", 1L).containsEntry("maximum", 600L).containsEntry("description", "Calls per minute")
                .containsEntry("title", "Rate limit");
        assertThat(properties.get("api_key")).containsEntry("writeOnly", true).doesNotContainKey("default");
        assertThat(properties.get("mode")).containsEntry("enum", List.of("FAST", "THOROUGH"));
        assertThat(properties.get("allowed_models")).containsEntry("type", "array");
        assertThat(properties.get("threshold")).containsEntry("type", "number");
    }

    @Test
    void settingsRecordNeedsDefaults() {
        assertThatThrownBy(() -> PluginSettings.of(NoDefaults.class)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("public static NoDefaults defaults()");
    }
}
