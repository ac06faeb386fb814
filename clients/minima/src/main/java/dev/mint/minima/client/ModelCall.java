package dev.mint.minima.client;

/**
 * The caller's own model call, given the id of the model to use. Whatever it throws is reported to
 * Minima as an infrastructure failure and then rethrown to the caller unchanged.
 *
 * @param <T> what the call returns, e.g. the provider's response object
 * @param <E> the checked exception it may throw ({@link RuntimeException} when none)
 */
@FunctionalInterface
public interface ModelCall<T, E extends Exception> {
    T call(String modelId) throws E;
}
