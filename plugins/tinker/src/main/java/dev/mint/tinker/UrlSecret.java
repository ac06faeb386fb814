package dev.mint.tinker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key of download URL signatures: the {@code url_secret} setting when given (servers sharing a database
 * must share it), else one generated at first start and kept in {@code <data dir>/tinker/url-secret}.
 */
final class UrlSecret {
    private UrlSecret() {
    }

    static byte[] load(String configured, Path home) throws IOException {
        if (!configured.isBlank()) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalArgumentException("url_secret must have at least 32 characters");
            }
            return bytes;
        }
        Files.createDirectories(home);
        Path file = home.resolve("url-secret");
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Path temp = Files.createTempFile(home, "url-secret", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the data directory's own permissions protect it
            }
            Files.writeString(temp, HexFormat.of().formatHex(secret), StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.delete(temp); // another process made it first; use theirs
            }
        }
        return HexFormat.of().parseHex(Files.readString(file).strip());
    }
}
