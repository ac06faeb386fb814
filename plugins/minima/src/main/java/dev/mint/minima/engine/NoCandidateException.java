package dev.mint.minima.engine;

/** The constraints leave no model to recommend (answered 422 "No candidate models"). */
public final class NoCandidateException extends RuntimeException {
    public NoCandidateException(String message) {
        super(message);
    }
}
