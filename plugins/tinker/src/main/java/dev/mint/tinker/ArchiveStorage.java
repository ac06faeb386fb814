package dev.mint.tinker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoint archives: uploads committed all at once into the {@link BlobStore}, signed expiring download
 * URLs, and ranged downloads streamed from the store.
 */
final class ArchiveStorage {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveStorage.class);
    private static final int COPY_BUFFER = 1024 * 1024;

    /** A signed download URL and when it stops working. */
    record SignedUrl(String url, Instant expires) {
    }

    /** One download: the checkpoint whose archive it is, and the archive's size. */
    record Download(Checkpoint checkpoint, long size) {
    }

    private final BlobStore blobs;
    private final ArchiveReceiver receiver;
    private final Checkpoints checkpoints;
    private final AuditLog audit;
    private final UrlSigner signer;
    private final Supplier<Duration> urlTtl;
    private final String downloadPath;
    private final Clock clock;

    ArchiveStorage(BlobStore blobs, ArchiveReceiver receiver, Checkpoints checkpoints, AuditLog audit, UrlSigner signer,
                   Supplier<Duration> urlTtl, String downloadPath, Clock clock) {
        this.blobs = blobs;
        this.receiver = receiver;
        this.checkpoints = checkpoints;
        this.audit = audit;
        this.signer = signer;
        this.urlTtl = urlTtl;
        this.downloadPath = downloadPath;
        this.clock = clock;
    }

    /**
     * Stores {@code body} as the archive of {@code checkpoint} (replacing an earlier one), or nothing at all.
     * Answers the checkpoint as it now is.
     */
    Checkpoint upload(Caller caller, Checkpoint checkpoint, InputStream body, long declaredLength, String sha256) {
        try {
            ArchiveReceiver.Received received = receiver.receive(body, declaredLength, sha256);
            String key = UUID.randomUUID().toString();
            blobs.commit(key, received.file());
            Checkpoints.Attached attached = checkpoints.attachArchive(checkpoint.id(), key, received.size(), received.sha256())
                    .orElse(null);
            if (attached == null) {
                deleteQuietly(key); // the checkpoint was deleted while its archive was uploading
                throw Registry.notFound(checkpoint.ref());
            }
            if (attached.replacedKey() != null) {
                deleteQuietly(attached.replacedKey());
            }
            audit.record(caller.userId(), AuditLog.Event.CHECKPOINT_ARCHIVE_UPLOADED, checkpoint.ref(), clock.instant());
            return checkpoints.byId(checkpoint.id()).orElseThrow(() -> Registry.notFound(checkpoint.ref()));
        } catch (IOException e) {
            throw new UncheckedIOException("storing the archive of " + checkpoint.ref().tinkerPath() + " failed", e);
        }
    }

    /** A signed URL of the checkpoint's archive under {@code baseUrl}; 404 when none was uploaded. */
    SignedUrl signedUrl(Checkpoint checkpoint, String baseUrl) {
        if (checkpoint.archiveKey() == null) {
            throw TinkerError.notFound("Checkpoint " + checkpoint.ref().tinkerPath() + " has no archive: upload one with"
                    + " PUT .../checkpoints/" + checkpoint.ref().checkpointId() + "/archive");
        }
        Instant expires = clock.instant().plus(urlTtl.get());
        // The URL names the archive, not the checkpoint: keys are never reused, so a URL can never reach an
        // archive uploaded after it was signed.
        String path = downloadPath + "/" + checkpoint.archiveKey();
        return new SignedUrl(signer.url(baseUrl, path, expires), expires);
    }

    /**
     * What a signed download asks for.
     *
     * @throws TinkerError 403 for a bad or expired signature, 404 when the checkpoint or archive is gone
     */
    Download download(String path, String archiveKey, String expires, String signature) {
        signer.require(path, expires, signature, clock.instant());
        Checkpoint checkpoint = checkpoints.byArchive(archiveKey)
                .orElseThrow(() -> TinkerError.notFound("The archive no longer exists (deleted, replaced or expired)"));
        return new Download(checkpoint, checkpoint.sizeBytes());
    }

    /**
     * Copies {@code range} of the download's archive to {@code out} through one direct buffer of up to 1 MiB,
     * filled before each write: a file read lands in it without a copy, and few large writes keep a fast
     * client fed (8 KiB stream copies held loopback downloads to a third of the speed).
     */
    void copy(Download download, ByteRange range, WritableByteChannel out) throws IOException {
        try (ReadableByteChannel in = blobs.open(download.checkpoint().archiveKey(), range.start(), range.length())) {
            ByteBuffer buffer = ByteBuffer.allocateDirect((int) Math.min(COPY_BUFFER, Math.max(1, range.length())));
            boolean ended = false;
            while (!ended) {
                buffer.clear();
                while (buffer.hasRemaining() && !ended) {
                    ended = in.read(buffer) < 0;
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
        }
    }

    void deleteQuietly(String key) {
        try {
            blobs.delete(key);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not delete archive blob {}; it is orphaned: {}", key, e.toString());
        }
    }
}
