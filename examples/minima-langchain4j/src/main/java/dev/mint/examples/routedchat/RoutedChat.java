package dev.mint.examples.routedchat;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.mint.minima.client.Judge;
import dev.mint.minima.client.MinimaClient;
import dev.mint.minima.client.MinimaRouter;
import dev.mint.minima.client.RecommendOptions;
import dev.mint.minima.client.RoutedResult;
import dev.mint.minima.client.Usage;
import dev.mint.minima.client.model.TaskInput;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks a question of whichever LangChain4j chat model Minima recommends, and reports back how it went: the
 * tokens the provider counted, the latency, and the score a judge gives the answer. One call per question;
 * if Minima cannot be reached the default model answers and nothing is reported.
 */
public final class RoutedChat {
    private final MinimaRouter router;
    private final Function<String, ChatModel> models;
    private final RecommendOptions options;

    /**
     * @param models the chat model for a model id, e.g. {@code id -> OpenAiChatModel.builder().apiKey(key).modelName(id).build()}
     */
    public RoutedChat(MinimaClient minima, Function<String, ChatModel> models, String defaultModel, RecommendOptions options) {
        this.router = MinimaRouter.builder(minima).defaultModel(defaultModel).build();
        this.models = models;
        this.options = options;
    }

    public RoutedResult<ChatResponse> ask(String question, Judge<ChatResponse> judge) {
        return router.route(TaskInput.of(question), options,
                modelId -> models.apply(modelId).chat(ChatRequest.builder().messages(UserMessage.from(question)).build()),
                RoutedChat::usage, judge);
    }

    private static Optional<Usage> usage(ChatResponse response) {
        TokenUsage tokens = response.tokenUsage();
        if (tokens == null || tokens.inputTokenCount() == null || tokens.outputTokenCount() == null) {
            return Optional.empty();
        }
        return Optional.of(Usage.of(tokens.inputTokenCount(), tokens.outputTokenCount()));
    }
}
