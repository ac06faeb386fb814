package dev.mint.sdk.migrations;

import java.util.OptionalInt;
import java.util.function.Consumer;

/** A migration written inline: {@code TestMigration.of(1, "create_samples", op -> op.createTable(...))}. */
public record TestMigration(int version, String name, boolean destructive, OptionalInt dependsOn,
                            Consumer<MigrationOps> body) implements PluginMigration {

    public static TestMigration of(int version, String name, Consumer<MigrationOps> body) {
        return new TestMigration(version, name, false, OptionalInt.empty(), body);
    }

    /** The same migration, declared destructive. */
    public TestMigration asDestructive() {
        return new TestMigration(version, name, true, dependsOn, body);
    }

    public TestMigration dependingOn(int dependency) {
        return new TestMigration(version, name, destructive, OptionalInt.of(dependency), body);
    }

    @Override
    public void upgrade(MigrationOps op) {
        body.accept(op);
    }
}
