package dev.mint.sdk.migrations.discovered;

import dev.mint.sdk.migrations.PluginMigration;

/** Abstract, so discovery skips it. */
public abstract class AbstractBase implements PluginMigration {
}
