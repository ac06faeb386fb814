package dev.mint.minima.client;

import dev.mint.client.core.ApiRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Parameters of {@code GET /v1/strategies}; only those set are sent. {@code lessonTypes} go out as a
 * repeated key ({@code lesson_types=a&lesson_types=b}); {@code maxStrategies} is 1..50 (server default 5).
 */
public final class StrategiesQuery {
    private static final StrategiesQuery DEFAULTS = builder().build();

    private final String namespace;
    private final List<String> lessonTypes;
    private final Integer maxStrategies;

    private StrategiesQuery(Builder b) {
        this.namespace = b.namespace;
        this.lessonTypes = List.copyOf(b.lessonTypes);
        this.maxStrategies = b.maxStrategies;
    }

    /** The default namespace, every lesson type, the server's default count. */
    public static StrategiesQuery defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> namespace() {
        return Optional.ofNullable(namespace);
    }

    public List<String> lessonTypes() {
        return lessonTypes;
    }

    public Optional<Integer> maxStrategies() {
        return Optional.ofNullable(maxStrategies);
    }

    void apply(ApiRequest.Builder request) {
        request.query("namespace", namespace);
        lessonTypes.forEach(type -> request.query("lesson_types", type));
        request.query("max_strategies", maxStrategies);
    }

    /** Builds a {@link StrategiesQuery}. */
    public static final class Builder {
        private String namespace;
        private final List<String> lessonTypes = new ArrayList<>();
        private Integer maxStrategies;

        private Builder() {
        }

        public Builder namespace(String namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace == null");
            return this;
        }

        public Builder lessonType(String lessonType) {
            lessonTypes.add(Objects.requireNonNull(lessonType, "lessonType == null"));
            return this;
        }

        public Builder lessonTypes(List<String> lessonTypes) {
            Objects.requireNonNull(lessonTypes, "lessonTypes == null").forEach(this::lessonType);
            return this;
        }

        /** 1..50. */
        public Builder maxStrategies(int maxStrategies) {
            if (maxStrategies < 1 || maxStrategies > 50) {
                throw new IllegalArgumentException("maxStrategies must be within 1..50, got " + maxStrategies);
            }
            this.maxStrategies = maxStrategies;
            return this;
        }

        public StrategiesQuery build() {
            return new StrategiesQuery(this);
        }
    }
}
