package dev.mint.tinker.client;

/**
 * No usable answer, after the retries ran out: the connection was refused or broke, or an edge proxy answered
 * 400 with an empty body (which upstream also treats as a connection problem). The cause is the
 * {@link java.io.IOException}, if there was one.
 */
public class ApiConnectionException extends ApiException {
    ApiConnectionException(String message, String method, String uri, Throwable cause) {
        super(message, method, uri, cause);
    }
}
