package dev.mint.server.db;

import static dev.mint.sdk.migrations.ColumnType.BIGINT;
import static dev.mint.sdk.migrations.ColumnType.BOOLEAN;
import static dev.mint.sdk.migrations.ColumnType.DATE;
import static dev.mint.sdk.migrations.ColumnType.INTEGER;
import static dev.mint.sdk.migrations.ColumnType.JSON;
import static dev.mint.sdk.migrations.ColumnType.TEXT;
import static dev.mint.sdk.migrations.ColumnType.TIMESTAMP;

import dev.mint.sdk.migrations.Column;
import dev.mint.sdk.migrations.Column.OnDelete;
import dev.mint.sdk.migrations.MigrationOps;
import dev.mint.sdk.migrations.MigrationResult;
import dev.mint.sdk.migrations.MigrationRunner;
import dev.mint.sdk.migrations.PluginMigration;
import dev.mint.server.auth.Role;
import java.util.List;

/** The platform's own schema, applied by the same {@link MigrationRunner} plugins use. Append-only. */
public final class PlatformSchema {
    /** Key of the platform's rows in the migration tracking table. */
    public static final String NAME = "mint-platform";

    private PlatformSchema() {
    }

    public static MigrationResult migrate(Database database) {
        return new MigrationRunner(database.jdbi(), NAME, database.dialect()).run(List.of(new V1Core(), new V2CaseInsensitiveNames(),
                new V3PluginConfigs(), new V4PluginRoles()));
    }

    private static Column created() {
        return Column.of("created_at", TIMESTAMP).notNull();
    }

    private static Column updated() {
        return Column.of("updated_at", TIMESTAMP).notNull();
    }

    /** Users, roles, tokens, projects, experiments, their data, and the audit log. */
    static final class V1Core implements PluginMigration {
        @Override
        public int version() {
            return 1;
        }

        @Override
        public String name() {
            return "core";
        }

        @Override
        public void upgrade(MigrationOps op) {
            op.createTable("roles",
                    Column.id("id"),
                    Column.of("slug", TEXT).notNull().unique(),
                    Column.of("name", TEXT).notNull(),
                    Column.of("color", TEXT),
                    Column.of("description", TEXT),
                    Column.of("permissions", JSON).notNull(),
                    Column.of("project_scope", TEXT).notNull().defaultSql("'all'"),
                    Column.of("is_default", BOOLEAN).notNull().defaultSql("FALSE"),
                    created(), updated());
            for (Role role : Role.builtIn()) {
                op.execute("INSERT INTO roles (slug, name, color, description, permissions, project_scope, is_default,"
                                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                        role.slug(), role.name(), role.color(), role.description(), role.permissionsJson(),
                        role.projectScope(), role.slug().equals("member"));
            }
            op.createTable("users",
                    Column.id("id"),
                    Column.of("username", TEXT).notNull().unique(),
                    Column.of("password_hash", TEXT),
                    Column.of("email", TEXT),
                    Column.of("shortname", TEXT),
                    Column.of("first_name", TEXT),
                    Column.of("last_name", TEXT),
                    Column.of("role", TEXT).notNull().references("roles", "slug", OnDelete.NO_ACTION),
                    Column.of("is_active", BOOLEAN).notNull().defaultSql("TRUE"),
                    Column.of("is_service_account", BOOLEAN).notNull().defaultSql("FALSE"),
                    Column.of("description", TEXT),
                    Column.of("last_login_at", TIMESTAMP),
                    created(), updated());
            op.createTable("api_tokens",
                    Column.id("id"),
                    Column.of("user_id", BIGINT).notNull().references("users", "id", OnDelete.CASCADE),
                    Column.of("name", TEXT).notNull(),
                    Column.of("token_hash", TEXT).notNull().unique(),
                    Column.of("token_prefix", TEXT).notNull(),
                    Column.of("created_by", BIGINT).references("users", "id", OnDelete.SET_NULL),
                    Column.of("expires_at", TIMESTAMP),
                    Column.of("last_used_at", TIMESTAMP),
                    Column.of("revoked_at", TIMESTAMP),
                    created());
            op.createIndex("ix_api_tokens_user", "api_tokens", List.of("user_id"), false);
            op.createTable("projects",
                    Column.id("id"),
                    Column.of("name", TEXT).notNull().unique(),
                    Column.of("description", TEXT),
                    Column.of("status", TEXT).notNull().defaultSql("'active'"),
                    Column.of("visibility", TEXT).notNull().defaultSql("'open'"),
                    Column.of("created_by", BIGINT).references("users", "id", OnDelete.SET_NULL),
                    created(), updated());
            op.createTable("project_members",
                    Column.id("id"),
                    Column.of("project_id", BIGINT).notNull().references("projects", "id", OnDelete.CASCADE),
                    Column.of("user_id", BIGINT).notNull().references("users", "id", OnDelete.CASCADE),
                    Column.of("role", TEXT).notNull(),
                    created(), updated());
            op.createIndex("ux_project_members", "project_members", List.of("project_id", "user_id"), true);
            op.createIndex("ix_project_members_user", "project_members", List.of("user_id"), false);
            op.createTable("experiment_types",
                    Column.id("id"),
                    Column.of("value", TEXT).notNull().unique(),
                    Column.of("label", TEXT).notNull(),
                    Column.of("description", TEXT),
                    Column.of("color", TEXT).notNull(),
                    Column.of("sort_order", INTEGER).notNull().defaultSql("0"),
                    Column.of("active", BOOLEAN).notNull().defaultSql("TRUE"),
                    created(), updated());
            String[][] types = {
                {"custom", "Custom", "#6b7280", "Any experiment without a dedicated type"},
                {"dose_response", "Dose response", "#3b82f6", "Dose-response curves and IC50 estimation"},
                {"metabolomics", "Metabolomics", "#10b981", "LC-MS metabolomics runs"},
            };
            for (int i = 0; i < types.length; i++) {
                op.execute("INSERT INTO experiment_types (value, label, color, description, sort_order, active,"
                                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                        types[i][0], types[i][1], types[i][2], types[i][3], i);
            }
            op.createTable("counters",
                    Column.of("name", TEXT).notNull().unique(),
                    Column.of("value", BIGINT).notNull());
            op.execute("INSERT INTO counters (name, value) VALUES ('experiment_code', 0)");
            op.createTable("experiments",
                    Column.id("id"),
                    Column.of("experiment_code", TEXT).notNull().unique(),
                    Column.of("name", TEXT).notNull(),
                    Column.of("experiment_type", TEXT).notNull(),
                    Column.of("status", TEXT).notNull().defaultSql("'planned'"),
                    Column.of("project_id", BIGINT).references("projects", "id", OnDelete.CASCADE),
                    Column.of("notes", TEXT),
                    Column.of("tags", JSON).notNull().defaultSql("'{}'"),
                    Column.of("custom_metadata", JSON).notNull().defaultSql("'{}'"),
                    Column.of("created_by", BIGINT).references("users", "id", OnDelete.SET_NULL),
                    Column.of("parent_experiment_id", BIGINT).references("experiments", "id", OnDelete.SET_NULL),
                    Column.of("start_date", DATE),
                    Column.of("end_date", DATE),
                    created(), updated());
            op.createIndex("ix_experiments_project", "experiments", List.of("project_id"), false);
            op.createIndex("ix_experiments_created_at", "experiments", List.of("created_at"), false);
            op.createIndex("ix_experiments_created_by", "experiments", List.of("created_by"), false);
            op.createIndex("ix_experiments_status", "experiments", List.of("status"), false);
            op.createTable("design_data",
                    Column.id("id"),
                    Column.of("experiment_id", BIGINT).notNull().unique().references("experiments", "id", OnDelete.CASCADE),
                    Column.of("plugin_id", TEXT).notNull(),
                    Column.of("data", JSON).notNull(),
                    Column.of("schema_version", TEXT).notNull(),
                    created(), updated());
            op.createTable("analysis_results",
                    Column.id("id"),
                    Column.of("experiment_id", BIGINT).notNull().references("experiments", "id", OnDelete.CASCADE),
                    Column.of("plugin_id", TEXT).notNull(),
                    Column.of("result", JSON).notNull(),
                    created(), updated());
            op.createIndex("ux_analysis_results", "analysis_results", List.of("experiment_id", "plugin_id"), true);
            op.createTable("audit_events",
                    Column.id("id"),
                    Column.of("actor_id", BIGINT),
                    Column.of("actor_username", TEXT),
                    Column.of("action", TEXT).notNull(),
                    Column.of("entity_type", TEXT).notNull(),
                    Column.of("entity_id", TEXT),
                    Column.of("details", JSON),
                    Column.of("request_id", TEXT),
                    Column.of("client_ip", TEXT),
                    created());
            op.createIndex("ix_audit_created_at", "audit_events", List.of("created_at"), false);
            op.createIndex("ix_audit_entity", "audit_events", List.of("entity_type", "entity_id"), false);
            op.createIndex("ix_audit_actor", "audit_events", List.of("actor_id"), false);
            op.createIndex("ix_audit_action", "audit_events", List.of("action"), false);
        }
    }

    /**
     * Usernames and project names are unique without regard to case. The stores check first, but only a
     * unique index holds when two PostgreSQL transactions insert at once.
     */
    static final class V2CaseInsensitiveNames implements PluginMigration {
        @Override
        public int version() {
            return 2;
        }

        @Override
        public String name() {
            return "case_insensitive_names";
        }

        @Override
        public void upgrade(MigrationOps op) {
            op.execute("CREATE UNIQUE INDEX IF NOT EXISTS ux_users_username_lower ON users (lower(username))");
            op.execute("CREATE UNIQUE INDEX IF NOT EXISTS ux_projects_name_lower ON projects (lower(name))");
        }
    }

    /** Stored configuration of each plugin, with a revision for conditional writes. */
    static final class V3PluginConfigs implements PluginMigration {
        @Override
        public int version() {
            return 3;
        }

        @Override
        public String name() {
            return "plugin configs";
        }

        @Override
        public void upgrade(MigrationOps op) {
            op.createTable("plugin_configs",
                    Column.of("plugin_name", TEXT).notNull().unique(),
                    Column.of("config", JSON).notNull(),
                    Column.of("revision", BIGINT).notNull(),
                    Column.of("updated_by", BIGINT).references("users", "id", OnDelete.SET_NULL),
                    updated());
        }
    }

    /** Each user's role within a plugin (a string the plugin defines). */
    static final class V4PluginRoles implements PluginMigration {
        @Override
        public int version() {
            return 4;
        }

        @Override
        public String name() {
            return "plugin roles";
        }

        @Override
        public void upgrade(MigrationOps op) {
            op.createTable("plugin_roles",
                    Column.id("id"),
                    Column.of("plugin_id", TEXT).notNull(),
                    Column.of("user_id", BIGINT).notNull().references("users", "id", OnDelete.CASCADE),
                    Column.of("role", TEXT).notNull(),
                    created(), updated());
            op.createIndex("ux_plugin_roles", "plugin_roles", List.of("plugin_id", "user_id"), true);
            op.createIndex("ix_plugin_roles_user", "plugin_roles", List.of("user_id"), false);
        }
    }
}
