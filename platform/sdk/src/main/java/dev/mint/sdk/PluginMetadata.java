package dev.mint.sdk;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A plugin's identity and needs. Build with {@link #builder(String, String)}; {@code name} is a slug
 * ({@code hello-mint}), {@code routesPrefix} where its routes mount under {@code /api}
 * ({@code /hello-mint} → {@code /api/hello-mint/...}).
 *
 * @param schemaVersion default schema version for design data saved by the plugin
 * @param dependencies  names of plugins that must be loaded before this one
 */
public record PluginMetadata(String name, String version, String description, String analysisType,
                             String routesPrefix, PluginType pluginType, PluginCapabilities capabilities,
                             String author, String homepage, String license, String icon, String schemaVersion,
                             List<String> dependencies) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final Pattern PREFIX = Pattern.compile("(/[a-z0-9][a-z0-9._-]*)+");

    /**
     * @throws ValidationException when the name is not a slug, the prefix not {@code /segment[/segment...]},
     *                             or a required field is blank
     */
    public PluginMetadata {
        Objects.requireNonNull(name, "name == null");
        if (!SLUG.matcher(name).matches()) {
            throw new ValidationException("Plugin name '" + name + "' must be a lowercase slug: letters, digits, '.', '_' or '-'",
                    "name", name);
        }
        version = required(version, "version");
        description = Objects.requireNonNullElse(description, "");
        analysisType = Objects.requireNonNullElse(analysisType, "");
        routesPrefix = required(routesPrefix, "routes_prefix");
        if (!PREFIX.matcher(routesPrefix).matches()) {
            throw new ValidationException("routes_prefix '" + routesPrefix + "' must look like /my-plugin (lowercase, no trailing slash)",
                    "routes_prefix", routesPrefix);
        }
        pluginType = Objects.requireNonNullElse(pluginType, PluginType.ANALYSIS);
        capabilities = Objects.requireNonNullElse(capabilities, PluginCapabilities.none());
        author = Objects.requireNonNullElse(author, "");
        homepage = Objects.requireNonNullElse(homepage, "");
        license = Objects.requireNonNullElse(license, "");
        icon = Objects.requireNonNullElse(icon, "");
        schemaVersion = Objects.requireNonNullElse(schemaVersion, "1.0");
        dependencies = List.copyOf(Objects.requireNonNullElse(dependencies, List.of()));
    }

    /** Starts a builder with the two fields that have no default; the prefix defaults to {@code /<name>}. */
    public static Builder builder(String name, String version) {
        return new Builder(name, version);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name, version);
        b.description = description;
        b.analysisType = analysisType;
        b.routesPrefix = routesPrefix;
        b.pluginType = pluginType;
        b.capabilities = capabilities;
        b.author = author;
        b.homepage = homepage;
        b.license = license;
        b.icon = icon;
        b.schemaVersion = schemaVersion;
        b.dependencies = dependencies;
        return b;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException("Plugin metadata needs a " + field, field, value);
        }
        return value;
    }

    /** Builds {@link PluginMetadata}. */
    public static final class Builder {
        private final String name;
        private String version;
        private String description = "";
        private String analysisType = "";
        private String routesPrefix;
        private PluginType pluginType = PluginType.ANALYSIS;
        private PluginCapabilities capabilities = PluginCapabilities.none();
        private String author = "";
        private String homepage = "";
        private String license = "";
        private String icon = "";
        private String schemaVersion = "1.0";
        private List<String> dependencies = List.of();

        private Builder(String name, String version) {
            this.name = Objects.requireNonNull(name, "name == null");
            this.version = Objects.requireNonNull(version, "version == null");
        }

        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version == null");
            return this;
        }

        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description == null");
            return this;
        }

        /** The field of science or kind of analysis, e.g. {@code metabolomics}, {@code llm-routing}. */
        public Builder analysisType(String analysisType) {
            this.analysisType = Objects.requireNonNull(analysisType, "analysisType == null");
            return this;
        }

        public Builder routesPrefix(String routesPrefix) {
            this.routesPrefix = Objects.requireNonNull(routesPrefix, "routesPrefix == null");
            return this;
        }

        public Builder pluginType(PluginType pluginType) {
            this.pluginType = Objects.requireNonNull(pluginType, "pluginType == null");
            return this;
        }

        public Builder capabilities(PluginCapabilities capabilities) {
            this.capabilities = Objects.requireNonNull(capabilities, "capabilities == null");
            return this;
        }

        public Builder author(String author) {
            this.author = Objects.requireNonNull(author, "author == null");
            return this;
        }

        public Builder homepage(String homepage) {
            this.homepage = Objects.requireNonNull(homepage, "homepage == null");
            return this;
        }

        public Builder license(String license) {
            this.license = Objects.requireNonNull(license, "license == null");
            return this;
        }

        /** SVG path data for the navigation icon. */
        public Builder icon(String icon) {
            this.icon = Objects.requireNonNull(icon, "icon == null");
            return this;
        }

        public Builder schemaVersion(String schemaVersion) {
            this.schemaVersion = Objects.requireNonNull(schemaVersion, "schemaVersion == null");
            return this;
        }

        public Builder dependencies(List<String> dependencies) {
            this.dependencies = List.copyOf(Objects.requireNonNull(dependencies, "dependencies == null"));
            return this;
        }

        public PluginMetadata build() {
            return new PluginMetadata(name, version, description, analysisType,
                    routesPrefix != null ? routesPrefix : "/" + name, pluginType, capabilities, author, homepage,
                    license, icon, schemaVersion, dependencies);
        }
    }
}
