package dev.mint.bench.minima;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The fixed routing policies the router is measured against, and the side-by-side table. */
final class Policies {
    /** What a policy achieved on some items: mean score and total cost. */
    record Outcome(String name, double accuracy, double cost) {
    }

    private Policies() {
    }

    /** Always the model with the best mean score on {@code items}. */
    static Outcome premium(List<RoutingData.Item> items) {
        return always(items, premiumModel(items));
    }

    /** The model with the best mean score on {@code items}. */
    private static String premiumModel(List<RoutingData.Item> items) {
        return RoutingData.models(items).stream()
                .max(Comparator.comparingDouble((String m) -> always(items, m).accuracy())).orElseThrow();
    }

    /** Always the model with the lowest total cost on {@code items}. */
    static Outcome cheapest(List<RoutingData.Item> items) {
        return RoutingData.models(items).stream().map(m -> always(items, m))
                .min(Comparator.comparingDouble(Outcome::cost)).orElseThrow();
    }

    static Outcome always(List<RoutingData.Item> items, String model) {
        double score = 0;
        double cost = 0;
        for (RoutingData.Item item : items) {
            score += item.models().get(model).score();
            cost += item.models().get(model).costUsd();
        }
        return new Outcome("always " + model, score / items.size(), cost);
    }

    /** A uniformly random model per prompt, in expectation. */
    static Outcome random(List<RoutingData.Item> items) {
        List<String> models = RoutingData.models(items);
        double score = 0;
        double cost = 0;
        for (String model : models) {
            Outcome o = always(items, model);
            score += o.accuracy();
            cost += o.cost();
        }
        return new Outcome("random", score / models.size(), cost / models.size());
    }

    /** The best score per prompt, the cheapest model among ties. */
    static Outcome oracle(List<RoutingData.Item> items) {
        double score = 0;
        double cost = 0;
        for (RoutingData.Item item : items) {
            Map.Entry<String, RoutingData.Result> best = item.models().entrySet().stream()
                    .max(Comparator.comparingDouble((Map.Entry<String, RoutingData.Result> e) -> e.getValue().score())
                            .thenComparing(e -> -e.getValue().costUsd())).orElseThrow();
            score += best.getValue().score();
            cost += best.getValue().costUsd();
        }
        return new Outcome("oracle", score / items.size(), cost);
    }

    static void report(List<RoutingData.Item> items, List<RoutingEval.Choice> router) {
        Outcome premium = premium(items);
        List<Outcome> rows = List.of(new Outcome("minima router", RoutingEval.Choice.accuracy(router),
                RoutingEval.Choice.cost(router)), premium, cheapest(items), random(items), oracle(items));
        System.out.printf(Locale.ROOT, "%-34s %9s %12s %9s %10s%n", "policy", "accuracy", "cost USD", "savings", "retention");
        for (Outcome o : rows) {
            System.out.printf(Locale.ROOT, "%-34s %9.4f %12.4f %8.1f%% %10.4f%n", o.name(), o.accuracy(), o.cost(),
                    100 * (1 - o.cost() / premium.cost()), o.accuracy() / premium.accuracy());
        }
        Outcome random = random(items);
        double accuracy = RoutingEval.Choice.accuracy(router);
        double cost = RoutingEval.Choice.cost(router);
        System.out.printf(Locale.ROOT, "Targets: savings >= 30%% at retention >= 0.95: %s (%.1f%%, %.4f); vs random: %s%n",
                savesAtRetention(accuracy, cost, premium) ? "met" : "NOT met",
                100 * (1 - cost / premium.cost()), accuracy / premium.accuracy(),
                beats(accuracy, cost, random) ? "at least as accurate and no more expensive" : "NOT dominating");
        byCategory(items, router);
    }

    /**
     * Per category of the data set: the router's accuracy and cost beside the category's best model, and
     * which models it picked how often: where its spending and its losses come from.
     */
    private static void byCategory(List<RoutingData.Item> items, List<RoutingEval.Choice> router) {
        Map<String, List<Integer>> positions = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            positions.computeIfAbsent(items.get(i).category(), c -> new ArrayList<>()).add(i);
        }
        System.out.printf(Locale.ROOT, "%nPer category: %-14s %6s %9s %9s   %-32s %s%n", "category", "prompts", "accuracy",
                "cost USD", "its best model (accuracy, cost)", "router's picks");
        positions.forEach((category, at) -> {
            List<RoutingData.Item> part = at.stream().map(items::get).toList();
            List<RoutingEval.Choice> choices = at.stream().map(router::get).toList();
            String bestModel = premiumModel(part);
            Outcome best = always(part, bestModel);
            Map<String, Long> picks = choices.stream().collect(Collectors.groupingBy(RoutingEval.Choice::model, Collectors.counting()));
            String shares = picks.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / at.size()))
                    .collect(Collectors.joining(", "));
            System.out.printf(Locale.ROOT, "              %-14s %6d %9.4f %9.4f   %-32s %s%n", category, at.size(),
                    RoutingEval.Choice.accuracy(choices), RoutingEval.Choice.cost(choices), String.format(Locale.ROOT,
                            "%s (%.3f, %.3f)", bestModel, best.accuracy(), best.cost()), shares);
        });
    }

    /** The first target: at least 30% cheaper than always-premium while keeping 95% of its accuracy. */
    static boolean savesAtRetention(double accuracy, double cost, Outcome premium) {
        return 1 - cost / premium.cost() >= 0.30 && accuracy / premium.accuracy() >= 0.95;
    }

    /** The second: at least as accurate as random routing and no more expensive. */
    static boolean beats(double accuracy, double cost, Outcome random) {
        return accuracy >= random.accuracy() && cost <= random.cost();
    }
}
