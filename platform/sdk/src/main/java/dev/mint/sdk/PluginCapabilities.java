package dev.mint.sdk;

/**
 * Which platform features a plugin uses. The platform hands out only what is declared: without
 * {@code requiresExperiments} the context has no experiment repository, without {@code requiresDatabase}
 * no plugin data repository, without {@code requiresSharedDatabase} no database of its own.
 *
 * @param requiresAuth              every route of the plugin needs a logged-in user (401 otherwise)
 * @param requiresDatabase          reads and writes design data and analysis results
 * @param requiresExperiments       reads experiments (and, for design plugins, changes them)
 * @param requiresSharedDatabase    owns tables in the platform database (its own schema or table prefix)
 * @param supportsExperimentLinking a hint for the UI: the plugin can be opened from an experiment
 */
public record PluginCapabilities(boolean requiresAuth, boolean requiresDatabase, boolean requiresExperiments,
                                 boolean requiresSharedDatabase, boolean supportsExperimentLinking) {

    /** Nothing declared. */
    public static PluginCapabilities none() {
        return new PluginCapabilities(false, false, false, false, false);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.requiresAuth = requiresAuth;
        b.requiresDatabase = requiresDatabase;
        b.requiresExperiments = requiresExperiments;
        b.requiresSharedDatabase = requiresSharedDatabase;
        b.supportsExperimentLinking = supportsExperimentLinking;
        return b;
    }

    /** Builds {@link PluginCapabilities}; everything is off until switched on. */
    public static final class Builder {
        private boolean requiresAuth;
        private boolean requiresDatabase;
        private boolean requiresExperiments;
        private boolean requiresSharedDatabase;
        private boolean supportsExperimentLinking;

        private Builder() {
        }

        public Builder requiresAuth() {
            requiresAuth = true;
            return this;
        }

        public Builder requiresDatabase() {
            requiresDatabase = true;
            return this;
        }

        public Builder requiresExperiments() {
            requiresExperiments = true;
            return this;
        }

        public Builder requiresSharedDatabase() {
            requiresSharedDatabase = true;
            return this;
        }

        public Builder supportsExperimentLinking() {
            supportsExperimentLinking = true;
            return this;
        }

        public PluginCapabilities build() {
            return new PluginCapabilities(requiresAuth, requiresDatabase, requiresExperiments, requiresSharedDatabase,
                    supportsExperimentLinking);
        }
    }
}
