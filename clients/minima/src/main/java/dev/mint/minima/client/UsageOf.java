package dev.mint.minima.client;

import java.util.Optional;

/**
 * Reads the realized {@link Usage} from a model call's result, e.g.
 * {@code r -> Usage.of(r.usage().inputTokens(), r.usage().outputTokens())}.
 *
 * @param <T> what the model call returned
 */
@FunctionalInterface
public interface UsageOf<T> {
    /** The usage, or empty when this result carries none. */
    Optional<Usage> usage(T result);

    /** For results that carry no usage. */
    static <T> UsageOf<T> none() {
        return result -> Optional.empty();
    }
}
