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
    void aLongTextKeepsItsFirstAndLastTokens() {
        long[] ids = java.util.stream.LongStream.range(0, 100).toArray(); // 0 stands for [CLS], 99 for [SEP]
        long[] kept = MiniLmEmbedder.ends(ids);
        assertThat(kept).hasSize(MiniLmEmbedder.MAX_TOKENS);
        assertThat(kept[0]).isZero();
        assertThat(kept[kept.length - 1]).isEqualTo(99);
        assertThat(java.util.Arrays.copyOfRange(kept, 1, 1 + MiniLmEmbedder.HEAD_TOKENS))
                .containsExactly(java.util.stream.LongStream.rangeClosed(1, MiniLmEmbedder.HEAD_TOKENS).toArray());
        assertThat(kept[1 + MiniLmEmbedder.HEAD_TOKENS]).isEqualTo(100 - (MiniLmEmbedder.MAX_TOKENS - 1 - MiniLmEmbedder.HEAD_TOKENS));
        assertThat(MiniLmEmbedder.ends(new long[] {0, 5, 99})).containsExactly(0, 5, 99);
    }

    @Test
    void whatLiesBetweenTheEndsOfALongTextDoesNotChangeItsVector() {
        String start = "Plate seven failed calibration because the lid was left on, so the readings of the morning run are void. ";
        String end = " All samples were stored cold overnight, the freezer alarm stayed silent and the technician signed"
                + " the log at six. Which wells should be repeated tomorrow, and in what order?"; // over 31 tokens
        float[] a = EMBEDDER.embed(start + "The incubator log repeats. ".repeat(40) + end);
        float[] b = EMBEDDER.embed(start + "Nothing else of note happened. ".repeat(90) + end);
        float[] other = EMBEDDER.embed("Nothing else of note happened. ".repeat(90) + end);
        assertThat(Vectors.dot(a, a, 0)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(Vectors.dot(a, b, 0)).isGreaterThan(0.99999f);
        assertThat(Vectors.dot(a, other, 0)).isLessThan(0.999f);
    }
}
