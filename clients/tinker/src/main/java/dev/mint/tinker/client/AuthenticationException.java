package dev.mint.tinker.client;

/** 401 Unauthorized: a missing, malformed or rejected API key. */
public final class AuthenticationException extends ApiStatusException {
    AuthenticationException(Failure failure) {
        super(failure);
    }
}
