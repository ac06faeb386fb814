package dev.mint.minima.client;

import java.util.List;
import java.util.Optional;

/**
 * The root of every error the Minima clients raise. For an error response ({@code status >= 400}) it
 * carries the status, the problem document's {@code title}, {@code detail} and {@code type}, and the raw
 * body. {@link #detail()} is the body's {@code detail} when it is text, the validation list rendered as
 * {@code loc: msg; ...} when it is FastAPI's 422 list (then {@link #validationErrors()} has the entries),
 * else the body's {@code title}, else the raw body.
 *
 * <p>Subclasses: {@link MinimaAuthenticationException} (401), {@link MinimaRateLimitedException} (429),
 * {@link MinimaUnavailableException} (502/503/504, and no response at all: refused connection, broken
 * connection, timeout; status 0). A 2xx response whose body cannot be read raises this class with that
 * status.
 *
 * <p>Callers of {@code recommend} should catch this and fall back to a default model: Minima advises, it
 * is never on the critical path.
 */
public class MinimaException extends RuntimeException {
    private final int status;
    private final String title;
    private final String detail;
    private final String type;
    private final String body;
    private final List<ValidationError> validationErrors;
    private final String requestId;

    MinimaException(Problem problem, Throwable cause) {
        super(problem.status() > 0 ? "HTTP " + problem.status() + ": " + problem.detail() : problem.detail(), cause);
        this.status = problem.status();
        this.title = problem.title();
        this.detail = problem.detail();
        this.type = problem.type();
        this.body = problem.body();
        this.validationErrors = List.copyOf(problem.validationErrors());
        this.requestId = problem.requestId();
    }

    /** The HTTP status, or 0 when there was no response. */
    public int status() {
        return status;
    }

    /** The problem document's {@code title}, e.g. {@code No candidate models}. */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /** What went wrong, never empty; see the class description for where it comes from. */
    public String detail() {
        return detail;
    }

    /** The problem document's {@code type}, usually {@code about:blank}. */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** The response body as received; empty when there was no response. */
    public String body() {
        return body;
    }

    /** The entries of a FastAPI validation failure; empty for other errors. */
    public List<ValidationError> validationErrors() {
        return validationErrors;
    }

    /** The server's {@code X-Request-Id}, when it sent one. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** What an error says, parsed once and handed to the exception constructors. */
    record Problem(int status, String title, String detail, String type, String body,
                   List<ValidationError> validationErrors, String requestId) {
        static Problem noResponse(String detail) {
            return new Problem(0, null, detail, null, "", List.of(), null);
        }
    }
}
