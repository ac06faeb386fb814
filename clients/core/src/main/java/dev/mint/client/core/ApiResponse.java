package dev.mint.client.core;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A complete HTTP response: status, headers and body bytes, with the URI it came from. Any status is a
 * response; deciding which are errors is the client's job.
 */
public record ApiResponse(int status, HttpHeaders headers, byte[] body, URI uri, String method) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The server's request id from {@code X-Request-Id}, when it sent one. */
    public Optional<String> requestId() {
        return header("X-Request-Id");
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean hasBody() {
        return body.length > 0;
    }
}
