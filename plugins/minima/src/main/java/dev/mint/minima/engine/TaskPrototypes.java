package dev.mint.minima.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What each task type looks like to the encoder: the mean embedding of a few short, generic requests of
 * that type. A prompt's vector (without its template) is compared with them; keyword evidence then tips
 * the balance. Built once per embedder; thread-safe after construction.
 */
final class TaskPrototypes {
    private static final Map<TaskType, List<String>> EXAMPLES = new EnumMap<>(Map.of(
            TaskType.CODE, List.of("Write a function in Python that", "Fix the bug in this code", "Write a SQL query that returns",
                    "Refactor this class and add unit tests", "Implement an API endpoint",
                    "Why does this program crash with this stack trace?"),
            TaskType.SUMMARIZATION, List.of("Summarize the following text in three bullet points", "Give a short summary of this report",
                    "Condense this article into one paragraph", "What are the key points of this meeting transcript?"),
            TaskType.EXTRACTION, List.of("Extract all the dates and names from this text", "Pull out the invoice number and total as JSON",
                    "List every email address mentioned", "Return the fields as a JSON object"),
            TaskType.QA, List.of("What is the capital of France?", "Who wrote this book?", "When did this event happen?",
                    "What does this term mean?"),
            TaskType.REASONING, List.of("Solve this puzzle step by step", "Estimate how many of these there are and explain your reasoning",
                    "Prove that the statement holds", "Which option is better and why? Think it through", "Calculate the probability",
                    "If all of them are and some are, which conclusion follows?"),
            TaskType.CLASSIFICATION, List.of("Classify this message as spam or not spam",
                    "Label the sentiment of this review as positive, negative or neutral", "Which category does this ticket belong to?",
                    "Is this statement true or false?"),
            TaskType.TRANSLATION, List.of("Translate this sentence into French", "Translate the following paragraph into German",
                    "Render this text in Spanish", "How do you say this in Japanese?"),
            TaskType.CREATIVE, List.of("Write a short story about", "Write a poem about the sea", "Come up with taglines for a new product",
                    "Write a speech for a wedding", "Write a dialogue between two characters", "Write the opening paragraph of a novel"),
            TaskType.RAG, List.of("Answer the question using only the document above", "According to the context provided, what is",
                    "Based on the following passage, explain"),
            TaskType.TOOL_USE, List.of("Call the weather API for tomorrow in Paris", "Use the search tool to find the latest price",
                    "Which function should be called with which arguments?")));
    /** How much full keyword evidence for a type adds to its similarity. */
    static final double KEYWORD_WEIGHT = 0.12;
    /** Below this similarity to every type, a prompt is {@code other}. */
    static final double MIN_SIMILARITY = 0.15;

    private final Map<TaskType, float[]> centroids = new EnumMap<>(TaskType.class);

    TaskPrototypes(Embedder embedder) {
        EXAMPLES.forEach((type, examples) -> {
            float[] sum = new float[embedder.dimension()];
            for (String example : examples) {
                float[] v = embedder.embed(example);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += v[i];
                }
            }
            centroids.put(type, Vectors.normalized(sum));
        });
    }

    /** The type whose prototype is nearest {@code vector}, with keyword evidence ({@code keywordScores}) added; and how sure. */
    TaskClassifier.Guess classify(float[] vector, Map<TaskType, Double> keywordScores) {
        double top = keywordScores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        TaskType best = TaskType.OTHER;
        double bestScore = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        double bestSimilarity = 0;
        for (Map.Entry<TaskType, float[]> prototype : centroids.entrySet()) {
            double similarity = Vectors.dot(vector, prototype.getValue(), 0);
            double keywords = top <= 0 ? 0 : keywordScores.getOrDefault(prototype.getKey(), 0.0) / top;
            double score = similarity + KEYWORD_WEIGHT * keywords;
            if (score > bestScore) {
                second = bestScore;
                bestScore = score;
                best = prototype.getKey();
                bestSimilarity = similarity;
            } else if (score > second) {
                second = score;
            }
        }
        if (bestSimilarity < MIN_SIMILARITY && top <= 0) {
            return new TaskClassifier.Guess(TaskType.OTHER, 0.2);
        }
        return new TaskClassifier.Guess(best, Math.max(0.2, Math.min(0.95, 0.5 + 4 * (bestScore - second))));
    }
}
