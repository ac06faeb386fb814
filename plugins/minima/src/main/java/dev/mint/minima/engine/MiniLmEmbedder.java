package dev.mint.minima.engine;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/** {@code all-MiniLM-L6-v2} (384 dimensions) run in-process through ONNX Runtime: no network, no service. */
public final class MiniLmEmbedder implements Embedder {
    private final AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();

    @Override
    public float[] embed(String text) {
        return Vectors.normalized(model.embed(text).content().vector());
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public String id() {
        return "all-MiniLM-L6-v2";
    }
}
