package dev.mint.minima.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a prompt is cut into sentences and which of its words the encoder reads. */
class TextEncoderTest {
    private static String words(int n, String word) {
        return String.join(" ", Collections.nCopies(n, word));
    }

    @Test
    void sentencesEndAfterPunctuationAndWhitespaceRunsBecomeOneSpace() {
        assertThat(TextEncoder.sentences("  First one.  Second\t\tone?\r\nThird: fourth;last ")).containsExactly(
                "First one.", "Second one?", "Third:", "fourth;last");
        assertThat(TextEncoder.sentences("v1.2 stays whole. So does\u00A0this")).containsExactly("v1.2 stays whole.", "So does\u00A0this");
        assertThat(TextEncoder.sentences("")).containsExactly("");
    }

    @Test
    void aSentenceLongerThanAChunkIsCutByWords() {
        List<String> pieces = TextEncoder.sentences(words(TextEncoder.CHUNK_WORDS * 2 + 5, "w") + ". Next.");
        assertThat(pieces).containsExactly(words(TextEncoder.CHUNK_WORDS, "w"), words(TextEncoder.CHUNK_WORDS, "w"),
                words(5, "w") + ".", "Next.");
    }

    @Test
    void theWindowIsTheFirstAndLastWordsOfALongText() {
        List<String> text = List.of(words(TextEncoder.HEAD_WORDS, "head"), words(50, "middle") + ".",
                words(TextEncoder.WINDOW_WORDS - TextEncoder.HEAD_WORDS, "tail"));
        assertThat(TextEncoder.window(text)).isEqualTo(words(TextEncoder.HEAD_WORDS, "head") + " … "
                + words(TextEncoder.WINDOW_WORDS - TextEncoder.HEAD_WORDS, "tail"));
        List<String> shortText = List.of("A short request.", "Two sentences.");
        assertThat(TextEncoder.window(shortText)).isEqualTo("A short request. Two sentences.");
    }
}
