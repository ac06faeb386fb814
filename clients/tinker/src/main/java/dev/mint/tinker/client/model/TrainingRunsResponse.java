package dev.mint.tinker.client.model;

import java.util.List;

/** One page of training runs. */
public record TrainingRunsResponse(List<TrainingRun> trainingRuns, Cursor cursor) {
    public TrainingRunsResponse {
        trainingRuns = Wire.requiredList(trainingRuns, "training_runs");
        Wire.required(cursor, "cursor");
    }
}
