package dev.mint.bench.minima;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The six models: list prices, how they count and spend tokens, and how often they pass each task
 * category. The figures are a synthetic design, not measurements: they follow the usual picture that
 * premium models win on code and reasoning while cheap models match them on easy, short-answer tasks.
 */
final class ModelProfiles {
    private ModelProfiles() {
    }

    /** Spread (in logits) of the per-prompt hardness that all models share. */
    static final double LATENT_SD = 0.5;
    /**
     * Correlation of the normal draws behind the models' pass/fail outcomes on one prompt (a Gaussian
     * copula): a prompt that trips one model tends to trip the others, as in real evaluations, and
     * per-category comparisons between models are less noisy than with independent draws.
     */
    static final double OUTCOME_CORRELATION = 0.6;

    /**
     * @param tokenizerFactor input tokens relative to the o200k tokenizer for the same text
     * @param verbosity       answer length relative to a terse model (Gemini 2.5 Pro always thinks,
     *                        and its thinking tokens are billed as output)
     * @param strength        0..1: how little difficulty hurts the model (1 = not at all)
     * @param pass            mean pass probability per {@link Category} (enum order) over the whole mix
     *                        of difficulties
     * @param mediumLogit     per category, the logit for a medium prompt that gives that mean
     */
    record Model(String id, BigDecimal inputPerMillion, BigDecimal outputPerMillion, double tokenizerFactor,
                 double verbosity, double strength, double[] pass, double[] mediumLogit) {

        BigDecimal cost(int inputTokens, int outputTokens) {
            return BigDecimal.valueOf(inputTokens).multiply(inputPerMillion)
                    .add(BigDecimal.valueOf(outputTokens).multiply(outputPerMillion))
                    .movePointLeft(6).setScale(8, RoundingMode.HALF_UP);
        }
    }

    // Mean pass probabilities. Columns follow Category: code, summarization, extraction, qa, reasoning,
    // classification, translation, creative. Each cheap model is the best cheap choice somewhere
    // (mini: extraction, qa, creative; flash-lite: summarization, classification; deepseek: code,
    // reasoning, translation) and weak somewhere else; on the easy categories the best cheap model is
    // as good as the premium ones. Sonnet leads on code, Pro on reasoning and qa, Haiku nearly matches
    // Sonnet on creative writing.
    static final List<Model> ALL = List.of(
            model("gpt-4o-mini", "0.15", "0.60", 1.00, 1.00, 0.35,
                    0.50, 0.90, 0.94, 0.80, 0.45, 0.93, 0.85, 0.82),
            model("gemini-2.5-flash-lite", "0.10", "0.40", 0.97, 0.85, 0.25,
                    0.38, 0.93, 0.90, 0.72, 0.40, 0.95, 0.88, 0.60),
            model("deepseek-v4-flash", "0.14", "0.28", 1.03, 1.25, 0.45,
                    0.60, 0.80, 0.91, 0.68, 0.58, 0.88, 0.95, 0.62),
            model("claude-haiku-4-5", "1.00", "5.00", 1.12, 1.10, 0.65,
                    0.82, 0.92, 0.93, 0.88, 0.80, 0.94, 0.91, 0.91),
            model("gemini-2.5-pro", "1.25", "10.00", 0.97, 1.30, 0.85,
                    0.85, 0.92, 0.93, 0.91, 0.91, 0.95, 0.93, 0.82),
            model("claude-sonnet-4-6", "3.00", "15.00", 1.12, 1.20, 0.90,
                    0.92, 0.93, 0.94, 0.90, 0.90, 0.95, 0.94, 0.92));

    private static Model model(String id, String in, String out, double tokenizer, double verbosity,
                               double strength, double... pass) {
        if (pass.length != Category.values().length) {
            throw new IllegalArgumentException(id + ": one pass probability per category");
        }
        double[] logits = new double[pass.length];
        for (int c = 0; c < pass.length; c++) {
            logits[c] = calibrate(pass[c], strength);
        }
        return new Model(id, new BigDecimal(in), new BigDecimal(out), tokenizer, verbosity, strength, pass, logits);
    }

    /**
     * Pass probability for one prompt. Difficulty and the prompt's shared latent hardness move the
     * medium-prompt logit, scaled by {@code 1 - 0.6 * strength}: a hard prompt costs a weak model about
     * twice the logit it costs a strong one.
     */
    static double passProbability(Model model, Category category, Difficulty difficulty, double latent) {
        return passProbability(model.mediumLogit()[category.ordinal()], model.strength(), difficulty, latent);
    }

    private static double passProbability(double mediumLogit, double strength, Difficulty difficulty, double latent) {
        double logit = mediumLogit + (difficulty.logitShift + latent) * (1 - 0.6 * strength);
        return 1 / (1 + StrictMath.exp(-logit));
    }

    /** Standard normal CDF (Marsaglia's series; accurate to about 1e-15 on the range used here). */
    static double normalCdf(double x) {
        if (x < -8) {
            return 0;
        }
        if (x > 8) {
            return 1;
        }
        double s = x;
        double t = 0;
        double b = x;
        double q = x * x;
        double i = 1;
        while (s != t) {
            t = s;
            i += 2;
            b *= q / i;
            s = t + b;
        }
        return 0.5 + s * StrictMath.exp(-0.5 * q - 0.91893853320467274178);
    }

    /** Mean pass probability over the difficulty mix and the latent hardness (a normal on a fixed grid). */
    static double meanPass(double mediumLogit, double strength) {
        double total = 0;
        double weights = 0;
        for (int k = -40; k <= 40; k++) {
            double z = k / 10.0; // -4 to +4 standard deviations
            double w = StrictMath.exp(-0.5 * z * z);
            for (Difficulty d : Difficulty.values()) {
                total += w * d.share * passProbability(mediumLogit, strength, d, z * LATENT_SD);
            }
            weights += w;
        }
        return total / weights;
    }

    /** The medium-prompt logit whose mean pass probability is {@code target}, by bisection. */
    private static double calibrate(double target, double strength) {
        double low = -10;
        double high = 10;
        for (int i = 0; i < 80; i++) {
            double mid = (low + high) / 2;
            if (meanPass(mid, strength) < target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }
}
