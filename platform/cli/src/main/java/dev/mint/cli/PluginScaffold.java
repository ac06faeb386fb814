package dev.mint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Writes a new plugin project: a Maven build against this version of the SDK, the plugin class, its service
 * entry, a test written with the testing harness, and a README. An {@code experiment-design} plugin also
 * gets a table of its own (a migration) and routes that use it. The templates live in
 * {@code dev/mint/cli/scaffold/}; {@code {{key}}} marks a value.
 */
final class PluginScaffold {
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    /** The two kinds of project {@code mint init} writes. */
    enum Kind {
        ANALYSIS, EXPERIMENT_DESIGN;

        static Kind parse(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "analysis" -> ANALYSIS;
                case "experiment-design", "design" -> EXPERIMENT_DESIGN;
                default -> throw CliException.usage("--type must be analysis or experiment-design, not '" + value + "'");
            };
        }
    }

    /** What to write: the plugin's name, description, kind and Java package. */
    record Spec(String name, String description, Kind kind, String javaPackage) {
        Spec {
            description = safe(description);
            if (!NAME.matcher(name).matches()) {
                throw CliException.usage("Plugin name '" + name + "' must be lower case letters, digits and dashes,"
                        + " starting with a letter (it becomes the routes prefix /" + name + ")");
            }
            if (!PACKAGE.matcher(javaPackage).matches()) {
                throw CliException.usage("'" + javaPackage + "' is not a Java package name");
            }
        }

        /** The description as it can stand in Java strings, comments and XML alike. */
        private static String safe(String text) {
            return text.replaceAll("\\p{Cntrl}", " ").replace("\\", "/").replace("\"", "'").replace("<", "(")
                    .replace(">", ")").replace("&", "and").replace("*/", "* /").strip();
        }

        /** {@code plate-notes} → {@code PlateNotesPlugin}. */
        String className() {
            StringBuilder out = new StringBuilder();
            for (String part : name.split("-")) {
                if (!part.isEmpty()) {
                    out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
            }
            return out + "Plugin";
        }

        /** The default package of a plugin: {@code com.example.platenotes}. */
        static String defaultPackage(String name) {
            return "com.example." + name.replace("-", "");
        }
    }

    private PluginScaffold() {
    }

    /** Writes the project into {@code dir}; returns the files written, relative to it. */
    static List<String> write(Path dir, Spec spec) {
        Map<String, String> values = new LinkedHashMap<>(versions());
        values.put("name", spec.name());
        values.put("description", spec.description());
        values.put("version", "0.1.0");
        values.put("groupId", spec.javaPackage().contains(".")
                ? spec.javaPackage().substring(0, spec.javaPackage().lastIndexOf('.')) : spec.javaPackage());
        values.put("package", spec.javaPackage());
        values.put("class", spec.className());
        String sources = "src/main/java/" + spec.javaPackage().replace('.', '/') + "/";
        String tests = "src/test/java/" + spec.javaPackage().replace('.', '/') + "/";
        boolean design = spec.kind() == Kind.EXPERIMENT_DESIGN;
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", "pom.xml.tmpl");
        files.put(sources + spec.className() + ".java", design ? "DesignPlugin.java.tmpl" : "AnalysisPlugin.java.tmpl");
        if (design) {
            files.put(sources + "migrations/V1CreateNotes.java", "V1CreateNotes.java.tmpl");
        }
        files.put(tests + spec.className() + "Test.java", design ? "DesignPluginTest.java.tmpl" : "AnalysisPluginTest.java.tmpl");
        files.put("src/test/resources/logback-test.xml", "logback-test.xml.tmpl");
        files.put("README.md", "README.md.tmpl");
        files.put(".gitignore", "gitignore.tmpl");
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, fill(template(file.getValue()), values));
            }
            Path services = dir.resolve("src/main/resources/META-INF/services/dev.mint.sdk.AnalysisPlugin");
            Files.createDirectories(services.getParent());
            Files.writeString(services, spec.javaPackage() + "." + spec.className() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the project in " + dir + ": " + e.getMessage(), e);
        }
        List<String> written = new java.util.ArrayList<>(files.keySet());
        written.add("src/main/resources/META-INF/services/dev.mint.sdk.AnalysisPlugin");
        return written;
    }

    /** The versions this build of mint writes into projects (the SDK's own, and the build plugins it was built with). */
    static Map<String, String> versions() {
        Properties properties = new Properties();
        try (InputStream in = PluginScaffold.class.getResourceAsStream("scaffold.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("mint is missing its scaffold.properties resource", e);
        }
        Map<String, String> versions = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> versions.put(key, properties.getProperty(key)));
        return versions;
    }

    private static String template(String name) throws IOException {
        try (InputStream in = PluginScaffold.class.getResourceAsStream("scaffold/" + name)) {
            if (in == null) {
                throw new IllegalStateException("mint is missing its template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            out = out.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return out;
    }
}
