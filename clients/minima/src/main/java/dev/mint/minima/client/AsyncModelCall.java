package dev.mint.minima.client;

import java.util.concurrent.CompletionStage;

/**
 * The caller's own asynchronous model call, given the id of the model to use. A stage that fails (or an
 * exception thrown while starting it) is reported to Minima as an infrastructure failure and fails the
 * routed result with the same exception.
 *
 * @param <T> what the call produces
 */
@FunctionalInterface
public interface AsyncModelCall<T> {
    CompletionStage<T> call(String modelId);
}
