package dev.mint.sdk.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DiscoverTest {
    @RegisterExtension
    final TestDb db = TestDb.perTest();

    @TempDir
    Path dir;

    @Test
    void findsConcreteMigrationsOfAPackageInADirectorySortedByVersion() {
        List<PluginMigration> found = MigrationRunner.discover(getClass().getClassLoader(),
                "dev.mint.sdk.migrations.discovered");
        assertThat(found).extracting(PluginMigration::version).containsExactly(1, 2);
        assertThat(MigrationRunner.discover(getClass().getClassLoader(), "dev.mint.nothing.here")).isEmpty();
    }

    /** A plugin jar (without directory entries) compiled here, in a package the test classpath lacks. */
    @Test
    void findsThemInAPluginJarLoadedByItsOwnClassLoader() throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src/org/example/plugin/migrations"));
        for (int version : List.of(2, 1)) {
            Files.writeString(sources.resolve("Step" + version + ".java"), """
                    package org.example.plugin.migrations;
                    public class Step%1$d implements dev.mint.sdk.migrations.PluginMigration {
                        public int version() { return %1$d; }
                        public String name() { return "jar step %1$d"; }
                        public void upgrade(dev.mint.sdk.migrations.MigrationOps ops) {
                            ops.execute("CREATE TABLE jar_step_%1$d (id INTEGER PRIMARY KEY)");
                        }
                    }
                    """.formatted(version));
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-cp", System.getProperty("java.class.path"), "-d", classes.toString(),
                sources.resolve("Step1.java").toString(), sources.resolve("Step2.java").toString());
        assertThat(status).isZero();
        Path jar = dir.resolve("plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("Step1", "Step2")) {
                String entry = "org/example/plugin/migrations/" + name + ".class";
                out.putNextEntry(new JarEntry(entry));
                Files.copy(classes.resolve(entry), out);
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            List<PluginMigration> found = MigrationRunner.discover(loader, "org.example.plugin.migrations");
            assertThat(found).extracting(PluginMigration::name).containsExactly("jar step 1", "jar step 2");
            MigrationResult result = new MigrationRunner(db.jdbi(), "jar-plugin", db.dialect())
                    .runPackage(loader, "org.example.plugin.migrations");
            assertThat(result.applied()).hasSize(2);
        }
    }
}
