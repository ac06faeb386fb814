package dev.mint.server.plugins;

import static dev.mint.server.test.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.sdk.PluginMetadata;
import dev.mint.sdk.migrations.Dialect;
import dev.mint.server.Version;
import dev.mint.server.test.PluginJars;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import dev.mint.testing.PluginTesting;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installing bundles over HTTP, restarting, and uninstalling with each data mode, on a real server with a
 * plugins directory; the plugin keeps notes in a table of its own namespace.
 */
class PluginInstallTest {
    private static final String NOTES = """
            package org.example;

            import static io.javalin.apibuilder.ApiBuilder.get;
            import static io.javalin.apibuilder.ApiBuilder.post;

            import dev.mint.sdk.*;
            import dev.mint.sdk.migrations.*;
            import java.util.List;
            import java.util.Map;

            public class NotesPlugin extends AnalysisPlugin {
                public PluginMetadata metadata() {
                    return PluginMetadata.builder("%1$s", "%2$s").routesPrefix("%3$s")
                            .capabilities(PluginCapabilities.builder().requiresAuth().requiresSharedDatabase().build()).build();
                }

                public List<PluginMigration> migrations() {
                    return List.of(new PluginMigration() {
                        public int version() { return 1; }
                        public String name() { return "notes"; }
                        public void upgrade(MigrationOps ops) {
                            ops.createTable("notes", Column.id("id"), Column.of("text", ColumnType.TEXT).notNull());
                            ops.createIndex("notes_text", "notes", List.of("text"), false);
                        }
                    });
                }

                public LifecycleHookResult onBeforeExperimentSave(long experimentId, Map<String, Object> data) {
                    return data.containsKey("scribble") ? LifecycleHookResult.veto("no scribbles") : LifecycleHookResult.ok();
                }

                public List<PluginRouter> routers() {
                    return List.of(PluginRouter.of(() -> {
                        post("/pin", ctx -> {
                            requireContext().requirePluginRole("editor").handle(ctx);
                            ctx.json(Map.of("pinned", true));
                        });
                        post("/notes", ctx -> {
                            PluginDatabase db = pluginDatabase();
                            db.jdbi().useHandle(h -> h.execute("INSERT INTO " + db.table("notes") + " (text) VALUES (?)", ctx.body()));
                            ctx.status(201);
                        });
                        get("/notes", ctx -> {
                            PluginDatabase db = pluginDatabase();
                            ctx.json(Map.of("version", metadata().version(), "notes", db.jdbi().withHandle(h -> h.createQuery(
                                    "SELECT text FROM " + db.table("notes") + " ORDER BY id").mapTo(String.class).list())));
                        });
                    }));
                }

                public void initialize(PlatformContext context) {
                }

                public void shutdown() {
                }
            }
            """;

    @TempDir
    Path dir;
    TestPlatform platform;
    Path pluginsDir;

    @BeforeEach
    void start() {
        pluginsDir = dir.resolve("plugins");
        platform = TestPlatform.start(b -> b.pluginsDir(pluginsDir)
                .plugins(List.of(PluginTesting.makeTestPlugin("builtin").routesPrefix("/taken").build())));
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private Path jar(String name, String version, String prefix) throws Exception {
        String build = name + "-" + version + "-" + Math.abs(prefix.hashCode());
        return PluginJars.build(dir.resolve(build), NOTES.formatted(name, version, prefix),
                dir.resolve(build + ".jar"), true);
    }

    private byte[] bundle(String name, String version, String prefix) throws Exception {
        Path jar = jar(name, version, prefix);
        PluginMetadata metadata = PluginMetadata.builder(name, version).routesPrefix(prefix).build();
        Path out = dir.resolve(name + "-" + version + ".mint");
        PluginBundle.write(jar, metadata, Version.CURRENT, out);
        return Files.readAllBytes(out);
    }

    private TestHttp.Response upload(byte[] bundle, String query) {
        return platform.http().send("POST", "/api/plugins/upload" + query, platform.adminToken(), bundle, Map.of());
    }

    private JsonNode listed(String name) {
        for (JsonNode plugin : platform.http().get("/api/plugins", platform.adminToken()).json().get("plugins")) {
            if (plugin.get("name").asText().equals(name)) {
                return plugin;
            }
        }
        return null;
    }

    private TestHttp.Response addNote(String text) {
        return platform.http().send("POST", "/api/notes/notes", platform.adminToken(), text, Map.of("Content-Type", "text/plain"));
    }

    private JsonNode notes() {
        TestHttp.Response response = platform.http().get("/api/notes/notes", platform.adminToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private List<String> tablesLike(String fragment) {
        var database = platform.server().database();
        String sql = database.dialect() == Dialect.SQLITE
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE :f ORDER BY name"
                : "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                        + " WHERE table_schema || '.' || table_name LIKE :f ORDER BY 1";
        return database.jdbi().withHandle(h -> h.createQuery(sql).bind("f", "%" + fragment + "%").mapTo(String.class).list());
    }

    private void installAndRestart(String version) throws Exception {
        TestHttp.Response installed = upload(bundle("notes", version, "/notes"), "?force=true");
        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
        platform.restart();
    }

    @Test
    void anUploadedBundleLoadsAtTheNextStartInANamespaceOfItsOwn() throws Exception {
        TestHttp.Response installed = upload(bundle("notes", "1.0.0", "/notes"), "");

        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
        assertThat(installed.json().get("restart_required").asBoolean()).isTrue();
        assertThat(installed.json().get("file").asText()).isEqualTo("notes.jar");
        assertThat(listed("notes").get("status").asText()).isEqualTo("restart_required");
        assertThat(platform.http().get("/api/notes/notes", platform.adminToken()).status()).isEqualTo(404);
        assertThat(PluginJars.files(pluginsDir)).containsExactly("notes.jar");

        platform.restart();

        assertThat(listed("notes").get("status").asText()).isEqualTo("ready");
        assertThat(listed("notes").get("source").asText()).isEqualTo("notes.jar");
        assertThat(addNote("first").status()).isEqualTo(201);
        assertThat(notes().get("notes")).extracting(JsonNode::asText).containsExactly("first");
        assertThat(platform.http().get("/api/notes/notes", null).status()).isEqualTo(401);
        boolean sqlite = platform.server().database().dialect() == Dialect.SQLITE;
        assertThat(tablesLike("notes")).contains(sqlite ? "notes__notes" : "notes.notes");
        assertThat(platform.http().get("/api/admin/audit?action=plugin.install", platform.adminToken()).body()).contains("notes");
    }

    @Test
    void aJarPluginsHooksAndRolesWorkWithRealAuth() throws Exception {
        installAndRestart("1.0.0");
        String admin = platform.adminToken();
        long id = platform.http().post("/api/experiments", admin, Map.of("name", "with notes")).json().get("id").asLong();

        JsonNode vetoed = assertError(platform.http().put("/api/experiments/" + id + "/data", admin,
                Map.of("plugin_id", "any", "data", Map.of("scribble", 1))), 400, "VALIDATION_ERROR");
        assertThat(vetoed.get("message").asText()).isEqualTo("Plugin 'notes' rejected the design data: no scribbles");
        assertThat(platform.http().put("/api/experiments/" + id + "/data", admin,
                Map.of("plugin_id", "any", "data", Map.of("clean", 1))).status()).isEqualTo(200);

        JsonNode editor = platform.createUser("editor1", "member");
        String editorToken = platform.login("editor1", "editor1-password");
        String otherToken = platform.userToken("other1", "member");
        assertError(platform.http().post("/api/notes/pin", editorToken, Map.of()), 403, "PERMISSION_DENIED");
        assertThat(platform.http().put("/api/admin/plugin-roles/notes/" + editor.get("id").asLong(), admin,
                Map.of("role", "editor")).status()).isEqualTo(200);
        assertThat(platform.http().post("/api/notes/pin", editorToken, Map.of()).json().get("pinned").asBoolean()).isTrue();
        assertError(platform.http().post("/api/notes/pin", otherToken, Map.of()), 403, "PERMISSION_DENIED");
        assertThat(platform.http().post("/api/notes/pin", admin, Map.of()).status()).isEqualTo(200);
        assertThat(platform.http().post("/api/notes/pin", null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void anUpgradeNeedsForceAndReplacesTheJar() throws Exception {
        installAndRestart("1.0.0");
        addNote("kept across the upgrade");

        TestHttp.Response again = upload(bundle("notes", "1.1.0", "/notes"), "");
        assertError(again, 409, "CONFLICT");
        assertThat(again.body()).contains("force=true");

        TestHttp.Response forced = upload(bundle("notes", "1.1.0", "/notes"), "?force=true");
        assertThat(forced.json().get("replaced_version").asText()).isEqualTo("1.0.0");
        assertThat(notes().get("version").asText()).as("the running plugin serves until the restart").isEqualTo("1.0.0");
        platform.restart();
        assertThat(notes().get("version").asText()).isEqualTo("1.1.0");
        assertThat(notes().get("notes")).extracting(JsonNode::asText).containsExactly("kept across the upgrade");
    }

    @Test
    void badBundlesAreRefusedAndLeaveThePluginsDirectoryAlone() throws Exception {
        assertError(upload("not a zip".getBytes(StandardCharsets.UTF_8), ""), 400, "INVALID_BUNDLE");
        assertError(upload(zip(Map.of("README.md", "hello")), ""), 400, "INVALID_BUNDLE");
        assertError(upload(zip(Map.of("manifest.json", "{not json")), ""), 400, "INVALID_BUNDLE");
        assertError(upload(zip(Map.of("manifest.json", "{\"name\": \"x\", \"version\": \"1.0.0\", \"routes_prefix\": \"/x\","
                + " \"files\": {\"jar\": \"plugin/x.jar\"}}")), ""), 422, "INVALID_BUNDLE");
        assertError(upload(zip(Map.of("manifest.json", "{\"name\": \"Bad Name\", \"version\": \"1.0.0\"}")), ""), 422,
                "INVALID_BUNDLE");

        Path noPlugin = PluginJars.build(dir.resolve("empty"), "package org.example;\npublic class Nothing {}\n",
                dir.resolve("nothing.jar"), false);
        Path mintOfNothing = dir.resolve("nothing.mint");
        PluginBundle.write(noPlugin, PluginMetadata.builder("nothing", "1.0.0").build(), Version.CURRENT, mintOfNothing);
        assertThat(upload(Files.readAllBytes(mintOfNothing), "").body()).contains("provides no plugin");

        Path notes = jar("notes", "1.0.0", "/notes");
        Path mislabelled = dir.resolve("mislabelled.mint");
        PluginBundle.write(notes, PluginMetadata.builder("other", "1.0.0").build(), Version.CURRENT, mislabelled);
        TestHttp.Response wrongName = upload(Files.readAllBytes(mislabelled), "");
        assertError(wrongName, 422, "INVALID_BUNDLE");
        assertThat(wrongName.body()).contains("not the plugin 'other'");

        assertError(upload(bundle("squatter", "1.0.0", "/taken"), ""), 409, "CONFLICT");
        assertError(upload(bundle("builtin", "1.0.0", "/builtin"), "?force=true"), 409, "CONFLICT");
        assertError(platform.http().send("POST", "/api/plugins/upload", platform.adminToken(), "{}", Map.of()), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        String member = platform.userToken("member1", "member");
        assertError(platform.http().send("POST", "/api/plugins/upload", member, bundle("notes", "1.0.0", "/notes"), Map.of()),
                403, "PERMISSION_DENIED");

        assertThat(PluginJars.files(pluginsDir)).isEmpty();
        assertThat(listed("notes")).isNull();
    }

    @Test
    void uninstallKeepingDataLetsAReinstallCarryOn() throws Exception {
        installAndRestart("1.0.0");
        addNote("survives");

        TestHttp.Response removed = platform.http().delete("/api/plugins/notes", platform.adminToken());

        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().get("data").asText()).isEqualTo("keep");
        assertThat(platform.http().get("/api/notes/notes", platform.adminToken()).status()).isEqualTo(404);
        assertThat(listed("notes")).isNull();
        assertThat(PluginJars.files(pluginsDir)).isEmpty();
        installAndRestart("1.0.0");
        assertThat(notes().get("notes")).extracting(JsonNode::asText).containsExactly("survives");
    }

    @Test
    void uninstallArchivingDataSetsItAsideAndAReinstallStartsAfresh() throws Exception {
        installAndRestart("1.0.0");
        addNote("archived");

        TestHttp.Response removed = platform.http().delete("/api/plugins/notes?data=archive", platform.adminToken());

        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        String archived = removed.json().get("archived_as").get(0).asText();
        assertThat(archived).startsWith("archived_").endsWith("notes");
        String table = platform.server().database().dialect() == Dialect.SQLITE ? archived : archived + ".notes";
        List<String> rows = platform.server().database().jdbi().withHandle(h -> h.createQuery("SELECT text FROM " + table)
                .mapTo(String.class).list());
        assertThat(rows).containsExactly("archived");
        installAndRestart("1.0.0");
        assertThat(notes().get("notes")).isEmpty();
    }

    @Test
    void uninstallPurgingDataDropsTablesConfigAndRoles() throws Exception {
        installAndRestart("1.0.0");
        addNote("gone");
        platform.http().patch("/api/plugins/notes/config", platform.adminToken(), Map.of("config", Map.of("a", 1)));

        TestHttp.Response removed = platform.http().delete("/api/plugins/notes?data=purge", platform.adminToken());

        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().get("dropped_tables")).extracting(JsonNode::asText).contains(
                platform.server().database().dialect() == Dialect.SQLITE ? "notes__notes" : "notes");
        assertThat(tablesLike("notes")).isEmpty();
        installAndRestart("1.0.0");
        assertThat(notes().get("notes")).isEmpty();
        assertThat(platform.http().get("/api/plugins/notes/config", platform.adminToken()).json().get("config").size()).isZero();
    }

    @Test
    void uninstallRefusesWhatItCannotRemove() {
        assertError(platform.http().delete("/api/plugins/builtin", platform.adminToken()), 409, "CONFLICT");
        assertError(platform.http().delete("/api/plugins/nope", platform.adminToken()), 404, "NOT_FOUND");
        assertError(platform.http().delete("/api/plugins/builtin?data=shred", platform.adminToken()), 422,
                "VALIDATION_ERROR");
        assertThat(platform.http().get("/api/builtin", platform.adminToken()).status()).isNotEqualTo(500);
        assertThat(listed("builtin").get("status").asText()).isEqualTo("ready");
    }

    private static byte[] zip(Map<String, String> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
