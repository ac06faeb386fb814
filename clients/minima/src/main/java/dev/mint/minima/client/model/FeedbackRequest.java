package dev.mint.minima.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /v1/feedback}: how the call that followed a recommendation went. Only the
 * recommendation id, the model that actually ran and the outcome are required; the realized numbers
 * (tokens, cost, latency) make the server's cost estimates track reality, and the quality score with its
 * {@link EvidenceSource} is what teaches it.
 *
 * <pre>{@code
 * FeedbackRequest.builder(rec.recommendationId(), rec.modelId(), Outcome.SUCCESS)
 *     .qualityScore(0.9).evidenceSource(EvidenceSource.GATE).inputTokens(180).outputTokens(640)
 *     .actualCostUsd(0.0034).latencyMs(2100).build();
 * }</pre>
 *
 * <p>Label provenance: an outcome with source {@code gate}, {@code judge} or {@code human} teaches the
 * success estimate; {@code none}, or {@code error_cause=infra}, is telemetry only. When no source is sent
 * the server infers one from the deprecated {@code verified_in_production} / {@code judged} flags, and
 * otherwise assumes {@code human}.
 *
 * @param chosenModelId     the model that actually ran (it may differ from the recommended one)
 * @param qualityScore      in [0, 1]; the server clamps it against the outcome
 * @param iterations        agent turns taken
 * @param verifiedInProduction deprecated: true means evidence source {@code gate}
 * @param judged            deprecated: true means {@code judge}, false means {@code none}
 * @param chosenEffort      a reasoning-effort tier, recorded only
 * @param parentRecId       the recommendation this call retried after (a recovery ladder)
 * @param providerModelSnapshot the provider's model version; a change resets that model's estimate
 * @param labelPropensity   the probability, in (0, 1], that this call was labelled at all
 * @param signals           observed behavioural signals, e.g. {@code retried}, {@code user_corrected}
 * @param notes             free text, unused by the server
 * @param idempotencyKey    replaces the server's derived write key; never reuse one across recommendations
 * @param stepOutcomes      per-step outcomes of an agent run
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record FeedbackRequest(String recommendationId, String chosenModelId, Outcome outcome,
                              Optional<Double> qualityScore, Optional<Long> inputTokens, Optional<Long> outputTokens,
                              Optional<Double> actualCostUsd, Optional<Long> latencyMs, Optional<Integer> iterations,
                              Optional<EvidenceSource> evidenceSource, Optional<ErrorCause> errorCause,
                              Optional<Boolean> verifiedInProduction, Optional<Boolean> judged,
                              Optional<String> chosenEffort, Optional<String> parentRecId,
                              Optional<EscalationReason> escalationReason, Optional<String> providerModelSnapshot,
                              Optional<Double> labelPropensity, Optional<Map<String, Boolean>> signals,
                              Optional<String> notes, Optional<String> idempotencyKey,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) List<StepOutcome> stepOutcomes) {
    private static final Pattern SIGNAL_KEY = Pattern.compile("[a-z_]{1,32}");

    public FeedbackRequest {
        Wire.required(recommendationId, "recommendationId");
        Wire.required(chosenModelId, "chosenModelId");
        Objects.requireNonNull(outcome, "outcome == null");
        qualityScore = Wire.opt(qualityScore);
        inputTokens = Wire.opt(inputTokens);
        outputTokens = Wire.opt(outputTokens);
        actualCostUsd = Wire.opt(actualCostUsd);
        latencyMs = Wire.opt(latencyMs);
        iterations = Wire.opt(iterations);
        evidenceSource = Wire.opt(evidenceSource);
        errorCause = Wire.opt(errorCause);
        verifiedInProduction = Wire.opt(verifiedInProduction);
        judged = Wire.opt(judged);
        chosenEffort = Wire.opt(chosenEffort);
        parentRecId = Wire.opt(parentRecId);
        escalationReason = Wire.opt(escalationReason);
        providerModelSnapshot = Wire.opt(providerModelSnapshot);
        labelPropensity = Wire.opt(labelPropensity);
        signals = Wire.opt(signals).map(s -> Collections.unmodifiableMap(new LinkedHashMap<>(s)));
        notes = Wire.opt(notes);
        idempotencyKey = Wire.opt(idempotencyKey);
        stepOutcomes = Wire.list(stepOutcomes);
    }

    /** Just the outcome; see {@link #builder} for the realized numbers. */
    public static FeedbackRequest of(String recommendationId, String chosenModelId, Outcome outcome) {
        return builder(recommendationId, chosenModelId, outcome).build();
    }

    public static Builder builder(String recommendationId, String chosenModelId, Outcome outcome) {
        return new Builder(recommendationId, chosenModelId, outcome);
    }

    public Builder toBuilder() {
        Builder b = new Builder(recommendationId, chosenModelId, outcome);
        b.qualityScore = qualityScore.orElse(null);
        b.inputTokens = inputTokens.orElse(null);
        b.outputTokens = outputTokens.orElse(null);
        b.actualCostUsd = actualCostUsd.orElse(null);
        b.latencyMs = latencyMs.orElse(null);
        b.iterations = iterations.orElse(null);
        b.evidenceSource = evidenceSource.orElse(null);
        b.errorCause = errorCause.orElse(null);
        b.verifiedInProduction = verifiedInProduction.orElse(null);
        b.judged = judged.orElse(null);
        b.chosenEffort = chosenEffort.orElse(null);
        b.parentRecId = parentRecId.orElse(null);
        b.escalationReason = escalationReason.orElse(null);
        b.providerModelSnapshot = providerModelSnapshot.orElse(null);
        b.labelPropensity = labelPropensity.orElse(null);
        signals.ifPresent(s -> b.signals = new LinkedHashMap<>(s));
        b.notes = notes.orElse(null);
        b.idempotencyKey = idempotencyKey.orElse(null);
        b.stepOutcomes.addAll(stepOutcomes);
        return b;
    }

    /** Builds a {@link FeedbackRequest}. Setters reject null and out-of-range values. */
    public static final class Builder {
        private final String recommendationId;
        private final String chosenModelId;
        private final Outcome outcome;
        private Double qualityScore;
        private Long inputTokens;
        private Long outputTokens;
        private Double actualCostUsd;
        private Long latencyMs;
        private Integer iterations;
        private EvidenceSource evidenceSource;
        private ErrorCause errorCause;
        private Boolean verifiedInProduction;
        private Boolean judged;
        private String chosenEffort;
        private String parentRecId;
        private EscalationReason escalationReason;
        private String providerModelSnapshot;
        private Double labelPropensity;
        private Map<String, Boolean> signals;
        private String notes;
        private String idempotencyKey;
        private final List<StepOutcome> stepOutcomes = new ArrayList<>();

        private Builder(String recommendationId, String chosenModelId, Outcome outcome) {
            this.recommendationId = Wire.required(recommendationId, "recommendationId");
            this.chosenModelId = Wire.required(chosenModelId, "chosenModelId");
            this.outcome = Objects.requireNonNull(outcome, "outcome == null");
        }

        /** In [0, 1]. */
        public Builder qualityScore(double quality) {
            this.qualityScore = Wire.unit(quality, "qualityScore");
            return this;
        }

        public Builder inputTokens(long tokens) {
            this.inputTokens = Wire.nonNegative(tokens, "inputTokens");
            return this;
        }

        public Builder outputTokens(long tokens) {
            this.outputTokens = Wire.nonNegative(tokens, "outputTokens");
            return this;
        }

        /** What the call cost, in USD. */
        public Builder actualCostUsd(double usd) {
            this.actualCostUsd = Wire.nonNegative(usd, "actualCostUsd");
            return this;
        }

        public Builder latencyMs(long millis) {
            this.latencyMs = Wire.nonNegative(millis, "latencyMs");
            return this;
        }

        public Builder iterations(int iterations) {
            this.iterations = Wire.nonNegative(iterations, "iterations");
            return this;
        }

        public Builder evidenceSource(EvidenceSource source) {
            this.evidenceSource = Objects.requireNonNull(source, "source == null");
            return this;
        }

        public Builder errorCause(ErrorCause cause) {
            this.errorCause = Objects.requireNonNull(cause, "cause == null");
            return this;
        }

        /** Deprecated on the wire: prefer {@code evidenceSource(GATE)}. */
        public Builder verifiedInProduction(boolean verified) {
            this.verifiedInProduction = verified;
            return this;
        }

        /** Deprecated on the wire: prefer {@code evidenceSource(JUDGE)} or {@code evidenceSource(NONE)}. */
        public Builder judged(boolean judged) {
            this.judged = judged;
            return this;
        }

        public Builder chosenEffort(String effort) {
            this.chosenEffort = Objects.requireNonNull(effort, "effort == null");
            return this;
        }

        public Builder parentRecId(String recommendationId) {
            this.parentRecId = Objects.requireNonNull(recommendationId, "recommendationId == null");
            return this;
        }

        public Builder escalationReason(EscalationReason reason) {
            this.escalationReason = Objects.requireNonNull(reason, "reason == null");
            return this;
        }

        public Builder providerModelSnapshot(String snapshot) {
            this.providerModelSnapshot = Objects.requireNonNull(snapshot, "snapshot == null");
            return this;
        }

        /** In (0, 1]. */
        public Builder labelPropensity(double propensity) {
            if (!(propensity > 0 && propensity <= 1)) {
                throw new IllegalArgumentException("labelPropensity must be within (0, 1], got " + propensity);
            }
            this.labelPropensity = propensity;
            return this;
        }

        /**
         * Records one observed signal; keys match {@code [a-z_]{1,32}}, at most 16. Reserved keys:
         * {@code retried}, {@code user_corrected}, {@code diff_reverted}, {@code session_continued},
         * {@code observer_flagged}. Set a key only when the signal was actually observed.
         */
        public Builder signal(String key, boolean value) {
            Objects.requireNonNull(key, "key == null");
            if (!SIGNAL_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("signal keys must match [a-z_]{1,32}, got '" + key + "'");
            }
            if (signals == null) {
                signals = new LinkedHashMap<>();
            }
            signals.put(key, value);
            if (signals.size() > 16) {
                signals.remove(key);
                throw new IllegalArgumentException("at most 16 signals");
            }
            return this;
        }

        public Builder signals(Map<String, Boolean> signals) {
            Objects.requireNonNull(signals, "signals == null");
            this.signals = new LinkedHashMap<>();
            signals.forEach((key, value) -> signal(key, Objects.requireNonNull(value, "signal " + key + " == null")));
            return this;
        }

        public Builder notes(String notes) {
            this.notes = Objects.requireNonNull(notes, "notes == null");
            return this;
        }

        public Builder idempotencyKey(String key) {
            this.idempotencyKey = Objects.requireNonNull(key, "key == null");
            return this;
        }

        public Builder stepOutcome(StepOutcome stepOutcome) {
            stepOutcomes.add(Objects.requireNonNull(stepOutcome, "stepOutcome == null"));
            return this;
        }

        public Builder stepOutcomes(List<StepOutcome> stepOutcomes) {
            Objects.requireNonNull(stepOutcomes, "stepOutcomes == null").forEach(this::stepOutcome);
            return this;
        }

        public FeedbackRequest build() {
            return new FeedbackRequest(recommendationId, chosenModelId, outcome, Optional.ofNullable(qualityScore),
                    Optional.ofNullable(inputTokens), Optional.ofNullable(outputTokens),
                    Optional.ofNullable(actualCostUsd), Optional.ofNullable(latencyMs), Optional.ofNullable(iterations),
                    Optional.ofNullable(evidenceSource), Optional.ofNullable(errorCause),
                    Optional.ofNullable(verifiedInProduction), Optional.ofNullable(judged),
                    Optional.ofNullable(chosenEffort), Optional.ofNullable(parentRecId),
                    Optional.ofNullable(escalationReason), Optional.ofNullable(providerModelSnapshot),
                    Optional.ofNullable(labelPropensity), Optional.ofNullable(signals), Optional.ofNullable(notes),
                    Optional.ofNullable(idempotencyKey), stepOutcomes);
        }
    }
}
