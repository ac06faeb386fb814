package dev.mint.tinker.client;

/** a 5xx answer, after the retries ran out. */
public final class InternalServerException extends ApiStatusException {
    InternalServerException(Failure failure) {
        super(failure);
    }
}
