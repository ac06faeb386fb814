package dev.mint.client;

import java.util.Map;

/** 401 Unauthorized: no valid credentials, or they expired and could not be refreshed. */
public class MintAuthenticationException extends MintApiException {
    public MintAuthenticationException(int status, String code, String message, Map<String, Object> details, String requestId) {
        super(status, code, message, details, requestId, null);
    }
}
