package dev.mint.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.sdk.migrations.Dialect;
import dev.mint.sdk.migrations.SchemaVersionAheadError;
import dev.mint.server.MintServer;
import dev.mint.server.ServerConfig;
import dev.mint.server.test.TestDatabases;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void sqliteConnectionsUseWalAndForeignKeys() {
        try (TestPlatform platform = TestPlatform.start()) {
            Database db = platform.server().database();
            if (db.dialect() != Dialect.SQLITE) {
                String type = db.jdbi().withHandle(h -> h.createQuery("SELECT data_type FROM information_schema.columns"
                        + " WHERE table_name = 'experiments' AND column_name = 'tags'").mapTo(String.class).one());
                assertThat(type).isEqualTo("jsonb");
                return;
            }
            // Several handles at once, so more than one pooled connection is checked.
            List<Handle> handles = List.of(db.jdbi().open(), db.jdbi().open(), db.jdbi().open());
            try {
                for (Handle h : handles) {
                    assertThat(h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()).isEqualToIgnoringCase("wal");
                    assertThat(h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
                }
            } finally {
                handles.forEach(Handle::close);
            }
        }
    }

    @Test
    void timestampsRoundTripAtMillisecondPrecisionAndSortInTimeOrder() {
        try (TestPlatform platform = TestPlatform.start()) {
            var jdbi = platform.server().database().jdbi();
            Instant early = Instant.parse("2026-01-02T03:04:05.006Z");
            Instant late = Instant.parse("2026-11-25T23:59:59.999Z");
            jdbi.useHandle(h -> {
                h.execute("CREATE TABLE time_probe (id INTEGER, at " + (TestDatabases.postgres() ? "TIMESTAMPTZ" : "TEXT") + ")");
                h.createUpdate("INSERT INTO time_probe VALUES (1, :at)").bind("at", late).execute();
                h.createUpdate("INSERT INTO time_probe VALUES (2, :at)").bind("at", early).execute();
            });
            List<Instant> ordered = jdbi.withHandle(h -> h.createQuery("SELECT at FROM time_probe ORDER BY at")
                    .mapTo(Instant.class).list());
            assertThat(ordered).containsExactly(early, late);
            List<Integer> after = jdbi.withHandle(h -> h.createQuery("SELECT id FROM time_probe WHERE at >= :t")
                    .bind("t", early.plus(1, ChronoUnit.MILLIS)).mapTo(Integer.class).list());
            assertThat(after).containsExactly(1);
        }
    }

    @Test
    void restartKeepsDataAndDoesNotReapplyTheSchema() {
        String url = TestDatabases.postgres() ? TestDatabases.createPostgresDatabase() : null;
        ServerConfig config = ServerConfig.builder().port(0).dataDir(dataDir).databaseUrl(url)
                .adminPassword("first-password-1").build();
        try {
            long experimentId;
            List<String> appliedAfterFirstStart;
            try (MintServer first = MintServer.start(config)) {
                TestHttp http = new TestHttp(first.baseUrl());
                String token = login(http, "first-password-1");
                experimentId = http.post("/api/experiments", token, Map.of("name", "Survives restarts")).json().get("id").asLong();
                appliedAfterFirstStart = appliedMigrations(first);
            }
            try (MintServer second = MintServer.start(config.toBuilder().adminPassword("ignored-password-2").build())) {
                TestHttp http = new TestHttp(second.baseUrl());
                String token = login(http, "first-password-1");
                assertThat(http.get("/api/experiments/" + experimentId, token).json().get("name").asText())
                        .isEqualTo("Survives restarts");
                assertThat(appliedAfterFirstStart).isNotEmpty();
                assertThat(appliedMigrations(second)).isEqualTo(appliedAfterFirstStart);
                assertThat(second.generatedAdminPassword()).isEmpty();
            }
        } finally {
            if (url != null) {
                TestDatabases.dropPostgresDatabase(url);
            }
        }
    }

    @Test
    void aDatabaseFromNewerSoftwareRefusesToStart() {
        String url = TestDatabases.postgres() ? TestDatabases.createPostgresDatabase() : null;
        ServerConfig config = ServerConfig.builder().port(0).dataDir(dataDir).databaseUrl(url).adminPassword("pw-123456").build();
        try {
            try (MintServer server = MintServer.start(config)) {
                server.database().jdbi().useHandle(h -> h.execute("INSERT INTO "
                        + (TestDatabases.postgres() ? "plugin_schema_migrations" : "_plugin_migrations")
                        + " (plugin_name, version, name, applied_at, checksum, success) VALUES"
                        + " ('mint-platform', 99, 'future', CURRENT_TIMESTAMP, 'x', TRUE)"));
            }
            assertThatThrownBy(() -> MintServer.start(config)).isInstanceOf(SchemaVersionAheadError.class)
                    .hasMessageContaining("version 99");
        } finally {
            if (url != null) {
                TestDatabases.dropPostgresDatabase(url);
            }
        }
    }

    @Test
    void concurrentWritersAllSucceed() throws Exception {
        try (TestPlatform platform = TestPlatform.start()) {
            String token = platform.adminToken();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> statuses = new java.util.ArrayList<>();
                for (int i = 0; i < 48; i++) {
                    int n = i;
                    statuses.add(pool.submit(() -> n % 2 == 0
                            ? platform.http().post("/api/projects", token, Map.of("name", "Concurrent " + n)).status()
                            : platform.http().post("/api/experiments", token, Map.of("name", "Concurrent " + n)).status()));
                }
                for (Future<Integer> status : statuses) {
                    assertThat(status.get()).isEqualTo(201);
                }
            } finally {
                pool.shutdown();
            }
            assertThat(platform.http().get("/api/projects?limit=1", token).json().get("total").asInt()).isEqualTo(24);
            assertThat(platform.http().get("/api/experiments?limit=1", token).json().get("total").asInt()).isEqualTo(24);
        }
    }

    /** The platform's tracking rows: version, checksum and when each was applied. */
    private static List<String> appliedMigrations(MintServer server) {
        return server.database().jdbi().withHandle(h -> h.createQuery("SELECT version || ' ' || checksum || ' ' || applied_at FROM "
                + (TestDatabases.postgres() ? "plugin_schema_migrations" : "_plugin_migrations")
                + " WHERE plugin_name = 'mint-platform' ORDER BY version").mapTo(String.class).list());
    }

    private static String login(TestHttp http, String password) {
        return http.post("/api/auth/login", null, Map.of("username", "admin", "password", password))
                .json().get("access_token").asText();
    }
}
