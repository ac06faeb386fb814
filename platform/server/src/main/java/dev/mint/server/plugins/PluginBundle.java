package dev.mint.server.plugins;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mint.sdk.PluginMetadata;
import dev.mint.server.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A {@code .mint} bundle: a zip holding {@code manifest.json} ({@link PluginManifest}) and the plugin's
 * jar under {@code plugin/}. {@code mint build} writes one; the platform's install route reads one.
 */
public final class PluginBundle {
    public static final String MANIFEST = "manifest.json";
    public static final String EXTENSION = ".mint";

    /** A bundle that cannot be installed; {@code status} is 400 for a file that is no bundle, else 422. */
    public static final class InvalidBundleException extends RuntimeException {
        private final int status;

        InvalidBundleException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** The manifest of a bundle and its jar, extracted to a file. */
    public record Contents(PluginManifest manifest, PluginMetadata metadata, Path jar) {
    }

    private PluginBundle() {
    }

    /** Writes {@code out} from the plugin's {@code jar} and its {@code metadata}; returns the manifest written. */
    public static PluginManifest write(Path jar, PluginMetadata metadata, String sdkVersion, Path out) throws IOException {
        String entry = "plugin/" + metadata.name() + "-" + metadata.version() + ".jar";
        PluginManifest manifest = PluginManifest.of(metadata, sdkVersion, new PluginManifest.Files(entry, sha256(jar)));
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, ".bundle-", ".part");
        try {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(entry));
                Files.copy(jar, zip);
                zip.closeEntry();
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return manifest;
    }

    /**
     * Reads {@code bundle}, checks its manifest and extracts its jar to {@code jarOut} (at most
     * {@code maxJarBytes}), verifying the jar's SHA-256 when the manifest gives one.
     *
     * @throws InvalidBundleException saying what is wrong
     */
    public static Contents read(Path bundle, Path jarOut, long maxJarBytes) {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            if (manifestEntry == null) {
                throw new InvalidBundleException(400, "The bundle has no " + MANIFEST + "; build it with mint build");
            }
            PluginManifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = Json.MAPPER.readValue(in.readNBytes(1 << 20), PluginManifest.class);
            } catch (JsonProcessingException e) {
                throw new InvalidBundleException(400, MANIFEST + " is not valid: " + e.getOriginalMessage());
            }
            if (manifest == null) {
                throw new InvalidBundleException(400, MANIFEST + " is empty");
            }
            PluginMetadata metadata;
            try {
                metadata = manifest.toMetadata();
            } catch (IllegalArgumentException e) {
                throw new InvalidBundleException(422, MANIFEST + ": " + e.getMessage());
            }
            String jarName = manifest.files() == null ? null : manifest.files().jar();
            ZipEntry jarEntry = jarName == null ? null : zip.getEntry(jarName);
            if (jarEntry == null || jarEntry.isDirectory()) {
                throw new InvalidBundleException(422, jarName == null ? MANIFEST + " names no jar (files.jar)"
                        : "The bundle has no " + jarName + ", the jar its manifest names");
            }
            String sha = extract(zip, jarEntry, jarOut, maxJarBytes);
            String expected = manifest.files().jarSha256();
            if (expected != null && !expected.equalsIgnoreCase(sha)) {
                throw new InvalidBundleException(422, jarName + " does not match the SHA-256 in " + MANIFEST
                        + " (the bundle is damaged)");
            }
            return new Contents(manifest, metadata, jarOut);
        } catch (ZipException e) {
            throw new InvalidBundleException(400, "The upload is not a .mint bundle (not a zip file)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extract(ZipFile zip, ZipEntry entry, Path out, long maxBytes) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest);
             OutputStream target = Files.newOutputStream(out)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new InvalidBundleException(422, "The plugin jar is larger than " + maxBytes + " bytes");
                }
                target.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
