package dev.mint.sdk.migrations.discovered;

/** Lives beside the migrations and must be ignored by discovery. */
public class NotAMigration {
}
