package dev.mint.sdk.migrations.discovered;

import dev.mint.sdk.migrations.MigrationOps;
import dev.mint.sdk.migrations.PluginMigration;

/** Found by MigrationRunner.discover. */
public class V002Step implements PluginMigration {
    @Override
    public int version() {
        return 2;
    }

    @Override
    public String name() {
        return "step 2";
    }

    @Override
    public void upgrade(MigrationOps ops) {
        ops.execute("CREATE TABLE discovered_2 (id INTEGER PRIMARY KEY)");
    }
}
