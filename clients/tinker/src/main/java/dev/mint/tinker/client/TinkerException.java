package dev.mint.tinker.client;

/**
 * The root of every error the Tinker client raises (upstream's {@code TinkerError}); unchecked.
 *
 * <pre>
 * TinkerException                       missing or malformed API key, failed trace export, interrupted wait
 * ├── ApiException                      anything about one HTTP exchange
 * │   ├── ApiStatusException            a non-2xx answer (status, body, detail, request id); exactly this class
 * │   │   │                             for statuses without a subclass (3xx without Location, 402, 405, 410 …)
 * │   │   ├── BadRequestException              400
 * │   │   ├── AuthenticationException          401
 * │   │   ├── PermissionDeniedException        403
 * │   │   ├── NotFoundException                404
 * │   │   ├── ConflictException                409
 * │   │   ├── UnprocessableEntityException     422
 * │   │   ├── RateLimitException               429
 * │   │   └── InternalServerException          5xx
 * │   ├── ApiConnectionException        no usable answer: refused, reset, or an empty-bodied 400 from a proxy
 * │   │   └── ApiTimeoutException       the request timed out
 * │   └── ApiResponseValidationException  a 2xx whose body does not fit the expected type
 * ├── ArchiveTransferException          a download or upload that could not be completed intact
 * └── ResultTimeoutException            {@link ApiFuture#result(java.time.Duration)} ran out of time
 * </pre>
 *
 * Malformed {@code tinker://} paths are {@link InvalidTinkerPathException}s (an {@link IllegalArgumentException}),
 * thrown before any request.
 */
public class TinkerException extends RuntimeException {
    TinkerException(String message) {
        super(message);
    }

    TinkerException(String message, Throwable cause) {
        super(message, cause);
    }
}
