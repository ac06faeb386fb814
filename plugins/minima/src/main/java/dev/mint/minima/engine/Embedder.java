package dev.mint.minima.engine;

/** Turns a short text into a unit-length vector; thread-safe. */
public interface Embedder {
    float[] embed(String text);

    int dimension();

    /** Names the model, for health reports. */
    String id();
}
