package dev.mint.client;

import java.net.URI;

/**
 * No response: the host could not be reached, the connection broke, or the request timed out. The
 * message names the URL; {@link #isTimeout()} tells a timeout from the rest.
 */
public class MintConnectionException extends MintApiException {
    private final URI uri;
    private final boolean timeout;

    public MintConnectionException(URI uri, boolean timeout, String message, Throwable cause) {
        super(0, timeout ? "TIMEOUT" : "CONNECTION_ERROR", message, null, null, cause);
        this.uri = uri;
        this.timeout = timeout;
    }

    public URI uri() {
        return uri;
    }

    public boolean isTimeout() {
        return timeout;
    }
}
