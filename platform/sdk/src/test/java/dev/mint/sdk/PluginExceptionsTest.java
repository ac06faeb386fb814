package dev.mint.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.mint.sdk.migrations.DestructiveMigrationError;
import dev.mint.sdk.migrations.MigrationChecksumError;
import dev.mint.sdk.migrations.MigrationError;
import dev.mint.sdk.migrations.SchemaVersionAheadError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plugin exception hierarchy: codes, HTTP statuses, detail keys and the wire form. */
class PluginExceptionsTest {

    @Test
    void pluginExceptionDefaultsToPluginErrorAnd500() {
        PluginException plain = new PluginException("boom");
        PluginException custom = new PluginException("quota", "QUOTA_EXCEEDED", Map.of("limit", 5));

        assertThat(plain.code()).isEqualTo("PLUGIN_ERROR");
        assertThat(plain.httpStatus()).isEqualTo(500);
        assertThat(plain.details()).isEmpty();
        assertThat(plain.toMap()).containsExactly(entry("error", "PLUGIN_ERROR"), entry("message", "boom"));
        assertThat(custom.code()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(custom.toMap()).containsExactly(entry("error", "QUOTA_EXCEEDED"), entry("message", "quota"),
                entry("details", Map.of("limit", 5)));
        assertThat(new PluginException("x", null, null).code()).isEqualTo("PLUGIN_ERROR");
    }

    @Test
    void everyClassHasItsCodeStatusAndDetailKeys() {
        record Case(PluginException e, String code, int status, Map<String, Object> details) {
        }
        List<Case> cases = List.of(
                new Case(new ValidationException("bad", "name", "x"), "VALIDATION_ERROR", 400,
                        Map.of("field", "name", "value", "x")),
                new Case(new PermissionException("no", "experiments.edit"), "PERMISSION_DENIED", 403,
                        Map.of("required_permission", "experiments.edit")),
                new Case(new ConfigurationException("cfg", "api_endpoint"), "CONFIGURATION_ERROR", 500,
                        Map.of("config_key", "api_endpoint")),
                new Case(new RepositoryException("db", "save", "experiment", Map.of()), "REPOSITORY_ERROR", 500,
                        Map.of("operation", "save", "entity", "experiment")),
                new Case(new NotFoundException("gone", "experiment", 99999), "NOT_FOUND", 404,
                        Map.of("operation", "get", "entity", "experiment", "entity_id", "99999")),
                new Case(new ConflictException("dup", "experiment", "name"), "CONFLICT", 409,
                        Map.of("operation", "create_or_update", "entity", "experiment", "conflict_field", "name")),
                new Case(new PluginLifecycleException("init", "initialize", "samples"), "LIFECYCLE_ERROR", 500,
                        Map.of("phase", "initialize", "plugin_name", "samples")),
                new Case(new PluginException("p", "PLUGIN_ERROR", Map.of("k", "v")), "PLUGIN_ERROR", 500,
                        Map.of("k", "v")));
        for (Case c : cases) {
            assertThat(c.e().code()).as(c.e().getClass().getSimpleName()).isEqualTo(c.code());
            assertThat(c.e().httpStatus()).as(c.e().getClass().getSimpleName()).isEqualTo(c.status());
            assertThat(c.e().details()).as(c.e().getClass().getSimpleName()).isEqualTo(c.details());
            assertThat(c.e().toMap()).containsExactly(entry("error", c.code()), entry("message", c.e().getMessage()),
                    entry("details", c.details()));
        }
        assertThat(new NotFoundException("x")).isInstanceOf(RepositoryException.class);
        assertThat(new ConflictException("x")).isInstanceOf(RepositoryException.class);
    }

    @Test
    void detailKeysAreAddedOnlyForMeaningfulArguments() {
        List<PluginException> empty = List.of(
                new ValidationException("v", null, null),
                new ValidationException("v", "", null),
                new PermissionException("p", ""),
                new ConfigurationException("c", null),
                new RepositoryException("r", "", null, null),
                new PluginLifecycleException("l", null, ""));
        for (PluginException e : empty) {
            assertThat(e.details()).as(e.getClass().getSimpleName()).isEmpty();
            assertThat(e.toMap()).as("no empty details on the wire").containsOnlyKeys("error", "message");
        }
        assertThat(new NotFoundException("n", null, "").details()).containsExactly(entry("operation", "get"));
        assertThat(new ConflictException("c", "", null).details()).containsExactly(entry("operation", "create_or_update"));
    }

    @Test
    void validationValueIsKeptWheneverNotNullAndCutAt100Characters() {
        String exactly100 = "v".repeat(100);

        assertThat(new ValidationException("v", null, "").details()).containsExactly(entry("value", ""));
        assertThat(new ValidationException("v", null, 0).details()).containsExactly(entry("value", "0"));
        assertThat(new ValidationException("v", null, false).details()).containsExactly(entry("value", "false"));
        assertThat(new ValidationException("v", null, List.of(1, 2)).details()).containsExactly(entry("value", "[1, 2]"));
        assertThat(new ValidationException("v", null, exactly100).details().get("value")).isEqualTo(exactly100);
        assertThat(new ValidationException("v", null, exactly100 + "w").details().get("value"))
                .isEqualTo(exactly100 + "...");
        assertThat(new ValidationException("v", "f", "x").field()).contains("f");
    }

    @Test
    void explicitDetailsAreMergedAndNamedArgumentsWin() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("hint", "use a number");
        given.put("field", "overridden");

        ValidationException e = new ValidationException("bad", "mass", "abc", given);

        assertThat(e.details()).containsExactly(entry("hint", "use a number"), entry("field", "mass"), entry("value", "abc"));
        assertThat(given).as("the caller's map is not changed").containsOnlyKeys("hint", "field")
                .containsEntry("field", "overridden");
        assertThat(new NotFoundException("x", "sample", 7, Map.of("extra", true)).details())
                .containsEntry("extra", true).containsEntry("entity_id", "7");
    }

    @Test
    void specificAttributesAreExposed() {
        assertThat(new PermissionException("p", "users.manage").requiredPermission()).contains("users.manage");
        assertThat(new ConfigurationException("c").configKey()).isEmpty();
        assertThat(new NotFoundException("n", "sample", 3).entityId()).contains("3");
        assertThat(new NotFoundException("n", "sample", 3).entity()).contains("sample");
        assertThat(new NotFoundException("n", "sample", 3).operation()).contains("get");
        assertThat(new ConflictException("c", "sample", "name").conflictField()).contains("name");
        PluginLifecycleException lifecycle = new PluginLifecycleException("l", "migrate", "samples");
        assertThat(lifecycle.phase()).contains("migrate");
        assertThat(lifecycle.pluginName()).contains("samples");
    }

    @Test
    void migrationErrorsAreNotPluginExceptions() {
        for (Object error : List.of(new MigrationError("m"), new MigrationChecksumError("c"),
                new SchemaVersionAheadError("s"), new DestructiveMigrationError("d"))) {
            assertThat(error).isInstanceOf(MigrationError.class).isNotInstanceOf(PluginException.class);
        }
    }
}
