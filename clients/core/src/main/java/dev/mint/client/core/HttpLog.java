package dev.mint.client.core;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request/response logging: one line per exchange at DEBUG, headers and bodies at TRACE. Credentials are
 * redacted: authorization-like headers entirely, and the values of JSON fields such as {@code password}
 * or {@code access_token}. Nothing is formatted unless the level is enabled.
 */
final class HttpLog {
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key", "x-mint-token");
    private static final Pattern SECRET_FIELDS = Pattern.compile(
            "(\"(?:password|current_password|new_password|access_token|refresh_token|token|api_key|secret|client_secret)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_BODY_CHARS = 4_000;

    private final Logger logger;

    HttpLog(String loggerName) {
        this.logger = LoggerFactory.getLogger(loggerName);
    }

    void exchange(ApiRequest request, HttpRequest sent, ApiResponse response, long startedNanos) {
        if (!logger.isDebugEnabled()) {
            return;
        }
        logger.debug("{} {} -> {} in {} ms{}", request.method(), sent.uri(), response.status(),
                (System.nanoTime() - startedNanos) / 1_000_000,
                response.requestId().map(id -> " (request id " + id + ")").orElse(""));
        if (logger.isTraceEnabled()) {
            logger.trace("request headers: {}", redactHeaders(sent.headers().map()));
            request.body().ifPresent(body -> logger.trace("request body: {}", redactBody(body)));
            logger.trace("response headers: {}", redactHeaders(response.headers().map()));
            logger.trace("response body: {}", redactBody(response.body()));
        }
    }

    void failure(ApiRequest request, URI uri, IOException failure, long startedNanos) {
        if (logger.isDebugEnabled()) {
            logger.debug("{} {} failed after {} ms: {}", request.method(), uri,
                    (System.nanoTime() - startedNanos) / 1_000_000, failure.toString());
        }
    }

    static String redactHeaders(java.util.Map<String, java.util.List<String>> headers) {
        StringBuilder out = new StringBuilder("{");
        headers.forEach((name, values) -> {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(name).append('=');
            out.append(SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "[redacted]" : String.join(",", values));
        });
        return out.append('}').toString();
    }

    static String redactBody(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.length() > MAX_BODY_CHARS) {
            text = text.substring(0, MAX_BODY_CHARS) + "... (" + body.length + " bytes)";
        }
        return SECRET_FIELDS.matcher(text).replaceAll("$1\"[redacted]\"");
    }
}
