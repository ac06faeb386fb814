package dev.mint.tinker;

/**
 * An error answered as FastAPI does, {@code {"detail": "..."}} with an HTTP status. Never 408, 409 for a
 * transient reason, 429 or 5xx in a normal flow: the SDK retries those for minutes.
 */
final class TinkerError extends RuntimeException {
    private final int status;

    private TinkerError(int status, String detail) {
        super(detail);
        this.status = status;
    }

    static TinkerError badRequest(String detail) {
        return new TinkerError(400, detail);
    }

    static TinkerError unauthorized(String detail) {
        return new TinkerError(401, detail);
    }

    static TinkerError forbidden(String detail) {
        return new TinkerError(403, detail);
    }

    static TinkerError notFound(String detail) {
        return new TinkerError(404, detail);
    }

    static TinkerError conflict(String detail) {
        return new TinkerError(409, detail);
    }

    static TinkerError tooLarge(String detail) {
        return new TinkerError(413, detail);
    }

    static TinkerError rangeNotSatisfiable(String detail) {
        return new TinkerError(416, detail);
    }

    int status() {
        return status;
    }
}
