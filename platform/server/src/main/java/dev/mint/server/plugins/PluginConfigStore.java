package dev.mint.server.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mint.sdk.migrations.Dialect;
import dev.mint.server.http.Json;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Plugin configurations in {@code plugin_configs}: one JSON object per plugin and a revision that every
 * write increments. A write first locks the plugin's row (creating it at revision 0 if needed; SQLite's
 * write transactions are serialized anyway, PostgreSQL takes the row lock with {@code FOR UPDATE}), so
 * concurrent writers queue up instead of losing each other's changes.
 */
final class PluginConfigStore {
    private final Dialect dialect;

    PluginConfigStore(Dialect dialect) {
        this.dialect = dialect;
    }

    /** A plugin's config and its revision (0 when never saved). */
    record Stored(ObjectNode config, long revision) {
    }

    Stored read(Handle h, String pluginName) {
        return select(h, pluginName, "");
    }

    /** Reads the config for an update in this transaction, holding its row until the transaction ends. */
    Stored lockForWrite(Handle h, String pluginName) {
        h.createUpdate("INSERT INTO plugin_configs (plugin_name, config, revision, updated_at) VALUES (?, '{}', 0, ?)"
                        + " ON CONFLICT (plugin_name) DO NOTHING")
                .bind(0, pluginName).bind(1, Instant.now()).execute();
        return select(h, pluginName, dialect == Dialect.POSTGRESQL ? " FOR UPDATE" : "");
    }

    /** Stores {@code config} over a row locked by {@link #lockForWrite}; returns the new revision. */
    long write(Handle h, String pluginName, Stored locked, ObjectNode config, Long userId) {
        h.createUpdate("UPDATE plugin_configs SET config = ?, revision = ?, updated_by = ?, updated_at = ?"
                        + " WHERE plugin_name = ?")
                .bind(0, Json.write(config)).bind(1, locked.revision() + 1).bind(2, userId).bind(3, Instant.now())
                .bind(4, pluginName).execute();
        return locked.revision() + 1;
    }

    private Stored select(Handle h, String pluginName, String lock) {
        return h.createQuery("SELECT config, revision FROM plugin_configs WHERE plugin_name = ?" + lock)
                .bind(0, pluginName)
                .map((rs, ctx) -> new Stored((ObjectNode) Json.read(rs.getString(1)), rs.getLong(2)))
                .findOne()
                .orElseGet(() -> new Stored(Json.object(), 0));
    }
}
