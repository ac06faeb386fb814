package dev.mint.client;

import java.util.Map;

/** 400 or 422: the request was malformed or failed validation. */
public class MintValidationException extends MintApiException {
    public MintValidationException(int status, String code, String message, Map<String, Object> details, String requestId) {
        super(status, code, message, details, requestId, null);
    }
}
