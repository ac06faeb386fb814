package dev.mint.examples.routedchat;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.mint.minima.client.MinimaClient;
import dev.mint.minima.client.RecommendOptions;
import dev.mint.minima.client.RoutedResult;

/**
 * {@code java ... dev.mint.examples.routedchat.Main "question"} against the platform of {@code MINT_URL} /
 * {@code MINIMA_BASE_URL} with {@code MINIMA_API_KEY} (or {@code MINT_TOKEN}): prints which model answered,
 * what it cost and what Minima recorded.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String question = args.length > 0 ? String.join(" ", args) : "Summarize: the team meeting moved to Friday at 10.";
        try (MinimaClient minima = MinimaClient.fromEnvironment()) {
            RoutedChat chat = new RoutedChat(minima, CannedChatModel::new, "gpt-4o-mini", RecommendOptions.defaults());
            RoutedResult<ChatResponse> result = chat.ask(question, response -> response.aiMessage().text().isBlank() ? 0.0 : 0.9);
            System.out.println(result.value().aiMessage().text());
            System.out.printf("model %s, %d ms, cost %s, feedback accepted: %s%n", result.modelId(), result.latency().toMillis(),
                    result.costUsd().isPresent() ? String.format("$%.6f", result.costUsd().getAsDouble()) : "unknown",
                    result.feedback().map(f -> String.valueOf(f.accepted())).orElse("not sent"));
        }
    }
}
