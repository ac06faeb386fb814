package dev.mint.tinker.client;

/** The request (or opening its connection) took longer than the configured timeout, on every attempt. */
public final class ApiTimeoutException extends ApiConnectionException {
    ApiTimeoutException(String message, String method, String uri, Throwable cause) {
        super(message, method, uri, cause);
    }
}
