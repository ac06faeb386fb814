package dev.mint.cli;

import dev.mint.client.MintApiException;
import dev.mint.client.MintAuthenticationException;
import dev.mint.client.MintConflictException;
import dev.mint.client.MintConnectionException;
import dev.mint.client.MintNotFoundException;
import dev.mint.client.MintPermissionException;
import dev.mint.client.MintRateLimitException;
import dev.mint.client.MintValidationException;
import dev.mint.tinker.client.ApiConnectionException;
import dev.mint.tinker.client.ApiStatusException;
import dev.mint.tinker.client.AuthenticationException;
import dev.mint.tinker.client.BadRequestException;
import dev.mint.tinker.client.ConflictException;
import dev.mint.tinker.client.InvalidTinkerPathException;
import dev.mint.tinker.client.NotFoundException;
import dev.mint.tinker.client.PermissionDeniedException;
import dev.mint.tinker.client.RateLimitException;
import dev.mint.tinker.client.UnprocessableEntityException;

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
        // The Tinker client's errors mean the same as the platform client's.
        if (error instanceof MintConnectionException || error instanceof MintRateLimitException
                || error instanceof ApiConnectionException || error instanceof RateLimitException) {
            return UNAVAILABLE;
        }
        if (error instanceof MintAuthenticationException || error instanceof AuthenticationException) {
            return NOT_AUTHENTICATED;
        }
        if (error instanceof MintPermissionException || error instanceof PermissionDeniedException) {
            return FORBIDDEN;
        }
        if (error instanceof MintNotFoundException || error instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (error instanceof MintConflictException || error instanceof ConflictException) {
            return CONFLICT;
        }
        if (error instanceof MintValidationException || error instanceof BadRequestException
                || error instanceof UnprocessableEntityException || error instanceof InvalidTinkerPathException) {
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
        // The Tinker client's message already names the request id; say the server's detail without "HTTP 404: ".
        if (error instanceof ApiStatusException status && status.detail().isPresent()) {
            message = status.detail().get() + status.requestId().map(id -> " (request id " + id + ")").orElse("");
        }
        return message;
    }
}
