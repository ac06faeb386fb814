package dev.mint.tinker.client;

/**
 * Told how far an archive download or upload has got: after the response headers, after every chunk, and once
 * more at the end. Called on the transfer's thread; keep it quick. A download that resumes continues from the
 * bytes it already has; one that has to restart reports from 0 again.
 */
@FunctionalInterface
public interface TransferProgress {
    /** Reports nothing. */
    TransferProgress NONE = (transferred, total) -> { };

    /**
     * @param transferred bytes written to the file (download) or read from it for sending (upload) so far
     * @param total       the size announced by {@code Content-Length} (or the file's size for uploads), or
     *                    {@code -1} when unknown
     */
    void onProgress(long transferred, long total);
}
