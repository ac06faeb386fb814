package dev.mint.server.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Plugin jars for tests: Java sources compiled against the test classpath and packed with their service entry. */
public final class PluginJars {
    private PluginJars() {
    }

    /**
     * Compiles {@code source} (package {@code org.example}, one public class) under {@code workDir} and
     * writes the jar to {@code jar}; with {@code service} the jar lists that class as its
     * {@link dev.mint.sdk.AnalysisPlugin}.
     */
    public static Path build(Path workDir, String source, Path jar, boolean service) throws IOException {
        String simpleName = source.replaceFirst("(?s).*?public class (\\w+).*", "$1");
        Path sources = Files.createDirectories(workDir.resolve("src/org/example"));
        Path file = sources.resolve(simpleName + ".java");
        Files.writeString(file, source);
        Path classes = Files.createDirectories(workDir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, "-cp", System.getProperty("java.class.path"), "-d", classes.toString(),
                file.toString()) != 0) {
            throw new IllegalStateException("The test plugin source does not compile");
        }
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> compiled = Files.walk(classes)) {
            for (Path path : compiled.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
            if (service) {
                out.putNextEntry(new JarEntry("META-INF/services/dev.mint.sdk.AnalysisPlugin"));
                out.write(("org.example." + simpleName + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The source of a minimal plugin {@code org.example.HelloPlugin}: {@code GET /api/<name>/hello} answers its version. */
    public static String helloSource(String name, String version) {
        return """
                package org.example;

                import static io.javalin.apibuilder.ApiBuilder.get;

                import dev.mint.sdk.*;
                import java.util.List;

                public class HelloPlugin extends AnalysisPlugin {
                    public PluginMetadata metadata() {
                        return PluginMetadata.builder("%1$s", "%2$s").build();
                    }

                    public List<PluginRouter> routers() {
                        return List.of(PluginRouter.of(() -> get("/hello", ctx -> ctx.result("%1$s %2$s"))));
                    }

                    public void initialize(PlatformContext context) {
                    }

                    public void shutdown() {
                    }
                }
                """.formatted(name, version);
    }

    /** The names of the files in {@code dir}, sorted. */
    public static List<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
