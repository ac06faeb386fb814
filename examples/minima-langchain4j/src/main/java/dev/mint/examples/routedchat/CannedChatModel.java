package dev.mint.examples.routedchat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/**
 * A stand-in for a real provider's chat model, so the example runs without API keys: it answers with a
 * fixed text naming the model and counts tokens as a provider would report them. Replace it with, say,
 * {@code OpenAiChatModel} or {@code AnthropicChatModel} built for the recommended model id.
 */
public final class CannedChatModel implements ChatModel {
    private final String modelId;

    public CannedChatModel(String modelId) {
        this.modelId = modelId;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        String question = request.messages().stream().filter(UserMessage.class::isInstance).map(ChatMessage.class::cast)
                .map(m -> ((UserMessage) m).singleText()).reduce("", (a, b) -> b);
        String answer = "(" + modelId + ") A short answer to: " + question;
        return ChatResponse.builder().aiMessage(AiMessage.from(answer)).modelName(modelId)
                .tokenUsage(new TokenUsage(Math.max(1, question.length() / 4), Math.max(1, answer.length() / 4))).build();
    }
}
