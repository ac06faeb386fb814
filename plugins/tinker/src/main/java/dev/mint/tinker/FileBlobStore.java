package dev.mint.tinker;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Archives as files under a directory (by default {@code <data dir>/tinker/archives}), committed by an atomic rename. */
final class FileBlobStore implements BlobStore {
    private final Path root;

    FileBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    @Override
    public void commit(String key, Path file) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Another file system: copy beside the target, then rename there.
            Path beside = target.resolveSibling(target.getFileName() + ".part");
            Files.copy(file, beside, StandardCopyOption.REPLACE_EXISTING);
            Files.move(beside, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(file);
        }
    }

    @Override
    public ReadableByteChannel open(String key, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(path(key), StandardOpenOption.READ);
        channel.position(offset);
        return new BoundedChannel(channel, length);
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    /** Keys are generated (UUIDs), never user input; two-character fan-out keeps directories small. */
    private Path path(String key) {
        if (!key.matches("[A-Za-z0-9-]{8,64}")) {
            throw new IllegalArgumentException("not an archive key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }
}
