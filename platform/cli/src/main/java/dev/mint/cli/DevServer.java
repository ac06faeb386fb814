package dev.mint.cli;

import dev.mint.sdk.PluginMetadata;
import dev.mint.sdk.StandaloneApp;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Serves a plugin project's compiled classes standalone ({@link StandaloneApp}: no platform, a local
 * database) and starts it afresh, with a new class loader, whenever {@code target/classes} changes. A
 * build that does not load is reported and the next change is awaited. {@link #run} blocks until
 * {@link #close}.
 */
final class DevServer implements AutoCloseable {
    private static final long POLL_MILLIS = 400;
    /** A compiler writes a build's classes over some time: wait for quiet before reloading. */
    private static final long SETTLE_MILLIS = 300;

    private final PluginProject project;
    private final String host;
    private final StandaloneApp.Options options;
    private final PrintWriter out;
    private final PrintWriter err;
    private volatile boolean closed;
    private volatile int port;
    private volatile int starts;
    private Javalin app;
    private PluginProject.Loaded loaded;

    DevServer(PluginProject project, String host, int port, StandaloneApp.Options options, PrintWriter out, PrintWriter err) {
        this.project = project;
        this.host = host;
        this.port = port;
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** The port served on (the one bound, when 0 was asked for). */
    int port() {
        return port;
    }

    /** How many times the plugin started successfully. */
    int starts() {
        return starts;
    }

    void run() throws InterruptedException {
        long seen = fingerprint();
        start();
        try {
            while (!closed) {
                Thread.sleep(POLL_MILLIS);
                long now = fingerprint();
                if (now == seen) {
                    continue;
                }
                do {
                    seen = now;
                    Thread.sleep(SETTLE_MILLIS);
                    now = fingerprint();
                } while (now != seen && !closed);
                if (!closed) {
                    out.println("Classes changed: reloading");
                    out.flush();
                    stop();
                    start();
                }
            }
        } finally {
            stop();
        }
    }

    private synchronized void start() {
        try {
            loaded = PluginProject.load(project.classes());
            PluginMetadata metadata = loaded.plugin().metadata();
            app = StandaloneApp.create(loaded.plugin(), options).start(host, port);
            port = app.port();
            starts++;
            out.println("Serving " + metadata.name() + " " + metadata.version() + " at http://" + host + ":" + port
                    + "/api" + metadata.routesPrefix() + "  (health: /health; recompile to reload; Ctrl+C stops)");
        } catch (RuntimeException e) {
            err.println("mint: the plugin did not start: " + e.getMessage() + " (fix it and recompile)");
            stop();
        }
        out.flush();
        err.flush();
    }

    private synchronized void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
    }

    /** Changes whenever a class file is added, removed, rewritten or resized. */
    private long fingerprint() {
        Path classes = project.classes();
        if (!Files.isDirectory(classes)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Objects.hash(file.toString(), Files.size(file), Files.getLastModifiedTime(file).toMillis());
                } catch (IOException e) {
                    return 0; // removed while walking: the next poll sees the final state
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
