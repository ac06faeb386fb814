package dev.mint.minima.client;

import dev.mint.minima.client.model.EvidenceSource;
import dev.mint.minima.client.model.FeedbackResponse;
import dev.mint.minima.client.model.RecommendResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;

/**
 * The outcome of {@link MinimaRouter#route}: what the model returned, which model it was, and what was
 * measured and reported. Immutable, except that {@link #report} sends further feedback.
 *
 * @param <T> what the model call returned
 */
public final class RoutedResult<T> {
    private final T value;
    private final String modelId;
    private final RecommendResponse recommendation;
    private final Duration latency;
    private final Usage usage;
    private final Double costUsd;
    private final Double quality;
    private final FeedbackResponse feedback;
    private final MinimaRouter router;

    RoutedResult(T value, String modelId, RecommendResponse recommendation, Duration latency, Usage usage,
                 Double costUsd, Double quality, FeedbackResponse feedback, MinimaRouter router) {
        this.value = value;
        this.modelId = modelId;
        this.recommendation = recommendation;
        this.latency = latency;
        this.usage = usage;
        this.costUsd = costUsd;
        this.quality = quality;
        this.feedback = feedback;
        this.router = router;
    }

    /** What the model call returned, as it returned it. */
    public T value() {
        return value;
    }

    /** The model that was called: the recommended one, or the router's default after a failed recommend. */
    public String modelId() {
        return modelId;
    }

    /** The recommendation followed; empty when recommend failed and the default model was called. */
    public Optional<RecommendResponse> recommendation() {
        return Optional.ofNullable(recommendation);
    }

    /** Whether recommend failed and the router's default model was called instead (no feedback then). */
    public boolean fellBack() {
        return recommendation == null;
    }

    /** How long the model call took, as measured around it. */
    public Duration latency() {
        return latency;
    }

    /** The usage the result carried, when a {@link UsageOf} found one. */
    public Optional<Usage> usage() {
        return Optional.ofNullable(usage);
    }

    /** The cost reported: the provider's, else tokens at the model's list prices. */
    public OptionalDouble costUsd() {
        return costUsd == null ? OptionalDouble.empty() : OptionalDouble.of(costUsd);
    }

    /** The judge's score, when a judge scored the result. */
    public OptionalDouble quality() {
        return quality == null ? OptionalDouble.empty() : OptionalDouble.of(quality);
    }

    /** Minima's answer to the feedback sent after the call; empty when none was sent or sending failed. */
    public Optional<FeedbackResponse> feedback() {
        return Optional.ofNullable(feedback);
    }

    /**
     * Reports a quality score known only now (a user's rating, a later check) as a {@code human} label.
     * See {@link #report(double, EvidenceSource)}.
     */
    public Optional<FeedbackResponse> report(double quality) {
        return report(quality, EvidenceSource.HUMAN);
    }

    /**
     * Reports a quality score in [0, 1] for this call, with the realized tokens, cost and latency, as a
     * label from {@code source}. The server lets a labelled report supersede the telemetry-only feedback the
     * router sent after an unjudged call; a second label for a judged call is ignored as a duplicate.
     * Nothing is sent when the call {@linkplain #fellBack() fell back}. Failures are logged, not thrown.
     *
     * @return Minima's answer; empty when nothing was sent or sending failed
     * @throws IllegalArgumentException when {@code quality} is outside [0, 1]
     */
    public Optional<FeedbackResponse> report(double quality, EvidenceSource source) {
        Objects.requireNonNull(source, "source == null");
        return recommendation == null ? Optional.empty()
                : Optional.ofNullable(router.sendQuietly(router.labelled(this, quality, source)));
    }

    /** {@link #report(double, EvidenceSource)} without blocking; the future never fails. */
    public CompletableFuture<Optional<FeedbackResponse>> reportAsync(double quality, EvidenceSource source) {
        Objects.requireNonNull(source, "source == null");
        return recommendation == null ? CompletableFuture.completedFuture(Optional.empty())
                : router.sendQuietlyAsync(router.labelled(this, quality, source)).thenApply(Optional::ofNullable);
    }

    RecommendResponse recommendationOrNull() {
        return recommendation;
    }

    Usage usageOrNull() {
        return usage;
    }

    Double costOrNull() {
        return costUsd;
    }

    @Override
    public String toString() {
        return "RoutedResult[model=" + modelId + (recommendation == null ? " (default)" : "") + ", latency=" + latency
                + (usage == null ? "" : ", " + usage) + (quality == null ? "" : ", quality=" + quality) + "]";
    }
}
