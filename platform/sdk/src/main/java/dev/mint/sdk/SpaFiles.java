package dev.mint.sdk;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Serves a built single-page app from a directory: existing files as they are, any other path with
 * {@code index.html} so the app's own router can handle it. Paths under a reserved prefix (the API) are
 * never answered with the app: they get a 404. Paths that would leave the directory are refused.
 * Register as {@code get("/*", new SpaFiles(dir, List.of("/api", "/health")))} after all other routes.
 */
public final class SpaFiles implements Handler {
    private final Path root;
    private final List<String> reservedPrefixes;

    public SpaFiles(Path root, List<String> reservedPrefixes) {
        this.root = Objects.requireNonNull(root, "root == null").toAbsolutePath().normalize();
        this.reservedPrefixes = List.copyOf(reservedPrefixes);
    }

    @Override
    public void handle(Context ctx) throws IOException {
        String path = ctx.path();
        for (String reserved : reservedPrefixes) {
            if (path.equals(reserved) || path.startsWith(reserved + "/")) {
                throw new NotFoundResponse();
            }
        }
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            file = root.resolve("index.html");
        }
        if (!Files.isRegularFile(file)) {
            throw new NotFoundResponse();
        }
        String name = file.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        String type = ContentType.Companion.mimeTypeByExtension(extension);
        ctx.contentType(type != null ? type : ContentType.OCTET_STREAM);
        InputStream content = Files.newInputStream(file);
        ctx.result(content);
    }
}
