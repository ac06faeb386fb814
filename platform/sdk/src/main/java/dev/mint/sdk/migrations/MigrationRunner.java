package dev.mint.sdk.migrations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a plugin's (or the platform's) migrations in version order, once each, recording them in a
 * tracking table ({@code _plugin_migrations} on SQLite, {@code plugin_schema_migrations} on PostgreSQL).
 *
 * <p>A run holds a lock keyed by the plugin name (a PostgreSQL advisory lock; a lock row on SQLite), so
 * two processes never migrate the same plugin at once. Each pending migration runs in one transaction
 * with its tracking row: a failure rolls the step back, is recorded with its message, and stops the run.
 * Thread-safe; create one per plugin.
 */
public final class MigrationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private final Jdbi jdbi;
    private final String pluginName;
    private final Dialect dialect;
    private final String table;

    public MigrationRunner(Jdbi jdbi, String pluginName, Dialect dialect) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi == null");
        this.pluginName = Objects.requireNonNull(pluginName, "pluginName == null");
        this.dialect = Objects.requireNonNull(dialect, "dialect == null");
        this.table = dialect == Dialect.SQLITE ? "_plugin_migrations" : "plugin_schema_migrations";
    }

    /** Applies every pending migration. */
    public MigrationResult run(List<? extends PluginMigration> migrations) {
        return run(migrations, false);
    }

    /**
     * Applies every pending migration, or with {@code tablesAlreadyExist} only records them as applied
     * (a fresh install whose tables were created another way).
     *
     * @throws SchemaVersionAheadError when the database has a newer version than any given
     * @throws MigrationChecksumError when an applied migration's operations changed
     * @throws MigrationError when a migration fails; {@link MigrationError#result()} says what was applied
     */
    public MigrationResult run(List<? extends PluginMigration> migrations, boolean tablesAlreadyExist) {
        List<PluginMigration> ordered = validated(migrations);
        try (MigrationLock lock = MigrationLock.acquire(jdbi, dialect, pluginName)) {
            ensureTrackingTable();
            Map<Integer, String> appliedChecksums = appliedChecksums();
            int shippedMax = ordered.isEmpty() ? 0 : ordered.get(ordered.size() - 1).version();
            int recordedMax = appliedChecksums.keySet().stream().max(Integer::compare).orElse(0);
            if (recordedMax > shippedMax) {
                throw new SchemaVersionAheadError("Database schema of '" + pluginName + "' is at version " + recordedMax
                        + " but this software only knows versions up to " + shippedMax + "; upgrade the software");
            }
            List<Integer> applied = new ArrayList<>();
            List<Integer> stamped = new ArrayList<>();
            for (PluginMigration migration : ordered) {
                String checksum = checksum(migration);
                String recorded = appliedChecksums.get(migration.version());
                if (recorded != null) {
                    if (!recorded.equals(checksum)) {
                        throw new MigrationChecksumError("Migration " + migration.version() + " (" + migration.name()
                                + ") of '" + pluginName + "' changed after it was applied; migrations are append-only,"
                                + " add a new version instead");
                    }
                    continue;
                }
                if (tablesAlreadyExist) {
                    jdbi.useTransaction(h -> record(h, migration, checksum, true, null));
                    stamped.add(migration.version());
                    continue;
                }
                try {
                    jdbi.useTransaction(h -> {
                        migration.upgrade(new MigrationOps(h, dialect, migration));
                        record(h, migration, checksum, true, null);
                    });
                    applied.add(migration.version());
                    LOG.info("Applied migration {} ({}) of {}", migration.version(), migration.name(), pluginName);
                } catch (RuntimeException e) {
                    String message = "Migration " + migration.version() + " (" + migration.name() + ") of '"
                            + pluginName + "' failed: " + e.getMessage();
                    jdbi.useTransaction(h -> record(h, migration, checksum, false, String.valueOf(e.getMessage())));
                    MigrationResult result = new MigrationResult(currentVersion(), applied, stamped, List.of(message));
                    throw new MigrationError(message, e, result);
                }
            }
            return new MigrationResult(currentVersion(), applied, stamped, List.of());
        }
    }

    private List<PluginMigration> validated(List<? extends PluginMigration> migrations) {
        List<PluginMigration> ordered = new ArrayList<>(migrations);
        ordered.sort(Comparator.comparingInt(PluginMigration::version));
        Map<Integer, PluginMigration> byVersion = new HashMap<>();
        for (PluginMigration m : ordered) {
            if (m.version() <= 0) {
                throw new MigrationError("Migration " + m.getClass().getName() + " has version " + m.version()
                        + "; versions must be positive");
            }
            if (byVersion.put(m.version(), m) != null) {
                throw new MigrationError("Two migrations of '" + pluginName + "' share version " + m.version());
            }
            m.dependsOn().ifPresent(dep -> {
                if (dep >= m.version() || !byVersion.containsKey(dep)) {
                    throw new MigrationError("Migration " + m.version() + " depends on version " + dep
                            + ", which is not an earlier migration of '" + pluginName + "'");
                }
            });
        }
        return ordered;
    }

    private void ensureTrackingTable() {
        jdbi.useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS " + table + " (plugin_name TEXT NOT NULL,"
                + " version INTEGER NOT NULL, name TEXT NOT NULL, applied_at " + dialect.typeSql(ColumnType.TIMESTAMP)
                + " NOT NULL, checksum TEXT NOT NULL, success " + dialect.typeSql(ColumnType.BOOLEAN) + " NOT NULL,"
                + " error_message TEXT, PRIMARY KEY (plugin_name, version))"));
    }

    private Map<Integer, String> appliedChecksums() {
        Map<Integer, String> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT version, checksum FROM " + table
                        + " WHERE plugin_name = :p AND success = :ok")
                .bind("p", pluginName).bind("ok", true)
                .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getString(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    private int currentVersion() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(version), 0) FROM " + table
                        + " WHERE plugin_name = :p AND success = :ok")
                .bind("p", pluginName).bind("ok", true).mapTo(Integer.class).one());
    }

    private void record(org.jdbi.v3.core.Handle h, PluginMigration m, String checksum, boolean success, String error) {
        h.createUpdate("INSERT INTO " + table + " (plugin_name, version, name, applied_at, checksum, success, error_message)"
                        + " VALUES (:p, :v, :n, CURRENT_TIMESTAMP, :c, :s, :e)"
                        + " ON CONFLICT (plugin_name, version) DO UPDATE SET name = excluded.name,"
                        + " applied_at = excluded.applied_at, checksum = excluded.checksum, success = excluded.success,"
                        + " error_message = excluded.error_message")
                .bind("p", pluginName).bind("v", m.version()).bind("n", m.name()).bind("c", checksum)
                .bind("s", success).bind("e", error).execute();
    }

    /** SHA-256 of the statements the migration issues, replayed without a database. */
    String checksum(PluginMigration migration) {
        MigrationOps recorder = MigrationOps.recorder(dialect, migration);
        migration.upgrade(recorder);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String statement : recorder.statements()) {
                digest.update(statement.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
