package llmsdk;

import java.util.stream.Collectors;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.annotation.Tool;
import reactor.core.publisher.Flux;

/**
 * An application of Spring AI's OpenAI and Anthropic chat models against {@link ProviderStub}: a chat
 * call to each provider, a question whose answer needs one tool called twice (once for an order that
 * does not exist, so the tool throws), a rate-limited call, a streamed one to each provider and a stream
 * never subscribed to (which sends nothing). It is built once per
 * Spring AI version, with that version's {@link SpringAiModels} (how models are built and tool calls
 * run differ between 1.1 and 2.0). It prints what Spring AI returned, so a run with the agent must
 * print exactly the same.
 */
public final class SpringAiMain {
  /** The tool the model asks for. */
  public static final class OrderTools {
    @Tool(description = "The shipping status of an order")
    public String orderStatus(String orderId) {
      if (!orderId.startsWith("A-")) {
        throw new IllegalArgumentException("no order " + orderId);
      }
      return "order " + orderId + " has shipped";
    }
  }

  public static void main(String[] args) throws Exception {
    try (ProviderStub stub = new ProviderStub()) {
      print("openai chat", SpringAiModels.openAi(stub.baseUrl()).call(new Prompt("Where is my order?")));
      print("anthropic chat", SpringAiModels.anthropic(stub.baseUrl()).call(new Prompt("Is this order eligible?")));
      print("tools", SpringAiModels.askWithTools(stub.toolsBaseUrl(), new OrderTools(),
          "Where are my orders A-17 and Z-9?"));
      try {
        SpringAiModels.openAi(stub.rateLimitedBaseUrl()).call(new Prompt("Hello?"));
        System.out.println("rate limited: not refused");
      } catch (RuntimeException e) {
        System.out.println("rate limited: " + e.getClass().getName());
      }
      System.out.println("openai streamed: " + text(SpringAiModels.openAi(stub.baseUrl()).stream(new Prompt("Stream it"))));
      System.out.println("anthropic streamed: "
          + text(SpringAiModels.anthropic(stub.baseUrl()).stream(new Prompt("Stream it too"))));
      // a stream built and then not wanted (never subscribed to): nothing is sent
      Flux<ChatResponse> unwanted = SpringAiModels.openAi(stub.baseUrl()).stream(new Prompt("Never mind"));
      System.out.println("unwanted stream built: " + (unwanted != null));
      System.out.println("model requests: " + stub.requests());
      System.out.println("done");
      // OkHttp's threads (Spring AI 2.0) are not daemons: the app ends the way real apps do
      System.exit(0);
    }
  }

  /** The text of a streamed answer: the stream is read when {@code block} subscribes. */
  private static String text(Flux<ChatResponse> chunks) {
    return chunks.mapNotNull(chunk -> chunk.getResult() == null ? null : chunk.getResult().getOutput().getText())
        .collect(Collectors.joining()).block();
  }

  private static void print(String call, ChatResponse response) {
    Usage usage = response.getMetadata().getUsage();
    System.out.println(call + ": " + response.getResult().getOutput().getText() + ", "
        + response.getMetadata().getModel() + ", " + usage.getPromptTokens() + " in, "
        + usage.getCompletionTokens() + " out");
  }
}
