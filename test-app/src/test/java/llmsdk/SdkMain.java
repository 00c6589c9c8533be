package llmsdk;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.embeddings.EmbeddingModel;
import com.openai.models.responses.ResponseCreateParams;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application of the real OpenAI and Anthropic Java SDKs, against {@link ProviderStub}: each
 * call style once (sync, async, streamed; chat, responses, embeddings, messages, token counting).
 * It prints what the SDKs returned, so a run with the agent must print exactly the same. It is
 * compiled against test-app's SDK versions and also runs on the oldest and newest supported ones
 * (LlmPresetsOldestSdksIT, LlmPresetsNewestSdksIT), so it calls only what all of them have.
 */
public final class SdkMain {
  /** Not Model.CLAUDE_SONNET_4_20250514: anthropic-java 3.x no longer has that constant. */
  private static final Model CLAUDE = Model.of("claude-sonnet-4-20250514");

  public static void main(String[] args) throws Exception {
    try (ProviderStub stub = new ProviderStub()) {
      OpenAIClient openai = OpenAIOkHttpClient.builder().apiKey("sk-test").baseUrl(stub.baseUrl()).build();
      ChatCompletionCreateParams chat = ChatCompletionCreateParams.builder()
          .model(ChatModel.GPT_4O_MINI)
          // a secret in a prompt: ContentCaptureIT checks that captured content never shows it
          .addSystemMessage("You answer for ACME. Orders API: api_key=sk-live-4242")
          .addUserMessage("Where is my order?").maxCompletionTokens(200)
          .temperature(0.2).build();
      System.out.println("chat: " + openai.chat().completions().create(chat).usage().orElseThrow().totalTokens());
      System.out.println("chat async: "
          + openai.async().chat().completions().create(chat).join().usage().orElseThrow().totalTokens());
      try (com.openai.core.http.StreamResponse<ChatCompletionChunk> stream =
          openai.chat().completions().createStreaming(chat)) {
        System.out.println("chat stream chunks: " + stream.stream().count());
      }
      ResponseCreateParams summary =
          ResponseCreateParams.builder().model(ChatModel.GPT_4O).instructions("Be brief")
          .input("Summarise the policy").build();
      AtomicInteger chunks = new AtomicInteger();
      openai.async().chat().completions().createStreaming(chat)
          .subscribe(chunk -> chunks.incrementAndGet()).onCompleteFuture().join();
      System.out.println("chat async stream chunks: " + chunks.get());
      System.out.println("responses: " + openai.responses().create(summary).usage().orElseThrow().totalTokens());
      try (com.openai.core.http.StreamResponse<com.openai.models.responses.ResponseStreamEvent> stream =
          openai.responses().createStreaming(summary)) {
        System.out.println("responses stream events: " + stream.stream().count());
      }
      System.out.println("embeddings: " + openai.embeddings().create(EmbeddingCreateParams.builder()
          .model(EmbeddingModel.TEXT_EMBEDDING_3_SMALL).input("returns policy").build()).data().size());

      AnthropicClient anthropic =
          AnthropicOkHttpClient.builder().apiKey("sk-ant-test").baseUrl(stub.baseUrl().replace("/v1", "")).build();
      MessageCreateParams message = MessageCreateParams.builder()
          .model(CLAUDE).maxTokens(512).system("Answer in one word").addUserMessage("Is this order eligible?")
          // anthropic-java 3.x has no temperature(double), topP or topK: they are sent as extra body properties
          .putAdditionalBodyProperty("temperature", JsonValue.from(0.7))
          .putAdditionalBodyProperty("top_k", JsonValue.from(40))
          .build();
      System.out.println("messages: " + anthropic.messages().create(message).usage().outputTokens());
      System.out.println("messages async: " + anthropic.async().messages().create(message).join().usage().outputTokens());
      try (StreamResponse<RawMessageStreamEvent> stream = anthropic.messages().createStreaming(message)) {
        System.out.println("messages stream events: " + stream.stream().count());
      }
      AtomicInteger events = new AtomicInteger();
      anthropic.async().messages().createStreaming(message)
          .subscribe(event -> events.incrementAndGet()).onCompleteFuture().join();
      System.out.println("messages async stream events: " + events.get());
      System.out.println("count tokens: " + anthropic.messages().countTokens(MessageCountTokensParams.builder()
          .model(CLAUDE).addUserMessage("Is this order eligible?").build()).inputTokens());
      System.out.println("done");
      // the SDKs' OkHttp threads are not daemons: the app ends the way real apps do
      System.exit(0);
    }
  }
}
