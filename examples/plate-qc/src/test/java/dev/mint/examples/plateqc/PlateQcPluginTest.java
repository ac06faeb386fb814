package dev.mint.examples.plateqc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.sdk.ValidationException;
import dev.mint.testing.PluginTesting;
import dev.mint.testing.RecordingContext;
import dev.mint.testing.TestApp;
import dev.mint.testing.TestResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example plugin, served by the testing harness with a recording context and a migrated database. */
class PlateQcPluginTest {
    private static final Map<String, Object> LAYOUT = Map.of("rows", 8, "columns", 12,
            "controls", List.of("A1", "A2", "A3"), "samples", Map.of("B1", "S-001", "B2", "S-002"));

    private final RecordingContext context = new RecordingContext();
    private final PlateQcPlugin plugin = new PlateQcPlugin();
    private TestApp app;

    @BeforeEach
    void serve() {
        context.pluginRoleRepository().orElseThrow().setRole("plate-qc", RecordingContext.TEST_USER.id(), "analyst");
        app = PluginTesting.buildTestApp(plugin, context);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private TestResponse putLayout(long experimentId, Map<String, Object> layout) {
        return app.put("/api/plate-qc/experiments/" + experimentId + "/layout", layout);
    }

    private JsonNode runQc(long experimentId, Map<String, Object> readings) {
        TestResponse response = app.post("/api/plate-qc/experiments/" + experimentId + "/qc", Map.of("readings", readings));
        assertEquals(201, response.status(), response.body());
        return response.json();
    }

    @Test
    void analystsSaveLayoutsAndEveryoneSignedInReadsThem() {
        TestResponse saved = putLayout(1, LAYOUT);

        assertEquals(200, saved.status(), saved.body());
        assertEquals("plate_layout", saved.json().get("kind").asText());
        assertEquals("S-001", app.get("/api/plate-qc/experiments/1/layout").json().get("samples").get("B1").asText());
        assertEquals("analyst", app.get("/api/plate-qc/me/role").json().get("role").asText());

        context.setCurrentUser(RecordingContext.user(2, "visitor", "member"));
        assertEquals(403, putLayout(1, LAYOUT).status());
        assertEquals(200, app.get("/api/plate-qc/experiments/1/layout").status());
        assertTrue(app.get("/api/plate-qc/me/role").json().get("role").isNull());

        context.setCurrentUser(RecordingContext.user(3, "boss", "admin"));
        assertEquals(200, putLayout(2, LAYOUT).status(), "admins pass every plugin role check");

        context.signOut();
        assertEquals(401, app.get("/api/plate-qc/experiments/1/layout").status());
    }

    @Test
    void badLayoutsAreRefusedNamingTheField() {
        TestResponse offPlate = putLayout(1, Map.of("rows", 8, "columns", 12, "controls", List.of("Z99")));
        assertEquals(400, offPlate.status());
        assertEquals("controls", offPlate.json().get("details").get("field").asText(), offPlate.body());
        assertEquals(400, putLayout(1, Map.of("rows", 0, "columns", 12, "controls", List.of("A1"))).status());
        assertEquals(400, putLayout(1, Map.of("rows", 8, "columns", 12, "controls", List.of("A1"),
                "samples", Map.of("A1", "S-1"))).status());
        assertEquals(404, app.get("/api/plate-qc/experiments/1/layout").status(), "nothing was saved");
        assertEquals(400, app.get("/api/plate-qc/experiments/abc/layout").status());
    }

    @Test
    void theBeforeSaveHookVetoesBadLayoutsFromAnyRouteAndIgnoresOtherData() {
        assertFalse(plugin.onBeforeExperimentSave(1, Map.of("kind", "plate_layout", "rows", 99)).success());
        assertTrue(plugin.onBeforeExperimentSave(1, Map.of("kind", "plate_layout", "rows", 8, "columns", 12,
                "controls", List.of("H12"))).success());
        assertTrue(plugin.onBeforeExperimentSave(1, Map.of("panels", List.of("other plugin's data"))).success());
    }

    @Test
    void qcPassesOrFailsByTheSettingsAndKeepsEveryRun() {
        putLayout(7, LAYOUT);

        JsonNode tight = runQc(7, Map.of("A1", 1.00, "A2", 1.02, "A3", 0.98, "B1", 5.0));
        assertTrue(tight.get("passed").asBoolean(), tight.toString());
        assertEquals(2.0, tight.get("control_cv_percent").asDouble(), 0.01);
        assertEquals(tight, app.get("/api/plate-qc/experiments/7/qc").json());

        plugin.applySettings(Map.of("max_control_cv_percent", 1.0));
        JsonNode strict = runQc(7, Map.of("A1", 1.00, "A2", 1.02, "A3", 0.98));
        assertFalse(strict.get("passed").asBoolean());
        assertEquals("control CV above 1.0%", strict.get("reason").asText());

        JsonNode missing = runQc(7, Map.of("A1", 1.0, "A2", 1.0));
        assertFalse(missing.get("passed").asBoolean());
        assertEquals("A3", missing.get("missing_controls").get(0).asText());

        JsonNode history = app.get("/api/plate-qc/experiments/7/qc/history").json().get("runs");
        assertEquals(3, history.size());
        assertTrue(history.get(0).get("passed").asBoolean());
        assertEquals("test-user", history.get(0).get("run_by").asText());
        assertEquals(0, app.get("/api/plate-qc/experiments/8/qc/history").json().get("runs").size());
    }

    @Test
    void qcNeedsALayoutAndNumericReadings() {
        assertEquals(404, app.post("/api/plate-qc/experiments/9/qc", Map.of("readings", Map.of("A1", 1.0))).status());
        assertEquals(404, app.get("/api/plate-qc/experiments/9/qc").status());
        putLayout(9, LAYOUT);
        assertEquals(400, app.post("/api/plate-qc/experiments/9/qc", Map.of("readings", Map.of("A1", "high"))).status());
        assertEquals(400, app.post("/api/plate-qc/experiments/9/qc", Map.of("readings", List.of(1, 2))).status());
    }

    @Test
    void settingsAreTypedValidatedAndDescribedForForms() {
        assertEquals(15.0, plugin.settings(PlateQcSettings.class).maxControlCvPercent());
        assertThrows(ValidationException.class, () -> plugin.applySettings(Map.of("min_controls", 1)));
        assertEquals(3, plugin.settings(PlateQcSettings.class).minControls(), "a refused change changes nothing");
        Map<?, ?> properties = (Map<?, ?>) plugin.configurableSettings().get("properties");
        assertTrue(properties.containsKey("max_control_cv_percent"));
        assertTrue(properties.containsKey("min_controls"));
    }
}
