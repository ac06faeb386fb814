package dev.mint.sdk.migrations.discovered;

import dev.mint.sdk.migrations.MigrationOps;
import dev.mint.sdk.migrations.PluginMigration;

/** Found by MigrationRunner.discover. */
public class V001Step implements PluginMigration {
    @Override
    public int version() {
        return 1;
    }

    @Override
    public String name() {
        return "step 1";
    }

    @Override
    public void upgrade(MigrationOps ops) {
        ops.execute("CREATE TABLE discovered_1 (id INTEGER PRIMARY KEY)");
    }
}
