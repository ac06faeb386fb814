package dev.mint.sdk.data;

import java.util.Optional;

/**
 * Experiments, for plugins that declare {@code requiresExperiments}. ANALYSIS plugins get a read-only
 * view: {@link #create}, {@link #update} and {@link #delete} throw {@link dev.mint.sdk.PermissionException}.
 * Implementations are thread-safe; failures of storage raise {@link dev.mint.sdk.RepositoryException}.
 */
public interface ExperimentRepository {

    Optional<Experiment> getById(long experimentId);

    /** A page of experiments and the total count of matches, newest first. */
    ListResult<Experiment> listAll(ExperimentQuery query);

    /**
     * Creates an experiment; {@code name} and {@code experiment_type} are required.
     *
     * @throws dev.mint.sdk.ValidationException for missing or invalid fields
     */
    Experiment create(ExperimentChanges fields);

    /** Changes the given fields; empty when there is no such experiment. */
    Optional<Experiment> update(long experimentId, ExperimentChanges changes);

    /** Deletes the experiment with its design data and results; false when there was none. */
    boolean delete(long experimentId);

    boolean hasDesignData(long experimentId);
}
