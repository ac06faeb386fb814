package dev.mint.sdk;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token, else a new UUID.
 * The id is echoed in the response header, kept on the context, and put in the logging MDC under
 * {@code request_id} (where {@link PluginLogger} finds it). The platform and the standalone app both
 * install it as the first before-handler and {@link #clear} as an after-handler.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "mint.request-id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public static void assign(Context ctx) {
        String incoming = ctx.header(HEADER);
        String id = incoming != null && SAFE.matcher(incoming).matches() ? incoming : newId();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(PluginLogger.REQUEST_ID, id);
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: request ids need to be unique, not
     * unguessable, and the secure generator of {@code UUID.randomUUID()} is a shared, slower source.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** The id of this request, or {@code unknown} outside one. */
    public static String current(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "unknown" : id;
    }

    public static void clear() {
        MDC.remove(PluginLogger.REQUEST_ID);
    }
}
