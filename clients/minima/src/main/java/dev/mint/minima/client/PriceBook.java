package dev.mint.minima.client;

import dev.mint.minima.client.model.ModelCard;
import dev.mint.minima.client.model.ModelsResponse;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * List prices from {@code GET /v1/models}, fetched on first need and kept for a while, to price calls
 * whose provider reports tokens but no cost. A failed fetch is not cached: the next call tries again.
 * Thread-safe; concurrent first uses may fetch twice, which is harmless.
 */
final class PriceBook {
    private static final Logger LOG = LoggerFactory.getLogger(MinimaRouter.class);

    private final MinimaHttp http;
    private final Duration ttl;
    private volatile Snapshot snapshot;

    private record Snapshot(ModelsResponse catalog, long fetchedNanos) {
    }

    PriceBook(MinimaHttp http, Duration ttl) {
        this.http = http;
        this.ttl = ttl;
    }

    OptionalDouble cost(String modelId, Usage usage) {
        Snapshot current = fresh();
        if (current == null) {
            try {
                current = store(http.send(MinimaCalls.models(ModelsQuery.all())));
            } catch (RuntimeException e) {
                LOG.warn("Cannot price {}: the model catalog is unavailable ({})", modelId, e.getMessage());
                return OptionalDouble.empty();
            }
        }
        return price(current.catalog(), modelId, usage);
    }

    CompletableFuture<OptionalDouble> costAsync(String modelId, Usage usage) {
        Snapshot current = fresh();
        if (current != null) {
            return CompletableFuture.completedFuture(price(current.catalog(), modelId, usage));
        }
        return http.sendAsync(MinimaCalls.models(ModelsQuery.all())).handle((catalog, failure) -> {
            if (failure != null) {
                LOG.warn("Cannot price {}: the model catalog is unavailable ({})", modelId, Futures.unwrap(failure).getMessage());
                return OptionalDouble.empty();
            }
            return price(store(catalog).catalog(), modelId, usage);
        });
    }

    private Snapshot fresh() {
        Snapshot current = snapshot;
        return current != null && System.nanoTime() - current.fetchedNanos() < ttl.toNanos() ? current : null;
    }

    private Snapshot store(ModelsResponse catalog) {
        Snapshot fetched = new Snapshot(catalog, System.nanoTime());
        snapshot = fetched;
        return fetched;
    }

    private static OptionalDouble price(ModelsResponse catalog, String modelId, Usage usage) {
        return catalog.find(modelId)
                .map((ModelCard card) -> OptionalDouble.of(card.listCostUsd(usage.inputTokens(), usage.outputTokens())))
                .orElseGet(() -> {
                    LOG.debug("No list price for {}: not in the catalog", modelId);
                    return OptionalDouble.empty();
                });
    }
}
