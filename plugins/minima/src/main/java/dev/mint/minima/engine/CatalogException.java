package dev.mint.minima.engine;

/** A catalog, or a card of one, that cannot be used; the message names the model and the field. */
public final class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }
}
