package dev.mint.minima.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a call is expected to cost per model. Input tokens come from the caller or from the text's length;
 * output tokens from the caller, else from what this model actually produced on similar tasks (so a
 * model that is cheap per token but writes at length is priced by what it really spends), else a default
 * by difficulty. Unlike a basis chosen for all candidates at once, each model uses its own evidence.
 */
final class CostEstimator {
    static final int DEFAULT_OUTPUT_TOKENS = 500;
    static final int MIN_SAMPLES = 3;
    /** Only outcomes at least this similar say anything about this task's length. */
    static final double MIN_SIMILARITY = 0.3;
    private static final double INCUMBENT_CACHE_SHARE = 0.7;

    CostEstimate estimate(ModelCard card, Task task, Difficulty difficulty, List<OutcomeIndex.Neighbor> neighbors) {
        double input = task.expectedInputTokens() != null && task.expectedInputTokens() > 0
                ? task.expectedInputTokens() : Math.max(1, task.text().length() / 4.0);
        double inputPrice = inputPrice(card, task);
        if (task.expectedOutputTokens() != null && task.expectedOutputTokens() > 0) {
            return listed(card, input, inputPrice, task.expectedOutputTokens());
        }
        List<Double> observed = new ArrayList<>();
        for (OutcomeIndex.Neighbor neighbor : neighbors) {
            Integer tokens = neighbor.outcome().outputTokens();
            if (tokens != null && tokens > 0 && neighbor.similarity() >= MIN_SIMILARITY) {
                observed.add(tokens.doubleValue());
            }
        }
        if (observed.size() < MIN_SAMPLES) {
            return listed(card, input, inputPrice, DEFAULT_OUTPUT_TOKENS * difficulty.outputMultiplier());
        }
        Collections.sort(observed);
        double median = quantile(observed, 0.5);
        Map<String, Double> breakdown = new LinkedHashMap<>();
        double usd = price(input, inputPrice, median, card);
        breakdown.put("rescaled", usd);
        breakdown.put("obs_output_tokens", median);
        return new CostEstimate(usd, breakdown, "rescaled", price(input, inputPrice, quantile(observed, 0.25), card),
                price(input, inputPrice, quantile(observed, 0.75), card));
    }

    private static CostEstimate listed(ModelCard card, double input, double inputPrice, double output) {
        Map<String, Double> breakdown = new LinkedHashMap<>();
        breakdown.put("input", input * inputPrice / 1e6);
        breakdown.put("output", output * card.outputCostPerMtok() / 1e6);
        return new CostEstimate(price(input, inputPrice, output, card), breakdown, "estimate", null, null);
    }

    /** Cached input when the caller requires prompt caching, or for the model that already holds the cache. */
    private static double inputPrice(ModelCard card, Task task) {
        Double cached = card.supportsPromptCaching() ? card.cacheReadCostPerMtok() : null;
        if (cached == null) {
            return card.inputCostPerMtok();
        }
        if (task.constraints().requirePromptCaching()) {
            return cached;
        }
        if (card.modelId().equals(task.incumbentModelId())) {
            return INCUMBENT_CACHE_SHARE * cached + (1 - INCUMBENT_CACHE_SHARE) * card.inputCostPerMtok();
        }
        return card.inputCostPerMtok();
    }

    private static double price(double input, double inputPrice, double output, ModelCard card) {
        return (input * inputPrice + output * card.outputCostPerMtok()) / 1e6;
    }

    /** The lower quantile of sorted values. */
    static double quantile(List<Double> sorted, double q) {
        return sorted.get((int) Math.floor(q * (sorted.size() - 1)));
    }
}
