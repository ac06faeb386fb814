package dev.mint.examples.routedchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.mint.minima.client.MinimaClient;
import dev.mint.minima.client.RecommendOptions;
import dev.mint.minima.client.RoutedResult;
import dev.mint.server.test.TestPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example against a real platform hosting Minima: one call routes, answers and reports. */
class RoutedChatTest {
    @Test
    void aQuestionIsRoutedAnsweredAndReported() {
        try (TestPlatform platform = TestPlatform.start()) {
            platform.createUser("app", "member");
            String key = platform.http().post("/api/users/me/tokens", platform.login("app", "app-password"),
                    Map.of("name", "app", "kind", "minima")).json().get("token").asText();
            try (MinimaClient minima = MinimaClient.create(platform.baseUrl() + "/api/minima", key)) {
                RoutedChat chat = new RoutedChat(minima, CannedChatModel::new, "gpt-4o-mini",
                        RecommendOptions.builder().namespace("example").build());

                RoutedResult<ChatResponse> result = chat.ask("Translate 'good night' into Spanish.", response -> 0.85);

                assertFalse(result.fellBack());
                assertTrue(result.value().aiMessage().text().startsWith("(" + result.modelId() + ")"));
                assertTrue(result.costUsd().isPresent(), "priced from the catalog with the provider's token counts");
                assertTrue(result.feedback().orElseThrow().accepted());
                JsonNode savings = platform.http().get("/api/minima/v1/savings?namespace=example", key).json();
                assertEquals(1, savings.get("summary").get("realized").get("n_reconciled").asInt());
            }
        }
    }
}
