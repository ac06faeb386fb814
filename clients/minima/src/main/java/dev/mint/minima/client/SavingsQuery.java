package dev.mint.minima.client;

import dev.mint.client.core.ApiRequest;
import dev.mint.minima.client.model.SavingsGroupBy;
import java.util.Objects;
import java.util.Optional;

/**
 * Parameters of {@code GET /v1/savings}; only those set are sent. {@code days} is the window, 1..365
 * (server default 30).
 */
public final class SavingsQuery {
    private static final SavingsQuery DEFAULTS = builder().build();

    private final String namespace;
    private final Integer days;
    private final SavingsGroupBy groupBy;

    private SavingsQuery(Builder b) {
        this.namespace = b.namespace;
        this.days = b.days;
        this.groupBy = b.groupBy;
    }

    /** The default namespace over the server's default window, ungrouped. */
    public static SavingsQuery defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> namespace() {
        return Optional.ofNullable(namespace);
    }

    public Optional<Integer> days() {
        return Optional.ofNullable(days);
    }

    public Optional<SavingsGroupBy> groupBy() {
        return Optional.ofNullable(groupBy);
    }

    void apply(ApiRequest.Builder request) {
        request.query("namespace", namespace)
                .query("days", days)
                .query("group_by", groupBy == null ? null : groupBy.wireName());
    }

    /** Builds a {@link SavingsQuery}. */
    public static final class Builder {
        private String namespace;
        private Integer days;
        private SavingsGroupBy groupBy;

        private Builder() {
        }

        public Builder namespace(String namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace == null");
            return this;
        }

        /** 1..365. */
        public Builder days(int days) {
            if (days < 1 || days > 365) {
                throw new IllegalArgumentException("days must be within 1..365, got " + days);
            }
            this.days = days;
            return this;
        }

        public Builder groupBy(SavingsGroupBy groupBy) {
            this.groupBy = Objects.requireNonNull(groupBy, "groupBy == null");
            return this;
        }

        public SavingsQuery build() {
            return new SavingsQuery(this);
        }
    }
}
