package dev.mint.tinker.client;

/** 404 Not Found: the object does not exist, or the caller may not see or change it. */
public final class NotFoundException extends ApiStatusException {
    NotFoundException(Failure failure) {
        super(failure);
    }
}
