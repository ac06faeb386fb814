package dev.mint.minima;

import dev.mint.minima.engine.OutcomeIndex;
import dev.mint.minima.engine.TaskType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The two read-only views of a scope: {@code /v1/strategies} (per task type, which models have been winning)
 * and {@code /v1/savings} (what the recommendations cost against always taking the most expensive
 * candidate, estimated and, where feedback reported it, realized).
 */
final class Insights {
    private final DecisionLog decisions;
    private final Scopes scopes;
    private final Clock clock;

    Insights(DecisionLog decisions, Scopes scopes, Clock clock) {
        this.decisions = decisions;
        this.scopes = scopes;
        this.clock = clock;
    }

    Map<String, Object> strategies(long account, String namespace, int max) {
        String ns = namespace == null ? Recommendations.DEFAULT_NAMESPACE : namespace;
        Map<TaskType, List<Map.Entry<String, OutcomeIndex.Totals>>> byType = new TreeMap<>();
        scopes.of(account, ns).outcomes().allTotals().forEach((model, totals) -> totals.forEach((type, t) ->
                byType.computeIfAbsent(type, k -> new ArrayList<>()).add(Map.entry(model, t))));
        List<Map<String, Object>> strategies = new ArrayList<>();
        byType.forEach((type, models) -> {
            models.sort(Comparator.comparingDouble((Map.Entry<String, OutcomeIndex.Totals> e) -> rate(e.getValue())).reversed());
            int n = models.stream().mapToInt(e -> e.getValue().n()).sum();
            Map.Entry<String, OutcomeIndex.Totals> top = models.get(0);
            StringBuilder description = new StringBuilder(String.format(Locale.ROOT, "Pattern around '%s': %d outcome(s). ",
                    type.wireName(), n));
            for (Map.Entry<String, OutcomeIndex.Totals> m : models) {
                description.append(String.format(Locale.ROOT, "%s succeeds %.0f%% of %d; ", m.getKey(), 100 * rate(m.getValue()),
                        m.getValue().n()));
            }
            Map<String, Object> strategy = new LinkedHashMap<>();
            strategy.put("strategy_id", ns + ":" + type.wireName());
            strategy.put("description", description.toString().strip());
            strategy.put("supporting_lesson_count", n);
            strategy.put("avg_confidence", RecommendResponses.round(rate(top.getValue()), 4));
            strategy.put("avg_reinforcement", RecommendResponses.round(top.getValue().w(), 4));
            strategy.put("dominant_lesson_type", rate(top.getValue()) >= 0.5 ? "success" : "failure");
            strategy.put("dominant_scope", "namespace");
            strategy.put("lesson_ids", List.of());
            strategy.put("winning_model", top.getKey());
            strategies.add(strategy);
        });
        strategies.sort(Comparator.comparingInt((Map<String, Object> s) -> (Integer) s.get("supporting_lesson_count")).reversed());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("namespace", namespace);
        body.put("lane", "minima:" + ns);
        body.put("strategies", strategies.subList(0, Math.min(max, strategies.size())));
        body.put("count", Math.min(max, strategies.size()));
        body.put("warnings", List.of());
        return body;
    }

    private static double rate(OutcomeIndex.Totals t) {
        return t.w() == 0 ? 0 : t.s() / t.w();
    }

    /** One logged decision, as savings needs it. */
    record Row(String namespace, String taskType, String difficulty, String model, String policy, double estRecommended,
               double estPremium, Double estBaseline, String outcome, Double actualCost, boolean reconciled) {
    }

    Map<String, Object> savings(long account, String namespace, double days, String groupBy) {
        long since = clock.instant().getEpochSecond() - Math.round(days * 86_400);
        List<Row> rows = decisions.since(account, namespace, since);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("org_id", String.valueOf(account));
        body.put("since", since);
        body.put("days", days);
        body.put("namespace", namespace);
        body.put("summary", summary(rows));
        body.put("health", health(rows));
        body.put("group_by", groupBy);
        List<Map<String, Object>> groups = new ArrayList<>();
        if (groupBy != null) {
            Function<Row, String> key = switch (groupBy) {
                case "task_type" -> Row::taskType;
                case "lane" -> r -> "minima:" + r.namespace();
                default -> r -> r.taskType() + ":" + r.difficulty();
            };
            Map<String, List<Row>> grouped = new TreeMap<>();
            rows.forEach(r -> grouped.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
            grouped.forEach((k, group) -> {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("key", k);
                g.put("summary", summary(group));
                g.put("health", health(group));
                groups.add(g);
            });
        }
        body.put("groups", groups);
        return body;
    }

    private static Map<String, Object> summary(List<Row> rows) {
        double recommended = 0;
        double premium = 0;
        double declared = 0;
        double declaredRecommended = 0;
        int nDeclared = 0;
        int reconciled = 0;
        double realized = 0;
        double reconciledRecommended = 0;
        double reconciledPremium = 0;
        for (Row r : rows) {
            recommended += r.estRecommended();
            premium += r.estPremium();
            if (r.estBaseline() != null) {
                nDeclared++;
                declared += r.estBaseline();
                declaredRecommended += r.estRecommended();
            }
            if (r.reconciled() && r.actualCost() != null) {
                reconciled++;
                realized += r.actualCost();
                reconciledRecommended += r.estRecommended();
                reconciledPremium += r.estPremium();
            }
        }
        Map<String, Object> estimated = new LinkedHashMap<>();
        estimated.put("n", rows.size());
        estimated.put("cost_recommended_usd", RecommendResponses.round(recommended, 8));
        estimated.put("cost_premium_usd", RecommendResponses.round(premium, 8));
        estimated.put("savings_vs_premium_usd", RecommendResponses.round(premium - recommended, 8));
        estimated.put("n_declared", nDeclared);
        estimated.put("cost_declared_usd", RecommendResponses.round(declared, 8));
        estimated.put("savings_vs_declared_usd", RecommendResponses.round(declared - declaredRecommended, 8));
        Map<String, Object> realizedView = new LinkedHashMap<>();
        realizedView.put("n_reconciled", reconciled);
        realizedView.put("realized_cost_usd", RecommendResponses.round(realized, 8));
        realizedView.put("est_cost_recommended_usd", RecommendResponses.round(reconciledRecommended, 8));
        realizedView.put("est_cost_premium_usd", RecommendResponses.round(reconciledPremium, 8));
        realizedView.put("savings_vs_premium_est_usd", RecommendResponses.round(reconciledPremium - realized, 8));
        realizedView.put("savings_share", reconciledPremium == 0 ? null : RecommendResponses.round(1 - realized / reconciledPremium, 4));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("estimated", estimated);
        summary.put("realized", realizedView);
        return summary;
    }

    private static Map<String, Object> health(List<Row> rows) {
        int n = rows.size();
        long reconciled = rows.stream().filter(Row::reconciled).count();
        long explored = rows.stream().filter(r -> r.policy().equals("thompson")).count();
        long successes = rows.stream().filter(r -> "success".equals(r.outcome())).count();
        Map<String, Long> byModel = new TreeMap<>();
        rows.forEach(r -> byModel.merge(r.model(), 1L, Long::sum));
        long top = byModel.values().stream().mapToLong(Long::longValue).max().orElse(0);
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("recommendations", n);
        health.put("feedback_coverage", n == 0 ? 0.0 : RecommendResponses.round((double) reconciled / n, 4));
        health.put("pending_labels", n - reconciled);
        health.put("exploration_share", n == 0 ? 0.0 : RecommendResponses.round((double) explored / n, 4));
        if (reconciled > 0) { // every value is a number: the upstream client types health as {str: float | int}
            health.put("success_rate", RecommendResponses.round((double) successes / reconciled, 4));
        }
        health.put("top_model_share", n == 0 ? 0.0 : RecommendResponses.round((double) top / n, 4));
        health.put("distinct_models", byModel.size());
        return health;
    }
}
