package dev.mint.minima.engine;

import java.util.Map;

/**
 * The expected cost of one call of a model, on which basis ({@code estimate}: list price × expected tokens;
 * {@code rescaled}: list price × the input expected and the output observed on similar tasks), with the
 * band of the observed spread when there is one.
 */
public record CostEstimate(double usd, Map<String, Double> breakdown, String basis, Double low, Double high) {
}
