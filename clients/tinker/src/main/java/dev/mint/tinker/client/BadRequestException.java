package dev.mint.tinker.client;

/** 400 Bad Request. */
public final class BadRequestException extends ApiStatusException {
    BadRequestException(Failure failure) {
        super(failure);
    }
}
