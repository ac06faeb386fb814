package dev.mint.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mint.client.core.JsonCodec;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The credentials file written by {@code mint auth login}. Read from, in order,
 * {@code ~/.config/mld/credentials.json} (where MINT 1.0 tools keep it) and
 * {@code $XDG_CONFIG_HOME/mint/credentials.json} ({@code ~/.config/mint/...} when the variable is unset);
 * the first that exists wins and later saves go back to it; a new file is created at the first location.
 *
 * <p>The file holds bearer tokens, so it is written atomically with mode 0600 in a 0700 directory, and a
 * file that other users can read or write is refused rather than trusted. A file that is not valid JSON
 * is reported with its path, never silently replaced. Not synchronised across processes: the last save
 * wins.
 */
public final class CredentialsStore {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final List<Path> paths;
    private final JsonCodec json = JsonCodec.snakeCase();

    private CredentialsStore(List<Path> paths) {
        this.paths = List.copyOf(paths);
    }

    /** The standard locations for this environment ({@code HOME}, {@code XDG_CONFIG_HOME}). */
    public static CredentialsStore forEnvironment(Map<String, String> env) {
        Path home = Paths.get(Optional.ofNullable(env.get("HOME")).filter(h -> !h.isBlank())
                .orElseGet(() -> System.getProperty("user.home")));
        Path xdg = Optional.ofNullable(env.get("XDG_CONFIG_HOME")).filter(x -> !x.isBlank())
                .map(Paths::get).orElse(home.resolve(".config"));
        List<Path> paths = new ArrayList<>();
        paths.add(home.resolve(".config/mld/credentials.json"));
        Path xdgFile = xdg.resolve("mint/credentials.json");
        if (!paths.contains(xdgFile)) {
            paths.add(xdgFile);
        }
        return new CredentialsStore(paths);
    }

    /** A store of exactly one file. */
    public static CredentialsStore at(Path file) {
        return new CredentialsStore(List.of(Objects.requireNonNull(file, "file == null")));
    }

    /** Where credentials are looked for, in order. */
    public List<Path> paths() {
        return paths;
    }

    /** The file that is read and written: the first that exists, else the first location. */
    public Path location() {
        return paths.stream().filter(Files::exists).findFirst().orElse(paths.get(0));
    }

    /**
     * The stored credentials, or empty when no file exists.
     *
     * @throws MintApiException when the file is readable by others, unreadable, or not valid JSON
     */
    public Optional<StoredCredentials> load() {
        Path file = location();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        checkPrivate(file);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MintApiException("Cannot read credentials file " + file + ": " + e.getMessage());
        }
        try {
            StoredCredentials stored = json.read(content, StoredCredentials.class);
            if (stored == null) {
                throw new MintApiException("Credentials file " + file + " is empty; delete it and run `mint auth login`");
            }
            return Optional.of(stored);
        } catch (JsonProcessingException e) {
            throw new MintApiException("Credentials file " + file + " is not valid: " + e.getOriginalMessage()
                    + "; fix it or delete it and run `mint auth login`");
        } catch (IOException e) {
            throw new MintApiException("Cannot read credentials file " + file + ": " + e.getMessage());
        }
    }

    /** Writes {@code credentials} atomically, owner-only. */
    public void save(StoredCredentials credentials) {
        Path file = location();
        try {
            Path dir = file.toAbsolutePath().getParent();
            createPrivateDirectories(dir);
            Path temp = dir.resolve(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
            Files.deleteIfExists(temp);
            if (isPosix(dir)) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temp);
            }
            Files.write(temp, json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(credentials));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new MintApiException("Cannot write credentials file " + file + ": " + e.getMessage());
        }
    }

    /**
     * {@code https://} added when no scheme is given, trailing slashes dropped:
     * {@code mint.example.org/} becomes {@code https://mint.example.org}.
     */
    public static String normalizeHost(String host) {
        String trimmed = Objects.requireNonNull(host, "host == null").strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("host is empty");
        }
        String withScheme = trimmed.contains("://") ? trimmed : "https://" + trimmed;
        String normalized = withScheme.replaceAll("/+$", "");
        if (normalized.endsWith(":") || normalized.endsWith("://")) {
            throw new IllegalArgumentException("URL has no host: " + host);
        }
        return normalized;
    }

    private static void checkPrivate(Path file) {
        if (!isPosix(file)) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                throw new MintApiException("Credentials file " + file + " is accessible by other users (mode "
                        + PosixFilePermissions.toString(permissions) + "); run: chmod 600 " + file);
            }
        } catch (IOException e) {
            throw new MintApiException("Cannot check permissions of credentials file " + file + ": " + e.getMessage());
        }
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (isPosix(dir.getParent() == null ? dir : existingAncestor(dir))) {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // created meanwhile
            }
        } else {
            Files.createDirectories(dir);
        }
    }

    private static Path existingAncestor(Path dir) {
        Path current = dir;
        while (current != null && !Files.exists(current)) {
            current = current.getParent();
        }
        return current == null ? dir : current;
    }

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
