package dev.mint.minima.client;

/**
 * Scores a model's answer right after the call: a quality in [0, 1] (an LLM grader, a test suite, a
 * validator). The score decides the outcome reported to Minima: at least 0.8 is a success, at least 0.4
 * a partial success, lower a failure of quality. A judge that throws, or answers outside [0, 1], is
 * logged and the call is reported without a score.
 *
 * @param <T> what the model call returned
 */
@FunctionalInterface
public interface Judge<T> {
    double score(T result) throws Exception;
}
