package dev.mint.tinker.client;

import dev.mint.client.core.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams a checkpoint archive from its (signed) URL to a file: into a temporary file next to the target,
 * checked against {@code Content-Length}, then moved over the target in one step, so the target is either
 * the whole archive or untouched. A connection that breaks mid-way is resumed with {@code Range} (guarded by
 * {@code If-Range}); a server that ignores the range, or whose file changed, makes the download restart from
 * the beginning. Blocking; one instance per download.
 */
final class ArchiveDownload {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final int MAX_REDIRECTS = 5;
    private static final int BUFFER = 1024 * 1024;

    private final TinkerHttp http;
    private final URI url;
    private final Path target;
    private final TransferProgress progress;
    private long have;
    private long total = -1;
    private String validator;

    ArchiveDownload(TinkerHttp http, URI url, Path target, TransferProgress progress) {
        this.http = http;
        this.url = url;
        this.target = target.toAbsolutePath();
        this.progress = progress;
    }

    Path run() {
        Path temp;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new ArchiveTransferException("Cannot create a temporary file next to " + target + ": " + e, e);
        }
        try {
            fetchInto(temp);
            long size = Files.size(temp);
            if (total >= 0 && size != total) {
                throw new ArchiveTransferException("Downloaded " + size + " bytes of " + url.getHost()
                        + "'s archive but Content-Length announced " + total, null);
            }
            moveOver(temp);
            return target;
        } catch (IOException e) {
            throw new ArchiveTransferException("Cannot write " + target + ": " + e, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover .part file is harmless
            }
        }
    }

    private void fetchInto(Path temp) throws IOException {
        int attempts = http.settings().maxTransferAttempts();
        for (int attempt = 1; ; attempt++) {
            try {
                ApiResponse refused = attempt(temp);
                if (refused == null) {
                    return;
                }
                if (!Transfers.retryable(http, refused) || attempt >= attempts) {
                    throw TinkerErrors.from(refused, http.json());
                }
                Transfers.pause(http, attempt, refused);
            } catch (IOException e) {
                if (cancelled(e) || attempt >= attempts) {
                    throw new ArchiveTransferException("Download of " + target.getFileName() + " failed after " + attempt
                            + " attempt" + (attempt == 1 ? "" : "s") + " with " + have + " of "
                            + (total >= 0 ? total + " bytes" : "an unknown number of bytes") + ": " + e, e);
                }
                Transfers.pause(http, attempt, null);
            }
        }
    }

    /** An interrupt ends the download; a timed-out connect or read is retried like any broken connection. */
    private static boolean cancelled(IOException e) {
        return e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException);
    }

    /** One request and as much of the body as arrives; the refused response when there is nothing to write. */
    private ApiResponse attempt(Path temp) throws IOException {
        DownloadConnection response = open();
        int status = response.status();
        try (InputStream body = response.body()) {
            boolean append;
            if (status == 206 && have > 0 && resumes(response.headers())) {
                append = true;
            } else if (status == 200) {
                append = false;
                total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                validator = response.headers().firstValue("ETag")
                        .or(() -> response.headers().firstValue("Last-Modified")).orElse(null);
            } else if (status == 416 && total >= 0 && have == total) {
                return null;
            } else if (status == 206 || status == 416) {
                restart(temp);
                throw new IOException("the server answered " + status + " to a resume; starting over");
            } else {
                return new ApiResponse(status, response.headers(), body.readAllBytes(), response.uri(), "GET");
            }
            if (!append) {
                have = 0;
            }
            copy(body, temp, append);
        }
        if (total >= 0 && have < total) {
            throw new IOException("the connection ended after " + have + " of " + total + " bytes");
        }
        return null;
    }

    /** Whether a 206 continues exactly where the file ends, with the same total. */
    private boolean resumes(HttpHeaders headers) {
        Matcher range = CONTENT_RANGE.matcher(headers.firstValue("Content-Range").orElse(""));
        return range.matches() && Long.parseLong(range.group(1)) == have
                && (range.group(3).equals("*") || total < 0 || Long.parseLong(range.group(3)) == total);
    }

    private void restart(Path temp) throws IOException {
        have = 0;
        total = -1;
        validator = null;
        Files.write(temp, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
    }

    private DownloadConnection open() throws IOException {
        URI current = url;
        for (int hop = 0; ; hop++) {
            Map<String, String> headers = new LinkedHashMap<>(http.headersFor(current));
            if (have > 0) {
                headers.put("Range", "bytes=" + have + "-");
                if (validator != null) {
                    headers.put("If-Range", validator);
                }
            }
            DownloadConnection response = DownloadConnection.get(http.client(), current, headers, http.settings().timeout());
            Optional<String> location = response.headers().firstValue("Location");
            if (response.status() / 100 != 3 || location.isEmpty() || hop >= MAX_REDIRECTS) {
                return response;
            }
            response.body().close();
            current = current.resolve(location.get().strip());
        }
    }

    /** Appends the body to the file; a failure to read is the network's (retried), a failure to write is not. */
    private void copy(InputStream body, Path temp, boolean append) throws IOException {
        progress.onProgress(have, total);
        FileChannel out;
        try {
            // Not O_TRUNC: ext4 flushes a file opened with it when it is closed, which cost a second per GiB.
            out = FileChannel.open(temp, StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.WRITE);
            if (!append) {
                out.truncate(0); // a no-op on the new, empty file; clears a restarted one
            }
        } catch (IOException e) {
            throw new ArchiveTransferException("Cannot write " + temp + ": " + e, e);
        }
        try (out) {
            // A channel writes a large heap array through a cached direct buffer; a FileOutputStream would
            // allocate and free native memory for every write.
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = body.read(buffer)) != -1) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("download of " + target.getFileName() + " cancelled");
                }
                try {
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                } catch (IOException e) {
                    throw new ArchiveTransferException("Cannot write " + temp + ": " + e, e);
                }
                have += read;
                progress.onProgress(have, total);
            }
        }
    }

    private void moveOver(Path temp) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
