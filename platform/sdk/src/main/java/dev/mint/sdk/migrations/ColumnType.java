package dev.mint.sdk.migrations;

/**
 * Portable column types. Each maps to the natural type of the dialect: {@code JSON} is {@code JSONB} on
 * PostgreSQL and JSON text on SQLite; {@code TIMESTAMP} is {@code TIMESTAMPTZ} on PostgreSQL and ISO-8601
 * UTC text on SQLite; {@code ID} is an auto-increment primary key on both.
 */
public enum ColumnType {
    ID, INTEGER, BIGINT, REAL, TEXT, BOOLEAN, TIMESTAMP, DATE, JSON, BLOB
}
