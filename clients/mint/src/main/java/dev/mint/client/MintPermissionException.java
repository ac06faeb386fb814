package dev.mint.client;

import java.util.Map;

/** 403 Forbidden: authenticated, but not allowed to do this. */
public class MintPermissionException extends MintApiException {
    public MintPermissionException(int status, String code, String message, Map<String, Object> details, String requestId) {
        super(status, code, message, details, requestId, null);
    }
}
