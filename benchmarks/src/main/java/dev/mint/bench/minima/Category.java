package dev.mint.bench.minima;

/**
 * The task types of the routing service, with the typical answer length in output tokens for a
 * medium-difficulty prompt (translation answers are sized from the source text instead).
 */
enum Category {
    CODE("code", 420),
    SUMMARIZATION("summarization", 170),
    EXTRACTION("extraction", 120),
    QA("qa", 260),
    REASONING("reasoning", 450),
    CLASSIFICATION("classification", 14),
    TRANSLATION("translation", 0),
    CREATIVE("creative", 480);

    final String id;
    final int outputTokens;

    Category(String id, int outputTokens) {
        this.id = id;
        this.outputTokens = outputTokens;
    }
}
