package dev.mint.examples.plateqc;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import dev.mint.sdk.AnalysisPlugin;
import dev.mint.sdk.LifecycleHookResult;
import dev.mint.sdk.NotFoundException;
import dev.mint.sdk.PlatformContext;
import dev.mint.sdk.PluginCapabilities;
import dev.mint.sdk.PluginDatabase;
import dev.mint.sdk.PluginMetadata;
import dev.mint.sdk.PluginRouter;
import dev.mint.sdk.PluginSettings;
import dev.mint.sdk.PluginType;
import dev.mint.sdk.ValidationException;
import dev.mint.sdk.data.DesignData;
import dev.mint.sdk.data.PluginAnalysisResult;
import dev.mint.sdk.data.User;
import dev.mint.sdk.migrations.MigrationRunner;
import dev.mint.sdk.migrations.PluginMigration;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plate layouts and quality control, an example of every part of the SDK a plugin usually needs:
 * <ul>
 *   <li>design data: an experiment's plate layout ({@link PlateLayout}), checked by the before-save hook
 *       whichever route writes it;</li>
 *   <li>analysis results: the latest QC verdict of an experiment;</li>
 *   <li>a table of its own, created by a migration: the history of QC runs;</li>
 *   <li>typed settings ({@link PlateQcSettings}) an admin can change;</li>
 *   <li>plugin roles: {@code analyst} may write layouts and run QC, everyone signed in may read.</li>
 * </ul>
 * Routes, under {@code /api/plate-qc}: {@code GET /me/role}, {@code GET|PUT /experiments/{id}/layout},
 * {@code GET|POST /experiments/{id}/qc}, {@code GET /experiments/{id}/qc/history}.
 */
public final class PlateQcPlugin extends AnalysisPlugin {
    static final String ANALYST = "analyst";

    @Override
    public PluginMetadata metadata() {
        return PluginMetadata.builder("plate-qc", "1.0.0")
                .description("Plate layouts and quality control of their control wells")
                .pluginType(PluginType.EXPERIMENT_DESIGN)
                .analysisType("plate_qc")
                .routesPrefix("/plate-qc")
                .capabilities(PluginCapabilities.builder().requiresAuth().requiresExperiments().requiresDatabase()
                        .requiresSharedDatabase().build())
                .build();
    }

    @Override
    public Optional<PluginSettings<? extends Record>> settingsModel() {
        return Optional.of(PluginSettings.of(PlateQcSettings.class));
    }

    @Override
    public List<PluginMigration> migrations() {
        return MigrationRunner.discover(getClass().getClassLoader(), getClass().getPackageName() + ".migrations");
    }

    @Override
    public List<PluginRouter> routers() {
        return List.of(PluginRouter.of(() -> {
            get("/me/role", this::myRole);
            get("/experiments/{id}/layout", ctx -> ctx.json(layoutOf(experimentId(ctx)).data()));
            put("/experiments/{id}/layout", this::saveLayout);
            get("/experiments/{id}/qc", ctx -> ctx.json(loadAnalysis(experimentId(ctx)).map(PluginAnalysisResult::result)
                    .orElseThrow(() -> new NotFoundException("Experiment " + experimentId(ctx) + " has no QC result yet",
                            "qc_result", experimentId(ctx)))));
            post("/experiments/{id}/qc", this::runQc);
            get("/experiments/{id}/qc/history", this::history);
        }));
    }

    /**
     * Layouts reach the platform through other routes too (the generic design-data route), so every design
     * write that says it is a plate layout is checked here. The hook sees every plugin's writes: others pass.
     */
    @Override
    public LifecycleHookResult onBeforeExperimentSave(long experimentId, Map<String, Object> data) {
        if (!PlateLayout.KIND.equals(data.get("kind"))) {
            return LifecycleHookResult.ok();
        }
        try {
            PlateLayout.parse(data);
            return LifecycleHookResult.ok();
        } catch (ValidationException e) {
            return LifecycleHookResult.veto("Not a valid plate layout: " + e.getMessage());
        }
    }

    @Override
    public void initialize(PlatformContext context) {
    }

    @Override
    public void shutdown() {
    }

    private void myRole(Context ctx) {
        User user = requireContext().requireUser(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", requireContext().pluginRoleRepository()
                .flatMap(roles -> roles.getRole(metadata().name(), user.id())).orElse(null));
        ctx.json(body);
    }

    private void saveLayout(Context ctx) throws Exception {
        requireContext().requirePluginRole(ANALYST).handle(ctx);
        PlateLayout layout = PlateLayout.parse(ctx.bodyAsClass(Map.class));
        ctx.json(saveDesign(experimentId(ctx), layout.toMap()).map(DesignData::data).orElse(layout.toMap()));
    }

    private void runQc(Context ctx) throws Exception {
        requireContext().requirePluginRole(ANALYST).handle(ctx);
        long experimentId = experimentId(ctx);
        PlateLayout layout = PlateLayout.parse(layoutOf(experimentId).data());
        Object readings = ctx.bodyAsClass(Map.class).get("readings");
        if (!(readings instanceof Map<?, ?> byWell)) {
            throw new ValidationException("readings must map wells to values", "readings", readings);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = ControlQc.evaluate(layout, (Map<String, ?>) byWell, settings(PlateQcSettings.class));
        saveAnalysis(experimentId, result);
        PluginDatabase db = pluginDatabase();
        String runBy = requireContext().requireUser(ctx).username();
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO " + db.table("qc_runs")
                        + " (experiment_id, passed, control_cv_percent, run_by, run_at) VALUES (?, ?, ?, ?, ?)")
                .bind(0, experimentId).bind(1, (Boolean) result.get("passed"))
                .bind(2, (Double) result.get("control_cv_percent")).bind(3, runBy)
                .bind(4, Instant.now().toString()).execute());
        ctx.status(201).json(result);
    }

    private void history(Context ctx) {
        long experimentId = experimentId(ctx);
        PluginDatabase db = pluginDatabase();
        List<Map<String, Object>> runs = db.jdbi().withHandle(h -> h.createQuery("SELECT passed, control_cv_percent,"
                        + " run_by, run_at FROM " + db.table("qc_runs") + " WHERE experiment_id = ? ORDER BY id")
                .bind(0, experimentId).map((rs, c) -> {
                    Map<String, Object> run = new LinkedHashMap<>();
                    run.put("passed", rs.getBoolean(1));
                    run.put("control_cv_percent", rs.getObject(2) == null ? null : rs.getDouble(2));
                    run.put("run_by", rs.getString(3));
                    run.put("run_at", rs.getString(4));
                    return run;
                }).list());
        ctx.json(Map.of("experiment_id", experimentId, "runs", runs));
    }

    private DesignData layoutOf(long experimentId) {
        return loadDesign(experimentId).orElseThrow(() -> new NotFoundException("Experiment " + experimentId
                + " has no plate layout; PUT one first", "layout", experimentId));
    }

    private static long experimentId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ValidationException("The experiment id must be a number", "id", ctx.pathParam("id"));
        }
    }
}
