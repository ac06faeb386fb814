package dev.mint.sdk;

import dev.mint.sdk.migrations.Dialect;
import org.jdbi.v3.core.Jdbi;

/**
 * A plugin's own tables, integrated (in the platform database) or standalone (a local SQLite file).
 * Integrated on PostgreSQL the plugin has a schema of its own, set as the search path of every
 * connection {@link #jdbi()} hands out; on SQLite its tables carry the prefix {@link #tablePrefix()}.
 * Write table names as {@code table("runs")} so the same SQL works in both.
 */
public interface PluginDatabase {

    Jdbi jdbi();

    Dialect dialect();

    /** Prefix for table names: empty on PostgreSQL (the schema isolates), {@code <plugin>_} on shared SQLite. */
    String tablePrefix();

    /** The physical name of one of the plugin's tables. */
    default String table(String name) {
        return tablePrefix() + name;
    }
}
