package dev.mint.minima.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models Minima may recommend. The plugin ships one ({@code catalog.json}: public list prices and
 * per-task priors); an admin can extend or replace it at run time. Immutable; every card is validated,
 * and a catalog with one bad card is refused whole.
 */
public final class Catalog {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String version;
    private final Map<String, ModelCard> byId;

    private Catalog(String version, List<ModelCard> models) {
        this.version = version;
        Map<String, ModelCard> cards = new LinkedHashMap<>();
        for (ModelCard card : models) {
            if (cards.put(card.modelId(), card) != null) {
                throw new CatalogException("Model '" + card.modelId() + "' appears twice in the catalog");
            }
        }
        this.byId = Collections.unmodifiableMap(cards);
    }

    /** The catalog shipped with the plugin. */
    public static Catalog bundled() {
        try (InputStream in = Catalog.class.getResourceAsStream("/dev/mint/minima/catalog.json")) {
            if (in == null) {
                throw new IllegalStateException("The bundled catalog is missing");
            }
            JsonNode root = JSON.readTree(in);
            return new Catalog(root.path("version").asText("bundled"), cards(root.path("models")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Model cards from JSON (an array of cards in the wire's snake_case form).
     *
     * @throws CatalogException naming the first card and field that is wrong
     */
    public static List<ModelCard> cards(JsonNode array) {
        if (!array.isArray()) {
            throw new CatalogException("'models' must be a list of model cards");
        }
        List<ModelCard> cards = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String label = node.path("model_id").isTextual() ? "'" + node.path("model_id").asText() + "'" : "#" + (i + 1);
            for (String field : List.of("model_id", "provider", "input_cost_per_mtok", "output_cost_per_mtok")) {
                require(node.hasNonNull(field), label, field + " is required");
            }
            require(node.get("input_cost_per_mtok").isNumber() && node.get("output_cost_per_mtok").isNumber(), label,
                    "prices must be numbers (USD per million tokens)");
            ModelCard card;
            try {
                card = JSON.treeToValue(node, ModelCard.class);
            } catch (IOException e) {
                throw new CatalogException("Model " + label + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
            }
            validate(card, label);
            cards.add(card);
        }
        return cards;
    }

    private static void validate(ModelCard card, String label) {
        require(card.modelId() != null && !card.modelId().isBlank(), label, "model_id is required");
        require(card.provider() != null && !card.provider().isBlank(), label, "provider is required");
        price(card.inputCostPerMtok(), label, "input_cost_per_mtok");
        price(card.outputCostPerMtok(), label, "output_cost_per_mtok");
        if (card.cacheReadCostPerMtok() != null) {
            price(card.cacheReadCostPerMtok(), label, "cache_read_cost_per_mtok");
        }
        require(card.contextWindow() >= 0, label, "context_window must not be negative");
        card.capabilityByTaskType().forEach((type, prior) -> {
            require(TaskType.fromWire(type) != null, label, "capability_by_task_type has an unknown task type '" + type + "'");
            require(prior != null && prior >= 0 && prior <= 1, label, "capability_by_task_type." + type + " must be from 0 to 1");
        });
        card.capabilityPriors().forEach((name, prior) ->
                require(prior != null && prior >= 0 && prior <= 1, label, "capability_priors." + name + " must be from 0 to 1"));
    }

    private static void price(double value, String label, String field) {
        require(Double.isFinite(value) && value >= 0 && value < 10_000, label, field + " must be a price from 0 to 10000 USD per million tokens");
    }

    private static void require(boolean ok, String label, String problem) {
        if (!ok) {
            throw new CatalogException("Model " + label + ": " + problem);
        }
    }

    /** This catalog with {@code cards} added, or replacing cards of the same id. */
    public Catalog extendedWith(List<ModelCard> cards, String newVersion) {
        Map<String, ModelCard> merged = new LinkedHashMap<>(byId);
        cards.forEach(card -> merged.put(card.modelId(), card));
        return new Catalog(newVersion, new ArrayList<>(merged.values()));
    }

    /** A catalog of exactly {@code cards}. */
    public static Catalog of(List<ModelCard> cards, String version) {
        if (cards.isEmpty()) {
            throw new CatalogException("A catalog needs at least one model");
        }
        return new Catalog(version, cards);
    }

    public String version() {
        return version;
    }

    public List<ModelCard> models() {
        return List.copyOf(byId.values());
    }

    public Optional<ModelCard> find(String modelId) {
        return Optional.ofNullable(byId.get(modelId));
    }

    public int size() {
        return byId.size();
    }
}
