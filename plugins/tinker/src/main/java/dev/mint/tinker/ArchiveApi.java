package dev.mint.tinker;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.head;
import static io.javalin.apibuilder.ApiBuilder.put;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Checkpoint archives over HTTP: the SDK's archive URL endpoint (a signed, expiring URL as JSON), our upload
 * endpoint (the archive as the raw request body, streamed past the platform's body limit), and the signed
 * download itself (no key needed; {@code Range} supported).
 */
final class ArchiveApi {
    private final Requests requests;
    private final Registry registry;
    private final ArchiveStorage storage;
    private final String downloadPath;
    private final String publicUrl;

    ArchiveApi(Requests requests, Registry registry, ArchiveStorage storage, String downloadPath, String publicUrl) {
        this.requests = requests;
        this.registry = registry;
        this.storage = storage;
        this.downloadPath = downloadPath;
        this.publicUrl = publicUrl;
    }

    /** {@code downloads} is the download route relative to the router, e.g. {@code /archives}. */
    static void routes(Supplier<ArchiveApi> api, String downloads) {
        String archive = "/training_runs/{run_id}/checkpoints/{kind}/{name}/archive";
        get(archive, Requests.handle(ctx -> api.get().archiveUrl(ctx)));
        put(archive, Requests.handle(ctx -> api.get().upload(ctx)));
        get(downloads + "/{archive}", Requests.handle(ctx -> api.get().download(ctx, true)));
        head(downloads + "/{archive}", Requests.handle(ctx -> api.get().download(ctx, false)));
    }

    /** The reference's "future" contract: 200 {@code {"url", "expires"}}. */
    private void archiveUrl(Context ctx) {
        Checkpoint checkpoint = registry.readable(requests.caller(ctx), Requests.checkpoint(ctx));
        ArchiveStorage.SignedUrl signed = storage.signedUrl(checkpoint, baseUrl(ctx));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", signed.url());
        body.put("expires", signed.expires());
        Requests.json(ctx, body);
    }

    /**
     * Reads the request's InputStream directly: the platform's body limit applies only to bodies read whole,
     * and an archive must never be.
     */
    private void upload(Context ctx) throws IOException {
        Caller caller = requests.caller(ctx);
        Checkpoint checkpoint = registry.owned(caller, Requests.checkpoint(ctx));
        Checkpoint stored = storage.upload(caller, checkpoint, ctx.req().getInputStream(), ctx.req().getContentLengthLong(),
                ctx.header("X-Checksum-Sha256"));
        Map<String, Object> body = Views.checkpoint(stored);
        body.put("sha256", stored.sha256());
        Requests.json(ctx, body);
    }

    /** The archive, or with {@code body} false only its headers (HEAD, as download tools ask first). */
    private void download(Context ctx, boolean body) throws IOException {
        String archive = ctx.pathParam("archive");
        ArchiveStorage.Download download = storage.download(downloadPath + "/" + archive, archive, ctx.queryParam("expires"),
                ctx.queryParam("signature"));
        ByteRange range;
        try {
            range = ByteRange.of(ctx.header("Range"), download.size());
        } catch (TinkerError e) {
            ctx.header("Content-Range", "bytes */" + download.size());
            throw e;
        }
        var res = ctx.res();
        res.setStatus(range.partial() ? 206 : 200);
        res.setContentType("application/x-tar");
        res.setHeader("Accept-Ranges", "bytes");
        res.setHeader("Content-Disposition", "attachment; filename=\""
                + download.checkpoint().ref().name().replaceAll("[^A-Za-z0-9._-]", "_") + ".tar\"");
        if (range.partial()) {
            res.setHeader("Content-Range", range.contentRange(download.size()));
        }
        res.setContentLengthLong(range.length());
        if (body) {
            try (WritableByteChannel out = ResponseChannel.of(res.getOutputStream())) {
                storage.copy(download, range, out);
            }
        }
    }

    private String baseUrl(Context ctx) {
        return Requests.baseUrl(ctx, publicUrl);
    }
}
