package dev.mint.cli;

import dev.mint.client.MintApiException;
import dev.mint.client.MintAuthenticationException;
import dev.mint.client.MintConflictException;
import dev.mint.client.MintConnectionException;
import dev.mint.client.MintNotFoundException;
import dev.mint.client.MintPermissionException;
import dev.mint.client.MintRateLimitException;
import dev.mint.client.MintValidationException;

/** Exit codes scripts can rely on (documented in docs/cli.md). */
final class ExitCodes {
    static final int OK = 0;
    /** The platform failed (5xx), or something else went wrong: bad configuration, unreadable file. */
    static final int FAILURE = 1;
    /** Wrong flags or arguments, or input the platform rejected as invalid (400, 422). */
    static final int USAGE = 2;
    /** Not logged in, wrong password, or a token that expired and could not be refreshed (401). */
    static final int NOT_AUTHENTICATED = 3;
    /** Logged in but not allowed (403). */
    static final int FORBIDDEN = 4;
    /** No such thing, or one you may not see (404). */
    static final int NOT_FOUND = 5;
    /** Clashes with the current state: duplicate name, stale revision (409). */
    static final int CONFLICT = 6;
    /** The platform could not be reached, timed out, or asked to slow down (429). */
    static final int UNAVAILABLE = 7;

    private ExitCodes() {
    }

    static int of(Throwable error) {
        if (error instanceof CliException cli) {
            return cli.exitCode();
        }
        if (error instanceof MintConnectionException || error instanceof MintRateLimitException) {
            return UNAVAILABLE;
        }
        if (error instanceof MintAuthenticationException) {
            return NOT_AUTHENTICATED;
        }
        if (error instanceof MintPermissionException) {
            return FORBIDDEN;
        }
        if (error instanceof MintNotFoundException) {
            return NOT_FOUND;
        }
        if (error instanceof MintConflictException) {
            return CONFLICT;
        }
        if (error instanceof MintValidationException) {
            return USAGE;
        }
        return FAILURE;
    }

    /** The one line printed for an error: its message, and the request id when the platform gave one. */
    static String message(Throwable error) {
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        if (error instanceof MintApiException api && api.requestId().isPresent()) {
            message += " (request id " + api.requestId().get() + ")";
        }
        return message;
    }
}
