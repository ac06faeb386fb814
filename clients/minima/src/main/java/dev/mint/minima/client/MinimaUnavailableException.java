package dev.mint.minima.client;

/**
 * Minima cannot answer now: a 502, 503 or 504 response, or no response at all (status 0: the host could
 * not be reached, the connection broke, or the request timed out). Feedback has already been retried
 * when this is raised; recommendations never are.
 */
public class MinimaUnavailableException extends MinimaException {
    private final boolean timeout;

    MinimaUnavailableException(Problem problem, boolean timeout, Throwable cause) {
        super(problem, cause);
        this.timeout = timeout;
    }

    /** Whether the request timed out (as opposed to being refused, broken off, or answered with 502-504). */
    public boolean isTimeout() {
        return timeout;
    }
}
