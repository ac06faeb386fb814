package dev.mint.client;

import java.util.Map;

/** 404 Not Found: no such resource, or one the caller may not see. */
public class MintNotFoundException extends MintApiException {
    public MintNotFoundException(int status, String code, String message, Map<String, Object> details, String requestId) {
        super(status, code, message, details, requestId, null);
    }
}
