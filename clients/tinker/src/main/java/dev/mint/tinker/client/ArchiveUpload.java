package dev.mint.tinker.client;

import dev.mint.client.core.ApiResponse;
import dev.mint.tinker.client.model.Checkpoint;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Uploads a checkpoint archive to our server: the file streamed as the raw request body (never held in memory),
 * its SHA-256 in a header so the server can verify what it stored, answered by the stored checkpoint. Retried
 * from the start, with the same idempotency key, after a broken connection or a retryable status. Blocking;
 * one instance per upload.
 *
 * <p>The endpoint is MINT's own, not upstream Tinker's; its contract lives in these constants.
 */
final class ArchiveUpload {
    /** {@code PUT} here; the placeholders are replaced by the percent-encoded parts of the tinker path. */
    static final String PATH = "/api/v1/training_runs/{run_id}/checkpoints/{kind}/{name}/archive";
    /** Carries the lowercase hex SHA-256 of the whole body. */
    static final String CHECKSUM_HEADER = "X-Checksum-SHA256";
    static final String CONTENT_TYPE = "application/octet-stream";

    private final TinkerHttp http;
    private final TinkerPath checkpoint;
    private final Path source;
    private final TransferProgress progress;

    ArchiveUpload(TinkerHttp http, TinkerPath checkpoint, Path source, TransferProgress progress) {
        this.http = http;
        this.checkpoint = checkpoint;
        this.source = source;
        this.progress = progress;
    }

    static String path(TinkerPath checkpoint) {
        return PATH.replace("{run_id}", PathSegments.encode(checkpoint.trainingRunId()))
                .replace("{kind}", PathSegments.encode(checkpoint.type().pathSegment()))
                .replace("{name}", PathSegments.encode(checkpoint.name()));
    }

    Checkpoint run() {
        long size;
        String checksum;
        try {
            size = Files.size(source);
            checksum = sha256(source);
        } catch (IOException e) {
            throw new ArchiveTransferException("Cannot read " + source + ": " + e, e);
        }
        URI uri = http.resolve(path(checkpoint));
        String idempotencyKey = TinkerCalls.idempotencyKey();
        int attempts = http.settings().maxTransferAttempts();
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(http.settings().timeout())
                    .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                            () -> counting(size)), size))
                    .header("Accept", "application/json")
                    .header("Content-Type", CONTENT_TYPE)
                    .header(CHECKSUM_HEADER, checksum)
                    .header("X-Idempotency-Key", idempotencyKey);
            http.headersFor(uri).forEach(request::setHeader);
            ApiResponse response;
            try {
                HttpResponse<byte[]> answer = Transfers.send(http.client(), request.build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                response = new ApiResponse(answer.statusCode(), answer.headers(), answer.body(), uri, "PUT");
            } catch (IOException e) {
                if (e instanceof java.io.InterruptedIOException || attempt >= attempts) {
                    throw TinkerErrors.noResponse("PUT", uri, e);
                }
                Transfers.pause(http, attempt, null);
                continue;
            }
            if (!response.isSuccess() && Transfers.retryable(http, response) && attempt < attempts) {
                Transfers.pause(http, attempt, response);
                continue;
            }
            progress.onProgress(size, size);
            return Readers.json(Checkpoint.class).read(response, http.json());
        }
    }

    /** The file, counting what the HTTP client reads from it into the progress callback. */
    private InputStream counting(long size) {
        try {
            progress.onProgress(0, size);
            return new FilterInputStream(Files.newInputStream(source)) {
                private long sent;

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        progress.onProgress(++sent, size);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        sent += n;
                        progress.onProgress(sent, size);
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) != -1) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
