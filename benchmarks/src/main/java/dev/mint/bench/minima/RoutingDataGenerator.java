package dev.mint.bench.minima;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes the synthetic model-routing data set: one JSON object per line with a prompt, its task category
 * and, for each of six models, a graded score and the cost of its answer. Byte-for-byte reproducible for
 * a given seed and prompt count.
 *
 * <p>Arguments: {@code [output path] [--prompts N] [--seed S]}; defaults
 * {@code benchmarks/data/minima-routing.jsonl}, 2400 and {@value #DEFAULT_SEED}. Prints a per-model
 * summary at the end.
 */
public final class RoutingDataGenerator {
    static final long DEFAULT_SEED = 20260514L;
    /** Share of prompts that start with one of the long shared preambles. */
    static final double PREAMBLE_SHARE = 0.40;

    /** What the summary needs of one line; the difficulty stays out of the file. */
    record Row(Category category, Difficulty difficulty, boolean preamble, int taskTokens, double[] scores, double[] costs) {
    }

    private RoutingDataGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path output = Path.of("benchmarks/data/minima-routing.jsonl");
        int prompts = 2400;
        long seed = DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--prompts" -> prompts = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("usage: RoutingDataGenerator [output] [--prompts N] [--seed S]");
                    }
                    output = Path.of(args[i]);
                }
            }
        }
        List<Row> rows = generate(output, prompts, seed);
        System.out.print(RoutingSummary.report(rows, ModelProfiles.ALL));
    }

    static List<Row> generate(Path output, int prompts, long seed) throws IOException {
        SplittableRandom root = new SplittableRandom(seed);
        List<Category> order = shuffledCategories(prompts, root);
        ObjectMapper mapper = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
        PromptTemplates templates = new PromptTemplates();
        Set<String> seen = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            for (int i = 0; i < prompts; i++) {
                // one split stream per prompt: a template change reshuffles only the prompts it touches
                Draw d = new Draw(root.split());
                Category category = order.get(i);
                Difficulty difficulty = Difficulty.draw(d);
                boolean withPreamble = d.chance(PREAMBLE_SHARE);
                PromptTemplates.Prompt prompt = templates.build(d, category, difficulty, withPreamble);
                for (int tries = 0; seen.contains(prompt.text()) && tries < 100; tries++) {
                    prompt = templates.build(d, category, difficulty, withPreamble);
                }
                if (!seen.add(prompt.text())) {
                    throw new IllegalStateException("could not make a unique " + category.id + " prompt");
                }
                ObjectNode line = mapper.createObjectNode();
                line.put("id", String.format(Locale.ROOT, "mr-%05d", i + 1));
                line.put("prompt", prompt.text());
                line.put("category", category.id);
                Row row = answers(d, category, difficulty, prompt, line.putObject("models"));
                rows.add(row);
                out.write(mapper.writeValueAsString(line));
                out.write('\n');
            }
        }
        return rows;
    }

    /** Scores and token counts of every model for one prompt. */
    private static Row answers(Draw d, Category category, Difficulty difficulty, PromptTemplates.Prompt prompt, ObjectNode models) {
        // Shared across models: some prompts are harder than their difficulty says, some need longer answers.
        double latentHardness = ModelProfiles.LATENT_SD * d.gaussian();
        double lengthFactor = StrictMath.exp(0.3 * d.gaussian());
        double sharedOutcome = d.gaussian();
        double rho = ModelProfiles.OUTCOME_CORRELATION;
        int promptTokens = Tokens.estimate(prompt.text());
        double baseOutput = category == Category.TRANSLATION
                ? 1.1 * Tokens.estimate(prompt.task())
                : category.outputTokens;
        List<ModelProfiles.Model> all = ModelProfiles.ALL;
        double[] scores = new double[all.size()];
        double[] costs = new double[all.size()];
        for (int m = 0; m < all.size(); m++) {
            ModelProfiles.Model model = all.get(m);
            int inputTokens = (int) Math.round(promptTokens * model.tokenizerFactor());
            int outputTokens = (int) Math.max(1, Math.round(baseOutput * difficulty.outputFactor * model.verbosity()
                    * lengthFactor * StrictMath.exp(0.2 * d.gaussian())));
            double p = ModelProfiles.passProbability(model, category, difficulty, latentHardness);
            // pass with probability p, correlated across models; passes grade 0.85-1.0, failures 0-0.3 skewed towards 0
            double u = ModelProfiles.normalCdf(rho * sharedOutcome + StrictMath.sqrt(1 - rho * rho) * d.gaussian());
            double score = u < p ? 0.85 + 0.15 * d.uniform() : 0.3 * StrictMath.pow(d.uniform(), 2);
            score = Math.round(score * 1000) / 1000.0;
            BigDecimal cost = model.cost(inputTokens, outputTokens);
            ObjectNode node = models.putObject(model.id());
            node.put("score", score);
            node.put("cost_usd", cost.stripTrailingZeros());
            node.put("input_tokens", inputTokens);
            node.put("output_tokens", outputTokens);
            scores[m] = score;
            costs[m] = cost.doubleValue();
        }
        return new Row(category, difficulty, prompt.preamble() != null, Tokens.estimate(prompt.task()), scores, costs);
    }

    /** Equal counts per category (remainder to the first ones), in a seeded Fisher-Yates order. */
    private static List<Category> shuffledCategories(int prompts, SplittableRandom random) {
        Category[] categories = Category.values();
        List<Category> order = new ArrayList<>();
        for (int i = 0; i < prompts; i++) {
            order.add(categories[i % categories.length]);
        }
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Category t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        return order;
    }
}
