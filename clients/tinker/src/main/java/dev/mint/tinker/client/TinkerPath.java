package dev.mint.tinker.client;

import dev.mint.tinker.client.model.CheckpointType;
import java.util.Objects;
import java.util.Optional;

/**
 * A checkpoint's address, {@code tinker://<training_run_id>/<weights|sampler_weights>/<name>}, e.g.
 * {@code tinker://5f0c…6666:train:0/weights/step-100}. Immutable.
 *
 * <p>Parsing follows upstream's rules: the {@code tinker://} prefix, then exactly three {@code /}-separated
 * parts, the middle one {@code weights} (a training checkpoint) or {@code sampler_weights} (a sampler
 * checkpoint). Run ids keep their colons. Unlike upstream, empty parts are rejected too, since they can only
 * produce a request for the wrong resource. Nothing else is checked: names may hold any other character,
 * and the client percent-encodes what a URL path cannot carry.
 */
public final class TinkerPath {
    /** The scheme prefix every path starts with. */
    public static final String PREFIX = "tinker://";

    private final String trainingRunId;
    private final CheckpointType type;
    private final String name;

    private TinkerPath(String trainingRunId, CheckpointType type, String name) {
        this.trainingRunId = trainingRunId;
        this.type = type;
        this.name = name;
    }

    /**
     * Parses a tinker path.
     *
     * @throws InvalidTinkerPathException when it is not of the form above
     * @throws NullPointerException       when {@code path} is null
     */
    public static TinkerPath parse(String path) {
        Objects.requireNonNull(path, "tinker path == null");
        if (!path.startsWith(PREFIX)) {
            throw new InvalidTinkerPathException(path, "must start with " + PREFIX);
        }
        String[] parts = path.substring(PREFIX.length()).split("/", -1);
        if (parts.length != 3) {
            throw new InvalidTinkerPathException(path, "expected " + PREFIX
                    + "<training_run_id>/<weights|sampler_weights>/<name>, found " + parts.length + " part"
                    + (parts.length == 1 ? "" : "s") + " after " + PREFIX);
        }
        return of(path, parts[0], parts[1], parts[2]);
    }

    /** The path if {@code path} is a valid tinker path. */
    public static Optional<TinkerPath> tryParse(String path) {
        try {
            return Optional.of(parse(path));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /**
     * The path of a run's checkpoint given by its REST checkpoint id ({@code weights/<name>} or
     * {@code sampler_weights/<name>}, as in {@code Checkpoint.checkpoint_id}).
     *
     * @throws InvalidTinkerPathException when the run id is empty or contains {@code /}, or the checkpoint id
     *                                    is not of that form
     */
    public static TinkerPath of(String trainingRunId, String checkpointId) {
        Objects.requireNonNull(trainingRunId, "trainingRunId == null");
        Objects.requireNonNull(checkpointId, "checkpointId == null");
        String[] parts = checkpointId.split("/", -1);
        String whole = PREFIX + trainingRunId + "/" + checkpointId;
        if (parts.length != 2) {
            throw new InvalidTinkerPathException(whole, "checkpoint id '" + checkpointId
                    + "' must be weights/<name> or sampler_weights/<name>");
        }
        if (trainingRunId.contains("/")) {
            throw new InvalidTinkerPathException(whole, "training run id must not contain '/'");
        }
        return of(whole, trainingRunId, parts[0], parts[1]);
    }

    /**
     * The path of a checkpoint given by its parts.
     *
     * @throws InvalidTinkerPathException when a part is empty or contains {@code /}
     */
    public static TinkerPath of(String trainingRunId, CheckpointType type, String name) {
        Objects.requireNonNull(type, "type == null");
        return of(trainingRunId, type.pathSegment() + "/" + Objects.requireNonNull(name, "name == null"));
    }

    private static TinkerPath of(String whole, String runId, String kind, String name) {
        if (runId.isEmpty()) {
            throw new InvalidTinkerPathException(whole, "training run id is empty");
        }
        CheckpointType type = CheckpointType.ofPathSegment(kind).orElseThrow(() -> new InvalidTinkerPathException(whole,
                "second part must be weights or sampler_weights, not '" + kind + "'"));
        if (name.isEmpty()) {
            throw new InvalidTinkerPathException(whole, "checkpoint name is empty");
        }
        return new TinkerPath(runId, type, name);
    }

    /** The training run (model) id, e.g. {@code 5f0c…6666:train:0}. */
    public String trainingRunId() {
        return trainingRunId;
    }

    /** Training or sampler checkpoint. */
    public CheckpointType type() {
        return type;
    }

    /** The checkpoint's name within its run and type, e.g. {@code step-100}. */
    public String name() {
        return name;
    }

    /** The REST checkpoint id, {@code weights/<name>} or {@code sampler_weights/<name>}. */
    public String checkpointId() {
        return type.pathSegment() + "/" + name;
    }

    /** The path as text, {@code tinker://<run>/<kind>/<name>}. */
    @Override
    public String toString() {
        return PREFIX + trainingRunId + "/" + checkpointId();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TinkerPath that && trainingRunId.equals(that.trainingRunId) && type == that.type
                && name.equals(that.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(trainingRunId, type, name);
    }
}
