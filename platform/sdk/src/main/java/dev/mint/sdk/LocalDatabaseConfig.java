package dev.mint.sdk;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a standalone plugin keeps its SQLite file: {@code <storageDir>/<dbFilename>}. The default
 * storage directory is {@code <data>/plugins/<plugin name>}, where {@code <data>} is {@code $MINT_DATA_DIR},
 * else {@code $XDG_DATA_HOME/mint}, else {@code ~/.local/share/mint}: the platform's data directory, so
 * one place holds everything.
 */
public record LocalDatabaseConfig(Optional<Path> storageDir, String dbFilename) {
    public LocalDatabaseConfig {
        storageDir = Objects.requireNonNullElse(storageDir, Optional.empty());
        Objects.requireNonNull(dbFilename, "dbFilename == null");
        if (dbFilename.isBlank() || dbFilename.contains("/") || dbFilename.contains("\\")) {
            throw new ValidationException("dbFilename must be a plain file name", "db_filename", dbFilename);
        }
    }

    public static LocalDatabaseConfig defaults() {
        return new LocalDatabaseConfig(Optional.empty(), "data.db");
    }

    public static LocalDatabaseConfig in(Path storageDir) {
        return new LocalDatabaseConfig(Optional.of(storageDir), "data.db");
    }

    /** The database file for {@code pluginName}. */
    public Path dbPath(String pluginName, Map<String, String> env) {
        return storageDir.orElseGet(() -> defaultDataDir(env).resolve("plugins").resolve(pluginName)).resolve(dbFilename);
    }

    static Path defaultDataDir(Map<String, String> env) {
        String explicit = env.get("MINT_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Paths.get(explicit);
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Paths.get(xdg, "mint");
        }
        return Paths.get(System.getProperty("user.home"), ".local", "share", "mint");
    }
}
