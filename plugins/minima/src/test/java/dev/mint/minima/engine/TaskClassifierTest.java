package dev.mint.minima.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The keyword rules: whatever the case, and over a long text's two ends with the last one counting double. */
class TaskClassifierTest {
    private static TaskType keywordType(String text) {
        return new TaskClassifier().classify(text, null, null).taskType();
    }

    @Test
    void keywordsMatchWhateverTheirCase() {
        assertThat(keywordType("TRANSLATE this notice INTO GERMAN, please.")).isEqualTo(TaskType.TRANSLATION);
        assertThat(keywordType("Summarize The Minutes In Three Bullets.")).isEqualTo(TaskType.SUMMARIZATION);
        assertThat(keywordType("Write a Python function that parses dates.")).isEqualTo(TaskType.CODE);
    }

    @Test
    void aLongTextIsReadAtBothEndsAndItsLastWordsCountDouble() {
        String filler = "The quarterly figures were discussed at length by the committee. ".repeat(80); // ~5,000 characters
        String summarizeFirst = "Summarize the report below. " + filler + "Then classify its sentiment.";
        String middleOnly = filler.substring(0, 2_000) + "Translate this into French. " + filler;

        assertThat(TaskClassifier.scores(summarizeFirst)).containsKeys(TaskType.SUMMARIZATION, TaskType.CLASSIFICATION);
        assertThat(TaskClassifier.scores(summarizeFirst).get(TaskType.CLASSIFICATION))
                .as("the request at the end counts double").isGreaterThan(TaskClassifier.scores(summarizeFirst).get(TaskType.SUMMARIZATION));
        assertThat(TaskClassifier.scores(middleOnly)).as("the middle of a long text is not read")
                .doesNotContainKey(TaskType.TRANSLATION);
    }
}
