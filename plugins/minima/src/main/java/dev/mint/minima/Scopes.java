package dev.mint.minima;

import dev.mint.minima.engine.Scope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's scope of each account's namespace, loaded from the database on first use and kept in memory;
 * outcomes recorded afterwards are added to both at once.
 */
final class Scopes {
    private final MinimaStore store;
    private final int dimension;
    private final Map<String, Scope> scopes = new ConcurrentHashMap<>();

    Scopes(MinimaStore store, int dimension) {
        this.store = store;
        this.dimension = dimension;
    }

    Scope of(long accountId, String namespace) {
        return scopes.computeIfAbsent(accountId + "/" + namespace, key -> {
            Scope scope = new Scope(dimension);
            store.outcomes(accountId, namespace).forEach(scope.outcomes()::add);
            return scope;
        });
    }

    /** Total outcomes held in loaded scopes. */
    long loadedOutcomes() {
        return scopes.values().stream().mapToLong(s -> s.outcomes().size()).sum();
    }
}
