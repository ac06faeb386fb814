package dev.mint.sdk;

import dev.mint.sdk.data.DesignData;
import dev.mint.sdk.data.PluginAnalysisResult;
import dev.mint.sdk.data.PluginDataRepository;
import dev.mint.sdk.migrations.PluginMigration;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The base class of every plugin. A plugin declares {@link #metadata()}, its {@link #routers()}, and
 * what to do in {@link #initialize} and {@link #shutdown}; every other member has a working default.
 *
 * <h2>Lifecycle</h2>
 * The platform (or the standalone app, or a test app) calls {@link #open(PlatformContext)}, which keeps
 * the context, loads the settings and calls {@link #initialize}; routes are mounted only after it
 * returns, and an exception marks the plugin failed. {@link #close()} calls {@link #shutdown()}. A
 * {@code null} context means standalone: no platform, no users, and the data convenience methods do
 * nothing ({@link #saveDesign} returns empty, {@link #deleteDesign} false).
 *
 * <h2>Hooks</h2>
 * {@link #onBeforeExperimentSave} runs before every design-data write of any plugin and can veto it;
 * {@link #onAfterExperimentSave} after it; {@link #onExperimentStatusChange} when an experiment's status
 * changes. Hooks run on the request thread and should be quick.
 *
 * <p>Instances are shared by all request threads: keep state thread-safe.
 */
public abstract class AnalysisPlugin {
    private volatile PlatformContext context;
    private volatile boolean opened;
    private volatile Record settings;
    private volatile LocalDatabase localDatabase;

    /** Identity, prefix and capabilities. Called often; return a constant. */
    public abstract PluginMetadata metadata();

    /** The plugin's route groups, mounted at {@code /api{routesPrefix}{subPrefix}}. */
    public abstract List<PluginRouter> routers();

    /**
     * Prepares the plugin. {@code context} is null when running standalone.
     *
     * @throws PluginLifecycleException (or any exception) to refuse to start; the plugin is marked failed
     */
    public abstract void initialize(PlatformContext context);

    /** Releases what {@link #initialize} acquired. */
    public abstract void shutdown();

    // ---- lifecycle entry points used by hosts -------------------------------------------------------

    /**
     * Keeps {@code context}, applies settings (defaults, then stored settings, then
     * {@code MINT_PLUGIN_<NAME>_<KEY>} environment variables), then calls {@link #initialize}.
     */
    public final synchronized void open(PlatformContext context) {
        open(context, System.getenv());
    }

    /** As {@link #open(PlatformContext)}, reading setting overrides from {@code environment}. */
    public final synchronized void open(PlatformContext context, Map<String, String> environment) {
        if (opened) {
            throw new PluginLifecycleException("Plugin " + metadata().name() + " is already open", "open", metadata().name());
        }
        this.context = context;
        settingsModel().ifPresent(model -> loadSettings(model, environment));
        initialize(context);
        opened = true;
    }

    /** Calls {@link #shutdown()} once, if open. */
    public final synchronized void close() {
        if (opened) {
            opened = false;
            shutdown();
        }
    }

    // ---- optional hooks ------------------------------------------------------------------------------

    /**
     * The plugin's own view of its health, shown in {@code /api/health} and the standalone {@code /health};
     * healthy by default. Keep it cheap: it runs on every health request. A check that throws reads as
     * unhealthy.
     */
    public PluginHealth checkHealth() {
        return PluginHealth.healthy();
    }

    /**
     * Before every design-data write of {@code experimentId}, whichever plugin or route writes it (check
     * that {@code data} is yours before judging it); {@link LifecycleHookResult#veto} refuses the write
     * with 400 naming this plugin, and so does throwing.
     */
    public LifecycleHookResult onBeforeExperimentSave(long experimentId, Map<String, Object> data) {
        return LifecycleHookResult.ok();
    }

    /** After a design-data write was committed; an exception is logged and changes nothing. */
    public void onAfterExperimentSave(long experimentId, Map<String, Object> data) {
    }

    /** After an experiment's status changed (e.g. {@code planned} to {@code running}); an exception is logged. */
    public void onExperimentStatusChange(long experimentId, String oldStatus, String newStatus) {
    }

    /** Schema migrations of the plugin's own tables, applied before {@link #initialize}. */
    public List<PluginMigration> migrations() {
        return List.of();
    }

    /**
     * Whether the plugin keeps tables of its own: it declares {@code requiresSharedDatabase} or ships
     * migrations. The platform then gives it a database namespace, and the test harness a scratch database.
     */
    public final boolean hasOwnTables() {
        return metadata().capabilities().requiresSharedDatabase() || !migrations().isEmpty();
    }

    /**
     * Names of the tables the plugin's migrations create (unprefixed), for {@code mint info} and readers of
     * the code. Uninstalling archives or purges every table of the plugin's namespace, listed here or not.
     */
    public List<String> ownedTables() {
        return List.of();
    }

    /** A built single-page frontend to serve at the plugin's UI route. */
    public Optional<Path> frontendDir() {
        return Optional.empty();
    }

    /** What the platform UI needs to integrate the plugin. */
    public Map<String, Object> frontendConfig() {
        PluginMetadata metadata = metadata();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", metadata.name());
        config.put("version", metadata.version());
        config.put("routePrefix", metadata.routesPrefix());
        config.put("analysisType", metadata.analysisType());
        return config;
    }

    // ---- exports ---------------------------------------------------------------------------------------

    /** The tree view of a payload; {@link Exports#autoJsonToTree} unless overridden. */
    public List<TreeNode> exportTree(Map<String, ?> data) {
        return Exports.autoJsonToTree(data);
    }

    /** The summary view of a payload; {@link Exports#autoJsonToSummary} unless overridden. */
    public Map<String, Object> exportSummary(Map<String, ?> data) {
        return Exports.autoJsonToSummary(data);
    }

    /** The CSV export of a payload; {@link Exports#autoJsonToCsv} unless overridden. */
    public String exportCsv(Map<String, ?> data) {
        return Exports.autoJsonToCsv(data);
    }

    // ---- context -------------------------------------------------------------------------------------

    /** The platform context; empty when standalone or not yet opened. */
    public final Optional<PlatformContext> context() {
        return Optional.ofNullable(context);
    }

    /**
     * The platform context.
     *
     * @throws ConfigurationException when running standalone
     */
    public final PlatformContext requireContext() {
        PlatformContext current = context;
        if (current == null) {
            throw new ConfigurationException("Plugin " + metadata().name() + " runs standalone: there is no platform context",
                    "context");
        }
        return current;
    }

    /** True when running without a platform (no context), as under {@code mint dev}. */
    public final boolean isStandalone() {
        return context == null;
    }

    /** The key under which this plugin's design data and results are stored; its name by default. */
    public String pluginId() {
        return metadata().name();
    }

    // ---- the plugin's own tables --------------------------------------------------------------------

    /**
     * Where the plugin's own tables live: integrated, its part of the platform database (needs
     * {@code requiresSharedDatabase}); standalone, the local database of {@link #setupStandaloneDb}.
     *
     * @throws ConfigurationException when neither is available
     */
    public final PluginDatabase pluginDatabase() {
        PlatformContext current = context;
        if (current != null) {
            return current.sharedDatabase().orElseThrow(() -> new ConfigurationException("Plugin " + metadata().name()
                    + " uses its own tables but does not declare requiresSharedDatabase",
                    "capabilities.requires_shared_database"));
        }
        LocalDatabase local = localDatabase;
        if (local == null) {
            throw new ConfigurationException("Standalone database not initialized; call setupStandaloneDb() before use",
                    "local_database");
        }
        return local.asPluginDatabase();
    }

    /** Opens (once) the standalone SQLite database and applies {@link #migrations()} to it. */
    public final synchronized LocalDatabase setupStandaloneDb(LocalDatabaseConfig config) {
        if (localDatabase == null) {
            LocalDatabase database = new LocalDatabase(metadata().name(), config);
            database.initialize(migrations());
            localDatabase = database;
        }
        return localDatabase;
    }

    public final synchronized void teardownStandaloneDb() {
        if (localDatabase != null) {
            localDatabase.close();
            localDatabase = null;
        }
    }

    public final Optional<LocalDatabase> localDatabase() {
        return Optional.ofNullable(localDatabase);
    }

    // ---- settings ------------------------------------------------------------------------------------

    /** The plugin's typed settings, if it has any: {@code Optional.of(PluginSettings.of(Settings.class))}. */
    public Optional<PluginSettings<? extends Record>> settingsModel() {
        return Optional.empty();
    }

    /**
     * The current settings.
     *
     * @throws ConfigurationException when the plugin has no settings model or {@code type} is not it
     */
    public final <S extends Record> S settings(Class<S> type) {
        PluginSettings<? extends Record> model = requireSettingsModel();
        if (!model.type().equals(type)) {
            throw new ConfigurationException("Settings of " + metadata().name() + " are " + model.type().getName()
                    + ", not " + type.getName(), "settings");
        }
        Record current = settings != null ? settings : model.defaults();
        return type.cast(current);
    }

    /** The current settings as a wire map; empty without a settings model. */
    public final Map<String, Object> settingsMap() {
        return settingsModel().map(this::currentAsMap).orElseGet(Map::of);
    }

    /**
     * Validates {@code values} over the defaults and makes them the current settings.
     *
     * @throws ValidationException naming every bad field
     */
    public final void applySettings(Map<String, ?> values) {
        settings = bindOverDefaults(requireSettingsModel(), values);
    }

    /**
     * Validates {@code changes} over the current settings, stores the result in the platform's plugin
     * config store (standalone: kept in memory) and applies it.
     */
    public final void saveSettings(Map<String, ?> changes) {
        PluginSettings<? extends Record> model = requireSettingsModel();
        Map<String, Object> merged = new LinkedHashMap<>(currentAsMap(model));
        merged.putAll(changes);
        Record validated = bindOverDefaults(model, merged);
        if (context != null) {
            context.saveSettings(toMap(model, validated));
        }
        settings = validated;
    }

    /** A JSON schema of the settings for forms; empty without a settings model. */
    public Map<String, Object> configurableSettings() {
        return settingsModel().map(PluginSettings::jsonSchema).orElseGet(Map::of);
    }

    // ---- data convenience methods ----------------------------------------------------------------------

    /** Saves design data with the metadata's schema version; empty when standalone. */
    public final Optional<DesignData> saveDesign(long experimentId, Map<String, ?> data) {
        return saveDesign(experimentId, data, metadata().schemaVersion());
    }

    public final Optional<DesignData> saveDesign(long experimentId, Map<String, ?> data, String schemaVersion) {
        return dataRepository().map(r -> r.saveExperimentData(experimentId, pluginId(), data,
                Objects.requireNonNull(schemaVersion, "schemaVersion == null")));
    }

    public final Optional<DesignData> loadDesign(long experimentId) {
        return dataRepository().flatMap(r -> r.getExperimentData(experimentId));
    }

    /** Saves this plugin's analysis result for the experiment; empty when standalone. */
    public final Optional<PluginAnalysisResult> saveAnalysis(long experimentId, Map<String, ?> result) {
        return dataRepository().map(r -> r.saveAnalysisResult(experimentId, pluginId(), result));
    }

    public final Optional<PluginAnalysisResult> loadAnalysis(long experimentId) {
        return dataRepository().flatMap(r -> r.getAnalysisResult(experimentId, pluginId()));
    }

    /** Saves whichever of the two is given, design first; not atomic. */
    public final Saved save(long experimentId, Map<String, ?> design, Map<String, ?> analysis) {
        Optional<DesignData> savedDesign = design == null ? Optional.empty() : saveDesign(experimentId, design);
        Optional<PluginAnalysisResult> savedAnalysis = analysis == null ? Optional.empty() : saveAnalysis(experimentId, analysis);
        return new Saved(savedDesign, savedAnalysis);
    }

    public final Saved load(long experimentId) {
        return new Saved(loadDesign(experimentId), loadAnalysis(experimentId));
    }

    /** Deletes the experiment's design data; false when there was none or standalone. */
    public final boolean deleteDesign(long experimentId) {
        return dataRepository().map(r -> r.deleteExperimentData(experimentId)).orElse(false);
    }

    public final boolean deleteAnalysis(long experimentId) {
        return dataRepository().map(r -> r.deleteAnalysisResult(experimentId, pluginId())).orElse(false);
    }

    /** Design data and analysis result of one experiment, each present if it exists. */
    public record Saved(Optional<DesignData> design, Optional<PluginAnalysisResult> analysis) {
    }

    /** Standalone: empty. Integrated without {@code requiresDatabase}: a configuration error. */
    private Optional<PluginDataRepository> dataRepository() {
        PlatformContext current = context;
        if (current == null) {
            return Optional.empty();
        }
        return Optional.of(current.pluginDataRepository().orElseThrow(() -> new ConfigurationException(
                "Plugin " + metadata().name() + " stores experiment data but does not declare requiresDatabase",
                "capabilities.requires_database")));
    }

    private PluginSettings<? extends Record> requireSettingsModel() {
        return settingsModel().orElseThrow(() -> new ConfigurationException(
                "Plugin " + metadata().name() + " has no settings model", "settings"));
    }

    private void loadSettings(PluginSettings<? extends Record> model, Map<String, String> environment) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (context != null) {
            values.putAll(context.storedSettings());
        }
        values.keySet().retainAll(model.keys()); // settings dropped by a newer version are ignored, not fatal
        values.putAll(model.fromEnvironment(metadata().name(), environment));
        settings = bindOverDefaults(model, values);
    }

    private Map<String, Object> currentAsMap(PluginSettings<? extends Record> model) {
        return toMap(model, settings != null ? settings : model.defaults());
    }

    private static <S extends Record> Record bindOverDefaults(PluginSettings<S> model, Map<String, ?> values) {
        return model.bind(values);
    }

    @SuppressWarnings("unchecked")
    private static <S extends Record> Map<String, Object> toMap(PluginSettings<S> model, Record value) {
        return model.toMap((S) value);
    }
}
