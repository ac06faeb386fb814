package dev.mint.minima.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Picks a model for a task: the cheapest candidate expected to clear the quality bar the slider sets.
 *
 * <p>The bar at slider {@code s} (0..10) is {@code max(0.5 + 0.04·s, best − 0.2·(1 − s/10))}, raised to
 * {@code min_quality} if given: an absolute floor, and a distance from the best candidate's expected
 * quality that shrinks to zero at 10. So at the default (5) a cheaper model is chosen when it is expected
 * to be within 0.1 of the best one: list prices of models within a few points of each other differ
 * tens of times, so a narrower tolerance buys little quality at a large price. Quality comes from {@link QualityEstimator} (prior, then the
 * task type's record, then similar tasks), cost from {@link CostEstimator}. A model known only by its
 * prior must clear the bar by a small margin. Exploration is bounded: when a cheaper candidate has too
 * little evidence but could plausibly clear the bar, it is tried, in at most {@value Scope#EXPLORE_SHARE_CAP}
 * of a scope's decisions. Thread-safe.
 */
public final class Recommender {
    static final int NEIGHBORS_PER_MODEL = 24;
    static final double COLD_START_MARGIN = 0.02;
    static final double FALLBACK_MARGIN = 0.05;
    /** A model with less evidence than this may be explored. */
    static final double EXPLORE_BELOW_EVIDENCE = 3;
    static final double EXPLORE_PROBABILITY = 0.5;
    /**
     * How far above its estimate a candidate may be tried, as a share of its 95% interval's width: a quarter
     * is about one standard error.
     */
    static final double EXPLORE_REACH = 0.25;

    private final TaskClassifier classifier;
    private final QualityEstimator quality = new QualityEstimator();
    private final CostEstimator costs = new CostEstimator();
    private final TextEncoder encoder;
    private final Clock clock;

    public Recommender(TextEncoder encoder, Clock clock) {
        this.encoder = encoder;
        this.clock = clock;
        this.classifier = new TaskClassifier(encoder.embedder());
    }

    public TextEncoder encoder() {
        return encoder;
    }

    /** The quality bar at slider {@code s} given the best expected quality among candidates. */
    public static double threshold(double slider, double best, Double minQuality) {
        double bar = Math.max(floor(slider), best - tolerance(slider));
        return minQuality == null ? bar : Math.max(bar, minQuality);
    }

    /** The absolute part of the bar: 0.5 at slider 0, 0.9 at 10. */
    private static double floor(double slider) {
        return 0.5 + 0.04 * Math.max(0, Math.min(10, slider));
    }

    /** How far below the best expected quality the pick may be: 0.2 at slider 0, none at 10. */
    private static double tolerance(double slider) {
        return 0.2 * (1 - Math.max(0, Math.min(10, slider)) / 10);
    }

    /**
     * @throws NoCandidateException when the constraints leave no model
     */
    public Recommendation recommend(Task task, Catalog catalog, Scope scope, Random random) {
        Stopwatch stages = new Stopwatch();
        TextEncoder.Encoded encoded = encoder.encodeWithText(task.text(), scope.chunkStats());
        float[] vector = encoded.vector();
        stages.lap("embed");
        TaskClassifier.Classification classification = classifier.classify(encoded.distinctText(), vector,
                task.callerType(), task.callerDifficulty());
        stages.lap("classify");
        List<ModelCard> cards = candidates(task, catalog, classification);
        Map<String, List<OutcomeIndex.Neighbor>> neighbors = scope.outcomes().nearest(vector,
                cards.stream().map(ModelCard::modelId).toList(), NEIGHBORS_PER_MODEL, recallFilter(task));
        stages.lap("recall");
        long now = clock.instant().getEpochSecond();
        List<String> warnings = new ArrayList<>();

        List<Scored> scored = new ArrayList<>();
        for (ModelCard card : cards) {
            List<OutcomeIndex.Neighbor> evidence = neighbors.getOrDefault(card.modelId(), List.of());
            QualityEstimator.Quality q = quality.estimate(card.prior(classification.taskType()),
                    scope.outcomes().totals(card.modelId(), classification.taskType()), evidence, now);
            CostEstimate cost = costs.estimate(card, task, classification.difficulty(), evidence);
            scored.add(new Scored(card, q, cost, evidence, latencyP75(evidence)));
        }
        double premium = scored.stream().mapToDouble(s -> s.cost.usd()).max().orElse(0);
        scored = withinBudgets(scored, task.constraints(), warnings);

        double best = scored.stream().mapToDouble(s -> s.quality.p()).max().orElseThrow();
        double bar = threshold(task.slider(), best, task.constraints().minQuality());
        Scored greedy = pick(scored, bar, warnings);
        Scored chosen = greedy;
        String policy = "argmin";
        if (scope.mayExplore()) {
            Scored trial = explorationCandidate(scored, greedy, bar, random);
            if (trial != null) {
                chosen = trial;
                policy = "thompson";
                scope.explored();
                warnings.add("explore_pick");
            }
        }
        Scored fallback = fallback(scored, chosen, bar);
        boolean anyMemory = scored.stream().anyMatch(s -> s.quality.fromMemory());
        if (!anyMemory) {
            warnings.add("cold_start");
        }

        double lambda = 0.3 + 0.07 * Math.max(0, Math.min(10, task.slider()));
        double maxCost = scored.stream().mapToDouble(s -> s.cost.usd()).max().orElse(0);
        List<Recommendation.Candidate> ranked = new ArrayList<>();
        Map<Scored, Recommendation.Candidate> byScored = new LinkedHashMap<>();
        for (Scored s : scored) {
            double score = lambda * s.quality.p() - (1 - lambda) * s.cost.usd() / (maxCost > 0 ? maxCost : 1);
            Recommendation.Candidate candidate = s.toCandidate(score, classification.taskType());
            byScored.put(s, candidate);
            ranked.add(candidate);
        }
        ranked.sort(Comparator.comparingDouble(Recommendation.Candidate::score).reversed());
        Recommendation.Candidate recommended = byScored.get(chosen);
        double confidence = chosen.quality.fromMemory() ? chosen.quality.confidence() : Math.min(chosen.quality.confidence(), 0.5);
        String explanation = explain(chosen, greedy, scored, bar, best, task, policy);
        stages.lap("score");
        return new Recommendation(classification, vector, ranked, recommended, fallback == null ? null : byScored.get(fallback),
                confidence, recommended.decisionBasis(), bar, premium, policy, warnings, explanation, stages.nanos());
    }

    /** Nanoseconds per stage of one recommend, for {@code stage_latency_ms}. */
    private static final class Stopwatch {
        private final Map<String, Long> nanos = new LinkedHashMap<>();
        private long last = System.nanoTime();

        void lap(String stage) {
            long now = System.nanoTime();
            nanos.put(stage, now - last);
            last = now;
        }

        Map<String, Long> nanos() {
            return nanos;
        }
    }

    /** A scored candidate while deciding. */
    private record Scored(ModelCard card, QualityEstimator.Quality quality, CostEstimate cost,
                          List<OutcomeIndex.Neighbor> evidence, Double latencyP75) {
        Recommendation.Candidate toCandidate(double score, TaskType type) {
            boolean memory = quality.fromMemory();
            String rationale = memory
                    ? String.format(Locale.ROOT, "%d similar past outcome(s) (weight %.2f); %s record %s; expected %.0f%%; est $%.5f/call",
                    evidence.size(), quality.localWeight(), type.wireName(), Double.isNaN(quality.typeRate()) ? "none"
                            : String.format(Locale.ROOT, "%.0f%% over %d", 100 * quality.typeRate(), quality.typeCount()),
                    100 * quality.p(), cost.usd())
                    : String.format(Locale.ROOT, "no memory yet; capability prior %.0f%% for %s; est $%.5f/call",
                    100 * quality.p(), type.wireName(), cost.usd());
            Map<String, Double> details = new LinkedHashMap<>();
            details.put("local_weight", quality.localWeight());
            details.put("type_weight", quality.typeWeight());
            return new Recommendation.Candidate(card, quality.p(), quality.confidence(), quality.intervalWidth(), cost, score,
                    rationale, memory ? "memory" : "prior", evidence, latencyP75, details);
        }
    }

    /**
     * The catalog models the constraints allow, at most {@code maxCandidates}: first those no other model
     * beats on both prior and list price (so cheap models are never cut before cost is considered), then
     * by prior.
     *
     * @throws NoCandidateException when none is left
     */
    List<ModelCard> candidates(Task task, Catalog catalog, TaskClassifier.Classification classification) {
        Constraints c = task.constraints();
        Set<String> allowedProviders = lower(c.allowedProviders());
        Set<String> excluded = c.excludedModels() == null ? Set.of() : Set.copyOf(c.excludedModels());
        Predicate<ModelCard> allowed = card -> (c.candidateModels() == null || c.candidateModels().contains(card.modelId()))
                && (allowedProviders == null || allowedProviders.contains(card.provider().toLowerCase(Locale.ROOT)))
                && !excluded.contains(card.modelId())
                && (!c.requirePromptCaching() || card.supportsPromptCaching())
                && (c.requireContextWindow() == null || card.contextWindow() == 0 || card.contextWindow() >= c.requireContextWindow());
        TaskType type = classification.taskType();
        List<ModelCard> pool = catalog.models().stream().filter(allowed)
                .sorted(Comparator.comparingDouble((ModelCard m) -> m.prior(type)).reversed()).toList();
        if (pool.isEmpty()) {
            throw new NoCandidateException("no models match the supplied constraints");
        }
        int limit = Math.max(1, task.maxCandidates());
        if (pool.size() <= limit) {
            return pool;
        }
        List<ModelCard> frontier = new ArrayList<>();
        for (ModelCard card : pool) {
            double price = card.cost(1000, 500, false);
            boolean dominated = pool.stream().anyMatch(other -> other != card && other.prior(type) >= card.prior(type)
                    && other.cost(1000, 500, false) <= price
                    && (other.prior(type) > card.prior(type) || other.cost(1000, 500, false) < price));
            if (!dominated) {
                frontier.add(card);
            }
        }
        List<ModelCard> chosen = new ArrayList<>(frontier.subList(0, Math.min(limit, frontier.size())));
        for (ModelCard card : pool) {
            if (chosen.size() >= limit) {
                break;
            }
            if (!chosen.contains(card)) {
                chosen.add(card);
            }
        }
        return chosen;
    }

    private static Set<String> lower(List<String> values) {
        return values == null ? null : values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** Outcomes recorded for the same user label and carrying every tag of the task. */
    private static Predicate<OutcomeIndex.Outcome> recallFilter(Task task) {
        String user = task.userLabel();
        List<String> tags = task.tags();
        if (user == null && tags.isEmpty()) {
            return OutcomeIndex.ALL;
        }
        return outcome -> (user == null || user.equals(outcome.userLabel()))
                && (tags.isEmpty() || outcome.tags().containsAll(tags));
    }

    private static List<Scored> withinBudgets(List<Scored> scored, Constraints c, List<String> warnings) {
        List<Scored> kept = scored;
        if (c.maxCostPerCall() != null) {
            kept = kept.stream().filter(s -> s.cost.usd() <= c.maxCostPerCall()).toList();
            if (kept.isEmpty()) {
                throw new NoCandidateException("no model within max_cost_per_call budget");
            }
        }
        if (c.maxLatencyMs() != null) {
            List<Scored> fast = kept.stream().filter(s -> s.latencyP75 == null || s.latencyP75 <= c.maxLatencyMs()).toList();
            if (fast.isEmpty()) {
                warnings.add("no_model_within_latency_budget");
            } else {
                kept = fast;
            }
        }
        return kept;
    }

    /** The cheapest candidate clearing the bar (prior-only ones by a margin), else the best expected one. */
    private static Scored pick(List<Scored> scored, double bar, List<String> warnings) {
        List<Scored> eligible = scored.stream().filter(s -> s.quality.p() >= bar).toList();
        List<Scored> sure = eligible.stream()
                .filter(s -> s.quality.fromMemory() || s.quality.p() >= bar + COLD_START_MARGIN).toList();
        if (!sure.isEmpty() && sure.size() < eligible.size()) {
            warnings.add("cold_start_margin_applied");
            eligible = sure;
        }
        if (eligible.isEmpty()) {
            warnings.add("no_model_meets_threshold");
            return scored.stream().max(Comparator.comparingDouble((Scored s) -> s.quality.p())).orElseThrow();
        }
        return eligible.stream().min(Comparator.comparingDouble((Scored s) -> s.cost.usd())
                .thenComparing(s -> -s.quality.p())).orElseThrow();
    }

    /**
     * A cheaper candidate worth trying: too little evidence to trust its estimate, and an estimate within
     * about one standard error of the bar ({@value #EXPLORE_REACH} of its interval's width). Tried with
     * probability {@value #EXPLORE_PROBABILITY}. Reaching for the interval's upper end instead kept trying
     * cheap models the evidence already put well below the bar: the exploration budget went to models that
     * had failed at the task type, and replays of one stream ended between $2.83 and $4.11.
     */
    private static Scored explorationCandidate(List<Scored> scored, Scored greedy, double bar, Random random) {
        Scored trial = scored.stream()
                .filter(s -> s != greedy && s.cost.usd() < greedy.cost.usd())
                .filter(s -> s.quality.evidence() < EXPLORE_BELOW_EVIDENCE)
                .filter(s -> s.quality.p() + EXPLORE_REACH * s.quality.intervalWidth() >= bar)
                .min(Comparator.comparingDouble((Scored s) -> s.cost.usd())).orElse(null);
        return trial != null && random.nextDouble() < EXPLORE_PROBABILITY ? trial : null;
    }

    /** A more reliable retry target: the cheapest other candidate clearing the bar with room, else the best other one. */
    private static Scored fallback(List<Scored> scored, Scored chosen, double bar) {
        List<Scored> others = scored.stream().filter(s -> s != chosen).toList();
        if (others.isEmpty()) {
            return null;
        }
        return others.stream().filter(s -> s.quality.p() >= bar + FALLBACK_MARGIN)
                .min(Comparator.comparingDouble((Scored s) -> s.cost.usd()))
                .orElseGet(() -> others.stream().max(Comparator.comparingDouble((Scored s) -> s.quality.p())).orElseThrow());
    }

    private static Double latencyP75(List<OutcomeIndex.Neighbor> evidence) {
        List<Double> samples = evidence.stream().map(n -> n.outcome().latencyMs()).filter(l -> l != null && l > 0)
                .map(Integer::doubleValue).sorted().toList();
        return samples.size() < 3 ? null : CostEstimator.quantile(samples, 0.75);
    }

    private static String explain(Scored chosen, Scored greedy, List<Scored> scored, double bar, double best, Task task,
                                  String policy) {
        Scored top = scored.stream().max(Comparator.comparingDouble((Scored s) -> s.quality.p())).orElseThrow();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Quality bar %.3f (slider %.1f: at least %.2f and within %.3f of the best expected %.3f%s). ",
                bar, task.slider(), floor(task.slider()), tolerance(task.slider()), best,
                task.constraints().minQuality() == null ? "" : ", min_quality " + task.constraints().minQuality()));
        if (policy.equals("thompson")) {
            out.append(String.format(Locale.ROOT, "Trying %s (expected %.3f, too little evidence to be sure) instead of %s,"
                    + " to learn whether it clears the bar for less. ", chosen.card.modelId(), chosen.quality.p(),
                    greedy.card.modelId()));
        } else if (chosen.quality.p() >= bar) {
            out.append(String.format(Locale.ROOT, "%s is the cheapest model expected to clear it: %.3f at $%.6f per call. ",
                    chosen.card.modelId(), chosen.quality.p(), chosen.cost.usd()));
        } else {
            out.append(String.format(Locale.ROOT, "No model is expected to clear it; %s is expected best at %.3f. ",
                    chosen.card.modelId(), chosen.quality.p()));
        }
        if (top != chosen) {
            out.append(String.format(Locale.ROOT, "The best expected, %s (%.3f), costs $%.6f. ", top.card.modelId(),
                    top.quality.p(), top.cost.usd()));
        }
        out.append(chosen.quality.fromMemory()
                ? String.format(Locale.ROOT, "Evidence for %s: %d similar outcomes (weight %.2f), %d of this task type.",
                chosen.card.modelId(), chosen.evidence.size(), chosen.quality.localWeight(), chosen.quality.typeCount())
                : "No outcomes yet: expectations are the catalog's priors (cold start).");
        return out.toString();
    }
}
