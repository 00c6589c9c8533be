package llmsdk;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An application of LangChain4j (its own OpenAI and Anthropic clients, not the providers' SDKs),
 * against {@link ProviderStub}: a chat call and a streamed chat call to each provider (the streamed
 * answer reaches a handler on LangChain4j's HTTP client thread), then an AI service whose model calls
 * its one tool twice (once for an order that does not exist, so the tool throws) before it answers.
 * It prints what LangChain4j returned, so a run with the agent must print exactly the same.
 */
public final class LangChainMain {
  /** The AI service: LangChain4j implements it. */
  public interface OrderAssistant {
    String answer(String question);
  }

  /** The AI service's tool. */
  public static final class OrderTools {
    @Tool("The shipping status of an order")
    public String orderStatus(@P(name = "orderId", description = "the order's id") String orderId) {
      if (!orderId.startsWith("A-")) {
        throw new IllegalArgumentException("no order " + orderId);
      }
      return "order " + orderId + " has shipped";
    }
  }

  public static void main(String[] args) throws Exception {
    try (ProviderStub stub = new ProviderStub()) {
      ChatModel openai = OpenAiChatModel.builder().baseUrl(stub.baseUrl()).apiKey("sk-test")
          .modelName("gpt-4o-mini").temperature(0.2).maxCompletionTokens(200).build();
      print("openai chat", openai.chat(UserMessage.from("Where is my order?")));

      ChatModel anthropic = AnthropicChatModel.builder().baseUrl(stub.baseUrl()).apiKey("sk-ant-test")
          .modelName("claude-sonnet-4-20250514").maxTokens(512).build();
      print("anthropic chat", anthropic.chat(UserMessage.from("Is this order eligible?")));

      print("openai stream", stream(OpenAiStreamingChatModel.builder().baseUrl(stub.baseUrl()).apiKey("sk-test")
          .modelName("gpt-4o-mini").build(), "Where is my order?"));
      print("anthropic stream", stream(AnthropicStreamingChatModel.builder().baseUrl(stub.baseUrl())
          .apiKey("sk-ant-test").modelName("claude-sonnet-4-20250514").maxTokens(512).build(), "Refund?"));

      OrderAssistant assistant = AiServices.builder(OrderAssistant.class)
          .chatModel(OpenAiChatModel.builder().baseUrl(stub.toolsBaseUrl()).apiKey("sk-test")
              .modelName("gpt-4o-mini").build())
          .tools(new OrderTools())
          .build();
      System.out.println("assistant: " + assistant.answer("Where are my orders A-17 and Z-9?"));
      System.out.println("model requests: " + stub.requests());
      System.out.println("done");
    }
  }

  /** Asks {@code model}, waits for the streamed answer and says how many pieces it came in. */
  private static ChatResponse stream(StreamingChatModel model, String question) throws Exception {
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    StringBuilder pieces = new StringBuilder();
    model.chat(question, new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String partial) {
        pieces.append('[').append(partial).append(']');
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    });
    ChatResponse response = done.get(30, TimeUnit.SECONDS);
    System.out.println("streamed in pieces " + pieces);
    return response;
  }

  private static void print(String call, ChatResponse response) {
    System.out.println(call + ": " + response.aiMessage().text() + ", " + response.modelName() + ", "
        + response.tokenUsage().inputTokenCount() + " in, " + response.tokenUsage().outputTokenCount() + " out");
  }
}
