package dev.mint.tinker.client;

/** 403 Forbidden, e.g. the audit log without the admin role. */
public final class PermissionDeniedException extends ApiStatusException {
    PermissionDeniedException(Failure failure) {
        super(failure);
    }
}
