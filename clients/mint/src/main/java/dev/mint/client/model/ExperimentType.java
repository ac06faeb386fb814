package dev.mint.client.model;

import java.util.Optional;

/** An experiment type from {@code GET /api/experiments/experiment-types}. */
public record ExperimentType(String value, String label, Optional<String> color, Optional<String> description,
                             int sortOrder, boolean active) {
}
