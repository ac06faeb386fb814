package dev.mint.tinker.client;

/** 422 Unprocessable Entity: a request the server could not validate. */
public final class UnprocessableEntityException extends ApiStatusException {
    UnprocessableEntityException(Failure failure) {
        super(failure);
    }
}
