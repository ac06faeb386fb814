package dev.mint.tinker.client.model;

import java.util.List;
import java.util.Optional;

/** Checkpoints; {@code cursor} is present on paged lists (the user's checkpoints), empty for one run's list. */
public record CheckpointsListResponse(List<Checkpoint> checkpoints, Optional<Cursor> cursor) {
    public CheckpointsListResponse {
        checkpoints = Wire.requiredList(checkpoints, "checkpoints");
        cursor = Wire.opt(cursor);
    }
}
