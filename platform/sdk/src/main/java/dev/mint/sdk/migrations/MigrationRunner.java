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
    private final String tablePrefix;

    /** A runner for tables without a prefix (a plugin's own database, or a PostgreSQL schema of its own). */
    public MigrationRunner(Jdbi jdbi, String pluginName, Dialect dialect) {
        this(jdbi, pluginName, dialect, "");
    }

    /** A runner whose {@link MigrationOps} put {@code tablePrefix} before every table and index name. */
    public MigrationRunner(Jdbi jdbi, String pluginName, Dialect dialect, String tablePrefix) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi == null");
        this.pluginName = Objects.requireNonNull(pluginName, "pluginName == null");
        this.dialect = Objects.requireNonNull(dialect, "dialect == null");
        this.tablePrefix = Objects.requireNonNull(tablePrefix, "tablePrefix == null");
        this.table = trackingTable(dialect);
    }

    /** A runner for the tables of {@code database}, with its prefix. */
    public static MigrationRunner forDatabase(dev.mint.sdk.PluginDatabase database, String pluginName) {
        return new MigrationRunner(database.jdbi(), pluginName, database.dialect(), database.tablePrefix());
    }

    /** The table that records applied migrations: {@code _plugin_migrations} on SQLite, else {@code plugin_schema_migrations}. */
    public static String trackingTable(Dialect dialect) {
        return dialect == Dialect.SQLITE ? "_plugin_migrations" : "plugin_schema_migrations";
    }

    /**
     * The migrations of a package: every concrete {@link PluginMigration} class directly in
     * {@code packageName} (directory or jar) with a public no-argument constructor, sorted by version.
     *
     * @throws MigrationError when a class cannot be loaded or created
     */
    public static List<PluginMigration> discover(ClassLoader loader, String packageName) {
        return MigrationDiscovery.discover(Objects.requireNonNull(loader, "loader == null"),
                Objects.requireNonNull(packageName, "packageName == null"));
    }

    /** Discovers the migrations of {@code packageName} and applies the pending ones. */
    public MigrationResult runPackage(ClassLoader loader, String packageName) {
        return run(discover(loader, packageName));
    }

    /** Applies every pending migration. */
    public MigrationResult run(List<? extends PluginMigration> migrations) {
        return run(migrations, false);
    }

    /**
     * Applies every pending migration, or with {@code tablesAlreadyExist} only records them as applied
     * (a fresh install whose tables were created another way).
     *
     * @throws MigrationError before any change when the list is invalid (versions not positive or
     *     duplicated, a blank name, {@code dependsOn} not an earlier version of the list)
     * @throws SchemaVersionAheadError when the database has a newer version than any given
     * @throws MigrationChecksumError when an applied migration's operations changed (checked for all of
     *     them before any pending one runs)
     * @throws DestructiveMigrationError when a step drops without declaring {@code destructive()}
     * @throws MigrationError when a step fails; it is rolled back and recorded as failed, and
     *     {@link MigrationError#result()} says what the run had applied
     */
    public MigrationResult run(List<? extends PluginMigration> migrations, boolean tablesAlreadyExist) {
        List<PluginMigration> ordered = validated(migrations);
        try (MigrationLock lock = MigrationLock.acquire(jdbi, dialect, pluginName)) {
            ensureTrackingTable();
            Map<Integer, String> recorded = appliedChecksums();
            int shippedMax = ordered.isEmpty() ? 0 : ordered.get(ordered.size() - 1).version();
            int recordedMax = recorded.keySet().stream().max(Integer::compare).orElse(0);
            if (recordedMax > shippedMax) {
                throw new SchemaVersionAheadError("Database schema of '" + pluginName + "' is at version " + recordedMax
                        + " but this software only knows versions up to " + shippedMax + "; upgrade the software");
            }
            // Every applied migration is verified before anything pending runs.
            for (PluginMigration migration : ordered) {
                String stored = recorded.get(migration.version());
                if (stored != null && !stored.equals(replayForChecksum(migration))) {
                    throw new MigrationChecksumError("Migration " + migration.version() + " (" + migration.name()
                            + ") of '" + pluginName + "' changed after it was applied; migrations are append-only,"
                            + " add a new version instead");
                }
            }
            List<Integer> applied = new ArrayList<>();
            List<Integer> stamped = new ArrayList<>();
            for (PluginMigration migration : ordered) {
                if (recorded.containsKey(migration.version())) {
                    continue;
                }
                MigrationOps replay = null;
                try {
                    replay = replay(migration);
                    String checksum = checksum(replay);
                    if (tablesAlreadyExist) {
                        jdbi.useTransaction(h -> record(h, migration, checksum, true, null));
                        stamped.add(migration.version());
                    } else {
                        apply(migration, checksum, dialect == Dialect.SQLITE && replay.rebuildsTables());
                        applied.add(migration.version());
                        LOG.info("Applied migration {} ({}) of {}", migration.version(), migration.name(), pluginName);
                    }
                } catch (RuntimeException e) {
                    throw failed(migration, replay == null ? "" : checksum(replay), e,
                            currentVersion(recordedMax, applied, stamped), applied, stamped);
                }
            }
            return new MigrationResult(currentVersion(recordedMax, applied, stamped), applied, stamped, List.of());
        }
    }

    /**
     * Runs one migration in a transaction with its tracking row. With {@code foreignKeysOff} (an SQLite
     * table rebuild), enforcement is suspended on the connection for the step and every foreign key is
     * checked before the commit.
     */
    private void apply(PluginMigration migration, String checksum, boolean foreignKeysOff) {
        jdbi.useHandle(handle -> {
            boolean restore = foreignKeysOff && handle.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one() == 1;
            if (restore) {
                handle.execute("PRAGMA foreign_keys = OFF");
            }
            try {
                handle.useTransaction(h -> {
                    migration.upgrade(new MigrationOps(h, dialect, migration, tablePrefix));
                    if (restore) {
                        List<String> violations = h.createQuery("PRAGMA foreign_key_check")
                                .map((rs, ctx) -> rs.getString(1) + " row " + rs.getString(2) + " -> " + rs.getString(3))
                                .list();
                        if (!violations.isEmpty()) {
                            throw new MigrationError("foreign keys violated after the step: " + violations);
                        }
                    }
                    record(h, migration, checksum, true, null);
                });
            } finally {
                if (restore) {
                    handle.execute("PRAGMA foreign_keys = ON");
                }
            }
        });
    }

    /**
     * Records the failure (best effort) and builds the error to throw, carrying what the run did; a
     * {@link DestructiveMigrationError} stays one.
     */
    private MigrationError failed(PluginMigration migration, String checksum, RuntimeException e, int currentVersion,
                                  List<Integer> applied, List<Integer> stamped) {
        String message = "Migration " + migration.version() + " (" + migration.name() + ") of '" + pluginName
                + "' failed: " + e.getMessage();
        try {
            jdbi.useTransaction(h -> record(h, migration, checksum, false, String.valueOf(e.getMessage())));
        } catch (RuntimeException recordFailure) {
            e.addSuppressed(recordFailure);
        }
        MigrationResult result = new MigrationResult(currentVersion, applied, stamped, List.of(message));
        return e instanceof DestructiveMigrationError
                ? new DestructiveMigrationError(message, e, result)
                : new MigrationError(message, e, result);
    }

    private static int currentVersion(int recordedMax, List<Integer> applied, List<Integer> stamped) {
        int max = recordedMax;
        for (int v : applied) {
            max = Math.max(max, v);
        }
        for (int v : stamped) {
            max = Math.max(max, v);
        }
        return max;
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
            if (m.name() == null || m.name().isBlank()) {
                throw new MigrationError("Migration " + m.version() + " of '" + pluginName + "' has no name");
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

    /**
     * Creates the tracking table once. On PostgreSQL, concurrent {@code CREATE TABLE IF NOT EXISTS} of one
     * table can still clash (runners of different plugins hold different locks), so creation is serialized
     * by a transaction-scoped advisory lock shared by all plugins.
     */
    private void ensureTrackingTable() {
        String create = "CREATE TABLE IF NOT EXISTS " + table + " (plugin_name TEXT NOT NULL,"
                + " version INTEGER NOT NULL, name TEXT NOT NULL, applied_at " + dialect.typeSql(ColumnType.TIMESTAMP)
                + " NOT NULL, checksum TEXT NOT NULL, success " + dialect.typeSql(ColumnType.BOOLEAN) + " NOT NULL,"
                + " error_message TEXT, PRIMARY KEY (plugin_name, version))";
        jdbi.useTransaction(h -> {
            if (dialect == Dialect.POSTGRESQL) {
                h.execute("SELECT pg_advisory_xact_lock(hashtext('mint-migrations:" + table + "'))");
            }
            h.execute(create);
        });
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

    private void record(org.jdbi.v3.core.Handle h, PluginMigration m, String checksum, boolean success, String error) {
        h.createUpdate("INSERT INTO " + table + " (plugin_name, version, name, applied_at, checksum, success, error_message)"
                        + " VALUES (:p, :v, :n, CURRENT_TIMESTAMP, :c, :s, :e)"
                        + " ON CONFLICT (plugin_name, version) DO UPDATE SET name = excluded.name,"
                        + " applied_at = excluded.applied_at, checksum = excluded.checksum, success = excluded.success,"
                        + " error_message = excluded.error_message")
                .bind("p", pluginName).bind("v", m.version()).bind("n", m.name()).bind("c", checksum)
                .bind("s", success).bind("e", error).execute();
    }

    /** The migration replayed against a recording {@link MigrationOps}: nothing runs. */
    private MigrationOps replay(PluginMigration migration) {
        MigrationOps recorder = MigrationOps.recorder(dialect, migration, tablePrefix);
        migration.upgrade(recorder);
        return recorder;
    }

    /** The checksum of an applied migration; a replay that fails means the code changed. */
    private String replayForChecksum(PluginMigration migration) {
        try {
            return checksum(replay(migration));
        } catch (RuntimeException e) {
            return "replay failed: " + e;
        }
    }

    /** SHA-256 of the statements a replayed migration issued. */
    private static String checksum(MigrationOps replay) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String statement : replay.statements()) {
                digest.update(statement.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
