package dev.mint.minima.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {
    private static final MiniLmEmbedder EMBEDDER = new MiniLmEmbedder();

    @Test
    void vectorsAreLangChain4jsForTheSameModel() {
        AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (String text : List.of("x", "Translate the assay protocol into German.",
                "def wells(plate):\n    return [w for w in plate if w.od > 0.5]  # which wells pass QC?",
                "Summarise the following notes from the weekly lab meeting in three bullet points, keeping the"
                        + " names of the instruments and every number exactly as written.")) {
            float[] ours = EMBEDDER.embed(text);
            float[] theirs = Vectors.normalized(reference.embed(text).content().vector());
            assertThat(ours).hasSize(384);
            assertThat(Vectors.dot(ours, theirs, 0)).as(text).isGreaterThan(0.9999f);
        }
    }

    @Test
    void differentTextsGetDifferentUnitVectors() {
        float[] a = EMBEDDER.embed("Write a haiku about centrifuges.");
        float[] b = EMBEDDER.embed("Extract every sample id from this CSV export.");
        assertThat(Vectors.dot(a, a, 0)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(Vectors.dot(a, b, 0)).isLessThan(0.6f);
    }

    @Test
    void textsPastTheModelsWindowAreCutNotRefused() {
        String start = "Plate seven failed calibration because the lid was left on. ";
        float[] longText = EMBEDDER.embed(start + "The incubator log repeats. ".repeat(400));
        float[] sameStart = EMBEDDER.embed(start + "The incubator log repeats. ".repeat(300));
        assertThat(Vectors.dot(longText, longText, 0)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        // Both are cut at 512 tokens, well inside the repeated part: the same tokens, the same vector.
        assertThat(Vectors.dot(longText, sameStart, 0)).isGreaterThan(0.99999f);
    }
}
