package dev.mint.client;

import java.util.Map;

/** 5xx: the platform failed; retrying later may help. */
public class MintServerException extends MintApiException {
    public MintServerException(int status, String code, String message, Map<String, Object> details, String requestId) {
        super(status, code, message, details, requestId, null);
    }
}
