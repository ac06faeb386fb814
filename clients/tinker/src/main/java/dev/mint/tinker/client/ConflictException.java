package dev.mint.tinker.client;

/** 409 Conflict, e.g. publishing a checkpoint that is already public. */
public final class ConflictException extends ApiStatusException {
    ConflictException(Failure failure) {
        super(failure);
    }
}
