package dev.mint.sdk;

import dev.mint.sdk.migrations.Dialect;
import dev.mint.sdk.migrations.MigrationResult;
import dev.mint.sdk.migrations.MigrationRunner;
import dev.mint.sdk.migrations.PluginMigration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite database of a plugin running standalone (no platform): only the plugin's own tables, created
 * by its migrations. {@link #initialize} is idempotent; use {@link #jdbi()} or {@link #asPluginDatabase()}
 * afterwards. Thread-safe.
 */
public final class LocalDatabase implements AutoCloseable {
    private final String pluginName;
    private final Path dbPath;
    private volatile Jdbi jdbi;

    public LocalDatabase(String pluginName, LocalDatabaseConfig config) {
        this(pluginName, config, System.getenv());
    }

    LocalDatabase(String pluginName, LocalDatabaseConfig config, Map<String, String> env) {
        this.pluginName = Objects.requireNonNull(pluginName, "pluginName == null");
        this.dbPath = Objects.requireNonNull(config, "config == null").dbPath(pluginName, env);
    }

    public Path dbPath() {
        return dbPath;
    }

    public boolean isInitialized() {
        return jdbi != null;
    }

    /**
     * Creates the directory and file if needed and applies {@code migrations}.
     *
     * @throws ConfigurationException when the directory cannot be created
     * @throws dev.mint.sdk.migrations.MigrationError when a migration fails (it is rolled back)
     */
    public synchronized MigrationResult initialize(List<? extends PluginMigration> migrations) {
        if (jdbi == null) {
            try {
                Files.createDirectories(dbPath.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new ConfigurationException("Cannot create " + dbPath.getParent() + ": " + e.getMessage(), "local_database");
            }
            SQLiteConfig config = new SQLiteConfig();
            config.enforceForeignKeys(true);
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setBusyTimeout(5_000);
            SQLiteDataSource dataSource = new SQLiteDataSource(config);
            dataSource.setUrl("jdbc:sqlite:" + dbPath.toAbsolutePath());
            jdbi = Jdbi.create(dataSource);
        }
        return new MigrationRunner(jdbi, pluginName, Dialect.SQLITE).run(migrations);
    }

    /**
     * @throws ConfigurationException before {@link #initialize}
     */
    public Jdbi jdbi() {
        Jdbi current = jdbi;
        if (current == null) {
            throw new ConfigurationException("Local database of " + pluginName + " is not initialized; call initialize() first",
                    "local_database");
        }
        return current;
    }

    /** This database as the plugin's {@link PluginDatabase} (no table prefix). */
    public PluginDatabase asPluginDatabase() {
        Jdbi current = jdbi();
        return new PluginDatabase() {
            @Override
            public Jdbi jdbi() {
                return current;
            }

            @Override
            public Dialect dialect() {
                return Dialect.SQLITE;
            }

            @Override
            public String tablePrefix() {
                return "";
            }
        };
    }

    /** Forgets the connection factory; SQLite connections are opened per use, so nothing stays open. */
    @Override
    public synchronized void close() {
        jdbi = null;
    }
}
