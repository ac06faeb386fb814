package dev.mint.server.plugins;

import dev.mint.sdk.PluginDatabase;
import dev.mint.sdk.migrations.Dialect;
import dev.mint.sdk.migrations.MigrationRunner;
import dev.mint.server.db.Database;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Where one plugin's own tables live in the platform database. On PostgreSQL a schema named after the
 * plugin ({@code panel-designer} → {@code panel_designer}), set first in the search path of a small pool
 * of the plugin's own, so its SQL names its tables plainly; on SQLite the prefix {@code <slug>__} on every
 * table and index name. The migration tracking rows live with the tables (in the schema; keyed by plugin
 * name on SQLite), so archiving or purging the namespace forgets the plugin's schema version too.
 */
final class PluginNamespace implements PluginDatabase, AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    /** Schema names PostgreSQL or the platform use themselves. */
    private static final Set<String> TAKEN_SCHEMAS = Set.of("public", "information_schema");

    private final String pluginName;
    private final String slug;
    private final Database platform;
    private final Database schemaPool;

    private PluginNamespace(String pluginName, Database platform, Database schemaPool) {
        this.pluginName = pluginName;
        this.slug = slug(pluginName);
        this.platform = platform;
        this.schemaPool = schemaPool;
    }

    /**
     * The plugin's identifier in the database: lower case, runs of other characters as one underscore,
     * {@code p_} in front of a leading digit or a name PostgreSQL keeps for itself. Two plugins whose
     * names give one slug cannot both be installed.
     */
    static String slug(String pluginName) {
        String slug = pluginName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.isEmpty() || Character.isDigit(slug.charAt(0)) || slug.startsWith("pg_") || TAKEN_SCHEMAS.contains(slug)
                || slug.startsWith("archived_")) {
            slug = "p_" + slug;
        }
        return slug.length() > 40 ? slug.substring(0, 40) : slug;
    }

    /** Opens the namespace, creating the PostgreSQL schema when missing. */
    static PluginNamespace open(Database platform, String pluginName) {
        if (platform.dialect() == Dialect.SQLITE) {
            return new PluginNamespace(pluginName, platform, null);
        }
        String schema = slug(pluginName);
        platform.jdbi().useHandle(h -> h.execute("CREATE SCHEMA IF NOT EXISTS " + schema));
        return new PluginNamespace(pluginName, platform, platform.openSchemaPool(schema));
    }

    @Override
    public Jdbi jdbi() {
        return schemaPool != null ? schemaPool.jdbi() : platform.jdbi();
    }

    @Override
    public Dialect dialect() {
        return platform.dialect();
    }

    @Override
    public String tablePrefix() {
        return schemaPool != null ? "" : slug + "__";
    }

    /** Where the plugin's tables are, for messages: {@code schema panel_designer} or {@code tables panel_designer__*}. */
    String describe() {
        return schemaPool != null ? "schema " + slug : "tables " + slug + "__*";
    }

    /** A migration runner for this namespace. */
    MigrationRunner migrations() {
        return MigrationRunner.forDatabase(this, pluginName);
    }

    /** The physical names of the plugin's tables, sorted. */
    List<String> tables() {
        if (schemaPool != null) {
            return platform.jdbi().withHandle(h -> h.createQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = :s ORDER BY table_name").bind("s", slug).mapTo(String.class).list());
        }
        return platform.jdbi().withHandle(h -> sqliteTables(h));
    }

    private List<String> sqliteTables(Handle h) {
        String prefix = tablePrefix();
        return h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, :n) = :p ORDER BY name")
                .bind("n", prefix.length()).bind("p", prefix).mapTo(String.class).list();
    }

    /**
     * Renames the plugin's data aside as {@code archived_<UTC yyyyMMddHHmmss>_...} (the schema on
     * PostgreSQL; each table on SQLite, whose indexes are dropped as index names are global there) and
     * forgets its migrations, so a later install starts afresh. Returns the archived names.
     */
    List<String> archive(Instant now) {
        String stamp = "archived_" + STAMP.format(now) + "_";
        if (tables().isEmpty()) {
            purge(); // nothing worth keeping: drop an empty schema, forget the migrations
            return List.of();
        }
        if (schemaPool != null) {
            schemaPool.close();
            String archived = (stamp + slug).substring(0, Math.min(63, stamp.length() + slug.length()));
            platform.jdbi().useHandle(h -> h.execute("ALTER SCHEMA " + slug + " RENAME TO " + archived));
            return List.of(archived);
        }
        return platform.jdbi().inTransaction(h -> {
            List<String> archived = new ArrayList<>();
            for (String index : h.createQuery("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                    + " AND substr(tbl_name, 1, :n) = :p").bind("n", tablePrefix().length()).bind("p", tablePrefix())
                    .mapTo(String.class).list()) {
                h.execute("DROP INDEX \"" + index + "\"");
            }
            for (String table : sqliteTables(h)) {
                h.execute("ALTER TABLE \"" + table + "\" RENAME TO \"" + stamp + table + "\"");
                archived.add(stamp + table);
            }
            forgetSqliteMigrations(h);
            return archived;
        });
    }

    /** Drops the plugin's tables (the whole schema on PostgreSQL) and forgets its migrations. Returns what was dropped. */
    List<String> purge() {
        List<String> tables = tables();
        if (schemaPool != null) {
            schemaPool.close();
            platform.jdbi().useHandle(h -> h.execute("DROP SCHEMA IF EXISTS " + slug + " CASCADE"));
            return tables;
        }
        platform.jdbi().useHandle(h -> {
            // Children first would need the reference graph; suspending enforcement for the drops is simpler.
            h.execute("PRAGMA foreign_keys = OFF");
            try {
                h.useTransaction(t -> {
                    for (String table : tables) {
                        t.execute("DROP TABLE IF EXISTS \"" + table + "\"");
                    }
                    forgetSqliteMigrations(t);
                });
            } finally {
                h.execute("PRAGMA foreign_keys = ON");
            }
        });
        return tables;
    }

    private void forgetSqliteMigrations(Handle h) {
        String tracking = MigrationRunner.trackingTable(Dialect.SQLITE);
        boolean tracked = h.createQuery("SELECT count(*) FROM sqlite_master WHERE name = :t").bind("t", tracking)
                .mapTo(Integer.class).one() > 0;
        if (tracked) {
            h.createUpdate("DELETE FROM " + tracking + " WHERE plugin_name = :p").bind("p", pluginName).execute();
        }
    }

    @Override
    public void close() {
        if (schemaPool != null) {
            schemaPool.close();
        }
    }
}
