package dev.mint.tinker;

/** The two kinds of checkpoint: the path segment of their ids and the {@code checkpoint_type} on the wire. */
enum CheckpointKind {
    TRAINING("weights", "training"), SAMPLER("sampler_weights", "sampler");

    private final String segment;
    private final String wireType;

    CheckpointKind(String segment, String wireType) {
        this.segment = segment;
        this.wireType = wireType;
    }

    /** {@code weights} or {@code sampler_weights}. */
    String segment() {
        return segment;
    }

    /** {@code training} or {@code sampler}. */
    String wireType() {
        return wireType;
    }

    /** The kind named by a path segment, or a 400. */
    static CheckpointKind fromSegment(String segment) {
        for (CheckpointKind kind : values()) {
            if (kind.segment.equals(segment)) {
                return kind;
            }
        }
        throw TinkerError.badRequest("Invalid checkpoint id or tinker path: the kind must be 'weights' or"
                + " 'sampler_weights', not '" + segment + "'");
    }
}
