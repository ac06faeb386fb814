package dev.mint.testing;

import dev.mint.sdk.AnalysisPlugin;
import dev.mint.sdk.LocalDatabase;
import dev.mint.sdk.LocalDatabaseConfig;
import dev.mint.sdk.PlatformContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The migrated SQLite database a {@link TestApp} gives a plugin with tables of its own; deleted on close. */
final class TemporaryDatabase {
    private final Path directory;
    private final LocalDatabase database;
    private final RecordingContext context;

    private TemporaryDatabase(Path directory, LocalDatabase database, RecordingContext context) {
        this.directory = directory;
        this.database = database;
        this.context = context;
    }

    /** Null when the plugin needs none, or the context already has one. */
    static TemporaryDatabase forPlugin(AnalysisPlugin plugin, PlatformContext context) {
        if (!plugin.hasOwnTables() || context instanceof RecordingContext recording && recording.hasDatabase()
                || context != null && !(context instanceof RecordingContext)) {
            return null;
        }
        Path directory;
        try {
            directory = Files.createTempDirectory("mint-test-" + plugin.metadata().name() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (context == null) {
            return new TemporaryDatabase(directory, plugin.setupStandaloneDb(LocalDatabaseConfig.in(directory)), null);
        }
        LocalDatabase database = new LocalDatabase(plugin.metadata().name(), LocalDatabaseConfig.in(directory));
        database.initialize(plugin.migrations());
        RecordingContext recording = (RecordingContext) context;
        recording.setDatabase(database.asPluginDatabase());
        return new TemporaryDatabase(directory, database, recording);
    }

    static void close(AnalysisPlugin plugin, TemporaryDatabase temporary) {
        if (temporary == null) {
            return;
        }
        if (temporary.context == null) {
            plugin.teardownStandaloneDb();
        } else {
            temporary.context.setDatabase(null);
        }
        temporary.database.close();
        try (Stream<Path> files = Files.walk(temporary.directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans it up eventually
        }
    }
}
