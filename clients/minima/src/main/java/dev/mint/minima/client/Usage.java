package dev.mint.minima.client;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a model call consumed, as the provider reported it: tokens in and out, and the cost when the
 * provider states it. Without a cost the router prices the tokens at the model's catalog list prices.
 */
public final class Usage {
    private final long inputTokens;
    private final long outputTokens;
    private final Double costUsd;

    private Usage(long inputTokens, long outputTokens, Double costUsd) {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
        if (costUsd != null && !(costUsd >= 0)) {
            throw new IllegalArgumentException("costUsd must be >= 0, got " + costUsd);
        }
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.costUsd = costUsd;
    }

    public static Usage of(long inputTokens, long outputTokens) {
        return new Usage(inputTokens, outputTokens, null);
    }

    public static Usage of(long inputTokens, long outputTokens, double costUsd) {
        return new Usage(inputTokens, outputTokens, costUsd);
    }

    public long inputTokens() {
        return inputTokens;
    }

    public long outputTokens() {
        return outputTokens;
    }

    /** The cost the provider reported, in USD. */
    public OptionalDouble costUsd() {
        return costUsd == null ? OptionalDouble.empty() : OptionalDouble.of(costUsd);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Usage other && inputTokens == other.inputTokens && outputTokens == other.outputTokens
                && Objects.equals(costUsd, other.costUsd);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputTokens, outputTokens, costUsd);
    }

    @Override
    public String toString() {
        return "Usage[in=" + inputTokens + ", out=" + outputTokens + (costUsd == null ? "" : ", costUsd=" + costUsd) + "]";
    }
}
