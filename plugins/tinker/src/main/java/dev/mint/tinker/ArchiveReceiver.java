package dev.mint.tinker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Streams an uploaded archive into a temporary file, 64 KiB at a time (never the whole body in memory):
 * enforces the size limit, checks the declared length and the SHA-256 the client sent, and leaves no file
 * behind when anything is wrong.
 */
final class ArchiveReceiver {
    private static final int BUFFER = 64 * 1024;

    /** A complete upload, waiting in {@code file} to be committed. */
    record Received(Path file, long size, String sha256) {
    }

    private final Path uploads;
    private final LongSupplier maxBytes;

    /** {@code maxBytes} is read at each upload, so a changed setting applies at once. */
    ArchiveReceiver(Path uploads, LongSupplier maxBytes) throws IOException {
        this.uploads = Files.createDirectories(uploads);
        this.maxBytes = maxBytes;
    }

    /**
     * Receives {@code body}.
     *
     * @param declaredLength the request's Content-Length, or -1 when it was sent chunked
     * @param expectedSha256 the hex SHA-256 the client declared, or null
     * @throws TinkerError 413 over the limit, 400 when truncated, empty or not matching the checksum
     */
    Received receive(InputStream body, long declaredLength, String expectedSha256) throws IOException {
        String expected = expectedSha256 == null ? null : expectedSha256.strip().toLowerCase(Locale.ROOT);
        if (expected != null && !expected.matches("[0-9a-f]{64}")) {
            throw TinkerError.badRequest("X-Checksum-Sha256 must be 64 hex digits (the archive's SHA-256)");
        }
        long max = maxBytes.getAsLong();
        if (declaredLength > max) {
            throw tooLarge(max);
        }
        Path file = Files.createTempFile(uploads, "upload-", ".part");
        boolean done = false;
        try {
            MessageDigest digest = sha256();
            long total = 0;
            // WRITE alone: the new file is empty, and ext4 flushes a file opened with O_TRUNC when it is closed.
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = read(body, buffer)) >= 0; ) {
                    total += n;
                    if (total > max) {
                        throw tooLarge(max);
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n); // a failing disk is the server's problem: an IOException, so a 500
                }
            }
            if (total == 0) {
                throw TinkerError.badRequest("The request has no body: send the archive's bytes");
            }
            if (declaredLength >= 0 && total != declaredLength) {
                throw TinkerError.badRequest("The upload is truncated: " + total + " of " + declaredLength
                        + " bytes arrived; nothing was stored. Send it again.");
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (expected != null && !expected.equals(actual)) {
                throw TinkerError.badRequest("The archive's SHA-256 is " + actual + ", not the " + expected
                        + " declared; nothing was stored");
            }
            done = true;
            return new Received(file, total, actual);
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Reads from the client; a broken connection is the client's failure (400), not the server's. */
    private static int read(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw TinkerError.badRequest("The upload was interrupted; nothing was stored. Send it again.");
        }
    }

    private static TinkerError tooLarge(long max) {
        return TinkerError.tooLarge("An archive may have at most " + max + " bytes (setting max_archive_bytes,"
                + " MINT_PLUGIN_TINKER_MAX_ARCHIVE_BYTES)");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
