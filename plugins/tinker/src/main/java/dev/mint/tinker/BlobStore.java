package dev.mint.tinker;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;

/**
 * Where checkpoint archives live, by key. An archive is written completely to a local file first and
 * then committed in one step, so a store never shows a half-written archive. Implementations are
 * thread-safe.
 */
interface BlobStore {

    /** Makes the finished file {@code file} the blob {@code key}, consuming the file. */
    void commit(String key, Path file) throws IOException;

    /** {@code length} bytes of the blob from {@code offset}; the caller closes the channel. */
    ReadableByteChannel open(String key, long offset, long length) throws IOException;

    /** Removes the blob; a missing one is not an error. */
    void delete(String key) throws IOException;

    /** Whether the blob exists. */
    boolean exists(String key) throws IOException;
}
