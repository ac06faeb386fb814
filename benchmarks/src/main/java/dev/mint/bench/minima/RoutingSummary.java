package dev.mint.bench.minima;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures printed after a run, as Markdown: each model's mean score and cost overall and per
 * category, the per-prompt oracle, and a simple per-category routing policy against the model with the
 * best mean score.
 */
final class RoutingSummary {
    /** How far below the category's best mean score the routing policy may go to save money. */
    static final double TOLERANCE = 0.02;
    /** Always reported as a reference, even when another model has the best mean score. */
    static final String PREMIUM = "claude-sonnet-4-6";

    private RoutingSummary() {
    }

    static String report(List<RoutingDataGenerator.Row> rows, List<ModelProfiles.Model> models) {
        int n = rows.size();
        int m = models.size();
        Category[] categories = Category.values();
        double[] meanScore = new double[m];
        double[] totalCost = new double[m];
        double[][] catScore = new double[m][categories.length];
        double[][] catCost = new double[m][categories.length];
        int[] catCount = new int[categories.length];
        int withPreamble = 0;
        for (RoutingDataGenerator.Row row : rows) {
            int c = row.category().ordinal();
            catCount[c]++;
            withPreamble += row.preamble() ? 1 : 0;
            for (int j = 0; j < m; j++) {
                meanScore[j] += row.scores()[j] / n;
                totalCost[j] += row.costs()[j];
                catScore[j][c] += row.scores()[j];
                catCost[j][c] += row.costs()[j];
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d prompts, %d with a shared preamble (%.1f%%)%n%n", n, withPreamble,
                100.0 * withPreamble / n));
        out.append("| model | mean score | total cost (USD) |");
        for (Category c : categories) {
            out.append(' ').append(c.id).append(" |");
        }
        out.append("\n|---|---|---|").append("---|".repeat(categories.length)).append('\n');
        for (int j = 0; j < m; j++) {
            out.append(String.format(Locale.ROOT, "| %s | %.3f | %.4f |", models.get(j).id(), meanScore[j], totalCost[j]));
            for (int c = 0; c < categories.length; c++) {
                out.append(String.format(Locale.ROOT, " %.3f |", catScore[j][c] / catCount[c]));
            }
            out.append('\n');
        }

        // The hidden difficulty: longer task texts, lower scores, weak models hit hardest.
        out.append("\n| difficulty | prompts | mean task tokens |");
        for (ModelProfiles.Model model : models) {
            out.append(' ').append(model.id()).append(" |");
        }
        out.append("\n|---|---|---|").append("---|".repeat(m)).append('\n');
        for (Difficulty difficulty : Difficulty.values()) {
            int count = 0;
            double tokens = 0;
            double[] scores = new double[m];
            for (RoutingDataGenerator.Row row : rows) {
                if (row.difficulty() == difficulty) {
                    count++;
                    tokens += row.taskTokens();
                    for (int j = 0; j < m; j++) {
                        scores[j] += row.scores()[j];
                    }
                }
            }
            out.append(String.format(Locale.ROOT, "| %s | %d | %.0f |", difficulty.name().toLowerCase(Locale.ROOT), count,
                    tokens / count));
            for (int j = 0; j < m; j++) {
                out.append(String.format(Locale.ROOT, " %.3f |", scores[j] / count));
            }
            out.append('\n');
        }

        int best = 0;
        for (int j = 1; j < m; j++) {
            if (meanScore[j] > meanScore[best]) {
                best = j;
            }
        }
        out.append(String.format(Locale.ROOT, "%nBest mean score: %s (%.3f, %.4f USD)%n", models.get(best).id(),
                meanScore[best], totalCost[best]));

        // Oracle: the best score on each prompt, the cheapest model among equal scores.
        double oracleScore = 0;
        double oracleCost = 0;
        for (RoutingDataGenerator.Row row : rows) {
            int pick = 0;
            for (int j = 1; j < m; j++) {
                if (row.scores()[j] > row.scores()[pick]
                        || row.scores()[j] == row.scores()[pick] && row.costs()[j] < row.costs()[pick]) {
                    pick = j;
                }
            }
            oracleScore += row.scores()[pick] / n;
            oracleCost += row.costs()[pick];
        }
        out.append(String.format(Locale.ROOT, "Oracle (best score per prompt, cheapest among ties): mean score %.3f, cost %.4f USD%n",
                oracleScore, oracleCost));

        // Per category: the cheapest model whose mean score is within TOLERANCE of the category's best.
        int[] choice = new int[categories.length];
        List<String> choices = new ArrayList<>();
        for (int c = 0; c < categories.length; c++) {
            double top = 0;
            for (int j = 0; j < m; j++) {
                top = Math.max(top, catScore[j][c] / catCount[c]);
            }
            int pick = -1;
            for (int j = 0; j < m; j++) {
                if (catScore[j][c] / catCount[c] >= top - TOLERANCE && (pick < 0 || catCost[j][c] < catCost[pick][c])) {
                    pick = j;
                }
            }
            choice[c] = pick;
            choices.add(categories[c].id + " -> " + models.get(pick).id());
        }
        double policyScore = 0;
        double policyCost = 0;
        for (RoutingDataGenerator.Row row : rows) {
            int j = choice[row.category().ordinal()];
            policyScore += row.scores()[j] / n;
            policyCost += row.costs()[j];
        }
        out.append(String.format(Locale.ROOT, "%nPer-category policy (cheapest model within %.2f of the category's best mean):%n",
                TOLERANCE));
        for (String s : choices) {
            out.append("  ").append(s).append('\n');
        }
        out.append(String.format(Locale.ROOT, "Policy: mean score %.3f, cost %.4f USD%n", policyScore, policyCost));
        List<Integer> references = new ArrayList<>(List.of(best));
        for (int j = 0; j < m; j++) {
            if (models.get(j).id().equals(PREMIUM) && j != best) {
                references.add(j);
            }
        }
        for (int j : references) {
            out.append(String.format(Locale.ROOT, "  vs always %s: %.1f%% of its mean score at %.1f%% lower cost%n",
                    models.get(j).id(), 100 * policyScore / meanScore[j], 100 * (1 - policyCost / totalCost[j])));
        }
        return out.toString();
    }
}
