package dev.mint.tinker.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * The two kinds of checkpoint: a training checkpoint (full training state, path segment {@code weights})
 * and a sampler checkpoint (weights for sampling only, path segment {@code sampler_weights}).
 */
public enum CheckpointType {
    TRAINING("training", "weights"),
    SAMPLER("sampler", "sampler_weights");

    private final String wireName;
    private final String pathSegment;

    CheckpointType(String wireName, String pathSegment) {
        this.wireName = wireName;
        this.pathSegment = pathSegment;
    }

    /** {@code training} or {@code sampler}, as in {@code Checkpoint.checkpoint_type}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** {@code weights} or {@code sampler_weights}, as in tinker paths and checkpoint ids. */
    public String pathSegment() {
        return pathSegment;
    }

    /** The type whose path segment this is. */
    public static Optional<CheckpointType> ofPathSegment(String segment) {
        for (CheckpointType type : values()) {
            if (type.pathSegment.equals(segment)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static CheckpointType ofWireName(String wireName) {
        for (CheckpointType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown checkpoint_type '" + wireName + "' (expected training or sampler)");
    }
}
