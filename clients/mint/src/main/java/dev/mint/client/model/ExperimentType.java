package dev.mint.client.model;

import java.util.Optional;

/**
 * An experiment type from {@code GET /api/experiments/experiment-types}. Servers that send only
 * {@code value}, {@code label} and {@code color} yield sort order 0 and active {@code true}.
 */
public record ExperimentType(String value, String label, Optional<String> color, Optional<String> description,
                             int sortOrder, Boolean active) {
    public ExperimentType {
        active = active == null ? Boolean.TRUE : active;
    }
}
