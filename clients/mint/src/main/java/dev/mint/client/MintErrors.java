package dev.mint.client;

import dev.mint.client.core.ApiResponse;
import dev.mint.client.core.ErrorBody;
import dev.mint.client.core.JsonCodec;
import java.time.Duration;

/** Maps an error response to the {@link MintApiException} subclass of its status family. */
final class MintErrors {
    private MintErrors() {
    }

    static MintApiException from(ApiResponse response, JsonCodec json) {
        ErrorBody error = ErrorBody.parse(response, json);
        int status = response.status();
        String code = error.code().orElse(null);
        String requestId = error.requestId().orElse(null);
        return switch (status) {
            case 400, 422 -> new MintValidationException(status, code, error.message(), error.details(), requestId);
            case 401 -> new MintAuthenticationException(status, code, error.message(), error.details(), requestId);
            case 403 -> new MintPermissionException(status, code, error.message(), error.details(), requestId);
            case 404 -> new MintNotFoundException(status, code, error.message(), error.details(), requestId);
            case 409 -> new MintConflictException(status, code, error.message(), error.details(), requestId);
            case 429 -> new MintRateLimitException(status, code, error.message(), error.details(), requestId,
                    response.header("Retry-After").map(MintErrors::seconds).orElse(null));
            default -> status >= 500
                    ? new MintServerException(status, code, error.message(), error.details(), requestId)
                    : new MintApiException(status, code, error.message(), error.details(), requestId, null);
        };
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
