package dev.mint.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.sdk.migrations.MigrationOps;
import dev.mint.sdk.migrations.PluginMigration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDatabaseTest {
    @TempDir
    Path dir;

    private static final PluginMigration CREATE_NOTES = new PluginMigration() {
        @Override
        public int version() {
            return 1;
        }

        @Override
        public String name() {
            return "create notes";
        }

        @Override
        public void upgrade(MigrationOps ops) {
            ops.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        }
    };

    @Test
    void initializeCreatesTheFileAndAppliesMigrationsOnce() {
        LocalDatabase db = new LocalDatabase("hello-mint", LocalDatabaseConfig.in(dir.resolve("store")));
        assertThat(db.isInitialized()).isFalse();
        assertThatThrownBy(db::jdbi).isInstanceOf(ConfigurationException.class).hasMessageContaining("initialize()");
        assertThat(db.initialize(List.of(CREATE_NOTES)).applied()).hasSize(1);
        assertThat(Files.exists(dir.resolve("store/data.db"))).isTrue();
        db.jdbi().useHandle(h -> h.execute("INSERT INTO notes (body) VALUES ('hi')"));
        assertThat(db.initialize(List.of(CREATE_NOTES)).applied()).isEmpty();
        assertThat(db.asPluginDatabase().table("notes")).isEqualTo("notes");
        db.close();

        LocalDatabase reopened = new LocalDatabase("hello-mint", LocalDatabaseConfig.in(dir.resolve("store")));
        reopened.initialize(List.of(CREATE_NOTES));
        String body = reopened.jdbi().withHandle(h -> h.createQuery("SELECT body FROM notes").mapTo(String.class).one());
        assertThat(body).isEqualTo("hi");
    }

    @Test
    void defaultLocationFollowsTheDataDirectory() {
        assertThat(LocalDatabaseConfig.defaults().dbPath("p", Map.of("MINT_DATA_DIR", "/srv/mint")))
                .isEqualTo(Path.of("/srv/mint/plugins/p/data.db"));
        assertThat(LocalDatabaseConfig.defaults().dbPath("p", Map.of("XDG_DATA_HOME", "/x")))
                .isEqualTo(Path.of("/x/mint/plugins/p/data.db"));
        assertThat(new LocalDatabase("p", LocalDatabaseConfig.defaults(), Map.of()).dbPath())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".local/share/mint/plugins/p/data.db"));
        assertThatThrownBy(() -> new LocalDatabaseConfig(java.util.Optional.empty(), "../x.db"))
                .isInstanceOf(ValidationException.class);
    }
}
