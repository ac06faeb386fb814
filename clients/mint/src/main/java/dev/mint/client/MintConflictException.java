package dev.mint.client;

import java.util.Map;

/** 409 Conflict: the request clashes with the current state (duplicate name, stale revision). */
public class MintConflictException extends MintApiException {
    public MintConflictException(int status, String code, String message, Map<String, Object> details, String requestId) {
        super(status, code, message, details, requestId, null);
    }
}
