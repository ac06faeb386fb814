package dev.mint.minima;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.minima.engine.Catalog;
import dev.mint.minima.engine.CatalogException;
import dev.mint.minima.engine.ModelCard;
import dev.mint.sdk.WireJson;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The catalog in force: the bundled one, extended or replaced by what an admin stored
 * ({@code PUT /v1/catalog}). A change is validated whole before it is stored, so a bad card changes nothing.
 */
final class CatalogHolder {
    /** The catalog and whether an admin changed it. */
    record Current(Catalog catalog, boolean custom) {
    }

    private final MinimaStore store;
    private final Catalog bundled = Catalog.bundled();
    private final Clock clock;
    private volatile Current current;

    CatalogHolder(MinimaStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.current = store.catalog().map(this::restore).orElse(new Current(bundled, false));
    }

    Current current() {
        return current;
    }

    private Current restore(MinimaStore.StoredCatalog stored) {
        try {
            JsonNode root = WireJson.MAPPER.readTree(stored.models());
            return new Current(build(root.path("mode").asText("extend"), Catalog.cards(root.path("models")), stored.version()), true);
        } catch (java.io.IOException | CatalogException e) {
            throw new IllegalStateException("The stored Minima catalog cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Applies an admin's change: {@code {"mode": "extend"|"replace", "models": [cards]}}.
     *
     * @throws Problem 422 naming the card and field at fault
     */
    synchronized Current change(JsonNode body, Long userId) {
        Body check = new Body("body");
        JsonNode json = check.object(body, List.of(), true);
        check.check();
        String mode = check.choice(json.get("mode"), List.of("mode"), List.of("extend", "replace"));
        check.check();
        Catalog catalog;
        String version = "custom-" + clock.instant().getEpochSecond();
        try {
            List<ModelCard> cards = Catalog.cards(json.path("models"));
            catalog = build(mode == null ? "extend" : mode, cards, version);
        } catch (CatalogException e) {
            throw Problem.of(422, "Invalid catalog", e.getMessage());
        }
        var stored = WireJson.MAPPER.createObjectNode();
        stored.put("mode", (mode == null ? "extend" : mode).toLowerCase(Locale.ROOT));
        stored.set("models", json.get("models"));
        store.saveCatalog(version, MinimaStore.json(stored), userId, clock.instant().getEpochSecond());
        current = new Current(catalog, true);
        return current;
    }

    private Catalog build(String mode, List<ModelCard> cards, String version) {
        return mode.equals("replace") ? Catalog.of(cards, version) : bundled.extendedWith(cards, version);
    }
}
