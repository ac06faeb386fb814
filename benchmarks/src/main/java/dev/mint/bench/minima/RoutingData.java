package dev.mint.bench.minima;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A routing data set: one JSON object per line,
 * {@code {"id", "prompt", "category", "models": {"<model>": {"score", "cost_usd", "input_tokens"?, "output_tokens"?}}}}.
 */
final class RoutingData {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How one model did on one prompt. */
    record Result(double score, double costUsd, Integer inputTokens, Integer outputTokens) {
    }

    record Item(String id, String prompt, String category, Map<String, Result> models) {
    }

    private RoutingData() {
    }

    static List<Item> read(Path file) throws IOException {
        List<Item> items = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                Map<String, Result> models = new LinkedHashMap<>();
                node.get("models").fields().forEachRemaining(e -> models.put(e.getKey(), new Result(
                        e.getValue().get("score").asDouble(), e.getValue().get("cost_usd").asDouble(),
                        e.getValue().hasNonNull("input_tokens") ? e.getValue().get("input_tokens").asInt() : null,
                        e.getValue().hasNonNull("output_tokens") ? e.getValue().get("output_tokens").asInt() : null)));
                if (models.isEmpty()) {
                    throw new IOException(file + " line " + number + " has no models");
                }
                items.add(new Item(node.get("id").asText(), node.get("prompt").asText(), node.path("category").asText(""),
                        models));
            }
        }
        return items;
    }

    /** The models present in every item, in the order of the first. */
    /** The same items with every model renamed {@code prefix + name}: names no catalog knows. */
    static List<Item> renamed(List<Item> items, String prefix) {
        return items.stream().map(item -> {
            Map<String, Result> models = new java.util.LinkedHashMap<>();
            item.models().forEach((model, result) -> models.put(prefix + model, result));
            return new Item(item.id(), item.prompt(), item.category(), models);
        }).toList();
    }

    static List<String> models(List<Item> items) {
        List<String> models = new ArrayList<>(items.get(0).models().keySet());
        items.forEach(item -> models.retainAll(item.models().keySet()));
        return models;
    }

    /** A model's mean cost per token in the data (tokens counted when given; else per call / 1000). */
    static double costPerToken(List<Item> items, String model) {
        double cost = 0;
        double tokens = 0;
        for (Item item : items) {
            Result r = item.models().get(model);
            cost += r.costUsd();
            tokens += r.inputTokens() != null && r.outputTokens() != null ? r.inputTokens() + r.outputTokens() : 1000;
        }
        return tokens == 0 ? 0 : cost / tokens;
    }
}
