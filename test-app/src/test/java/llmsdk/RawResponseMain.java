package llmsdk;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageTokensCount;
import com.anthropic.models.messages.Model;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.embeddings.EmbeddingModel;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;

/**
 * The raw-response calls of openai-java and anthropic-java against {@link ProviderStub}
 * ({@code withRawResponse()}, for the HTTP status and headers), sync and async (the async ones give a
 * {@code CompletableFuture} of the response): chat completions, responses, embeddings, messages and
 * token counts, answered and streamed, each response parsed as applications do. Like {@link SdkMain},
 * it runs on test-app's SDK versions and on the oldest and newest supported ones, and prints what the
 * SDKs returned.
 */
public final class RawResponseMain {
  private RawResponseMain() {}

  public static void main(String[] args) throws Exception {
    try (ProviderStub stub = new ProviderStub()) {
      openai(OpenAIOkHttpClient.builder().apiKey("sk-test").baseUrl(stub.baseUrl()).build());
      anthropic(AnthropicOkHttpClient.builder().apiKey("sk-ant-test").baseUrl(stub.baseUrl().replace("/v1", "")).build());
      System.out.println("model requests: " + stub.requests());
      System.out.println("done");
      // the SDKs' OkHttp threads are not daemons: the app ends the way real apps do
      System.exit(0);
    }
  }

  private static void openai(OpenAIClient openai) {
    ChatCompletionCreateParams chat = ChatCompletionCreateParams.builder().model(ChatModel.GPT_4O_MINI)
        .addUserMessage("Where is my order?").maxCompletionTokens(200).build();
    try (com.openai.core.http.HttpResponseFor<ChatCompletion> raw =
        openai.chat().completions().withRawResponse().create(chat)) {
      System.out.println("raw chat: " + raw.statusCode() + ", " + raw.parse().usage().orElseThrow().totalTokens());
    }
    try (com.openai.core.http.HttpResponseFor<com.openai.core.http.StreamResponse<ChatCompletionChunk>> raw =
            openai.chat().completions().withRawResponse().createStreaming(chat);
        com.openai.core.http.StreamResponse<ChatCompletionChunk> stream = raw.parse()) {
      System.out.println("raw chat stream: " + raw.statusCode() + ", " + stream.stream().count() + " chunks");
    }
    try (com.openai.core.http.HttpResponseFor<ChatCompletion> raw =
        openai.async().chat().completions().withRawResponse().create(chat).join()) {
      System.out.println("raw async chat: " + raw.statusCode() + ", " + raw.parse().usage().orElseThrow().totalTokens());
    }
    try (com.openai.core.http.HttpResponseFor<com.openai.core.http.StreamResponse<ChatCompletionChunk>> raw =
            openai.async().chat().completions().withRawResponse().createStreaming(chat).join();
        com.openai.core.http.StreamResponse<ChatCompletionChunk> stream = raw.parse()) {
      System.out.println("raw async chat stream: " + raw.statusCode() + ", " + stream.stream().count() + " chunks");
    }

    ResponseCreateParams summary = ResponseCreateParams.builder().model(ChatModel.GPT_4O).instructions("Be brief")
        .input("Summarise the policy").build();
    try (com.openai.core.http.HttpResponseFor<Response> raw = openai.responses().withRawResponse().create(summary)) {
      System.out.println("raw response: " + raw.statusCode() + ", " + raw.parse().usage().orElseThrow().totalTokens());
    }
    try (com.openai.core.http.HttpResponseFor<Response> raw =
        openai.async().responses().withRawResponse().create(summary).join()) {
      System.out.println("raw async response: " + raw.statusCode() + ", "
          + raw.parse().usage().orElseThrow().totalTokens());
    }
    try (com.openai.core.http.HttpResponseFor<com.openai.core.http.StreamResponse<ResponseStreamEvent>> raw =
            openai.responses().withRawResponse().createStreaming(summary);
        com.openai.core.http.StreamResponse<ResponseStreamEvent> stream = raw.parse()) {
      System.out.println("raw response stream: " + raw.statusCode() + ", " + stream.stream().count() + " events");
    }

    EmbeddingCreateParams embedding = EmbeddingCreateParams.builder()
        .model(EmbeddingModel.TEXT_EMBEDDING_3_SMALL).input("returns policy").build();
    try (com.openai.core.http.HttpResponseFor<CreateEmbeddingResponse> raw =
        openai.embeddings().withRawResponse().create(embedding)) {
      System.out.println("raw embeddings: " + raw.statusCode() + ", " + raw.parse().data().size());
    }
    try (com.openai.core.http.HttpResponseFor<CreateEmbeddingResponse> raw =
        openai.async().embeddings().withRawResponse().create(embedding).join()) {
      System.out.println("raw async embeddings: " + raw.statusCode() + ", " + raw.parse().data().size());
    }
  }

  private static void anthropic(AnthropicClient anthropic) {
    MessageCreateParams message = MessageCreateParams.builder().model(Model.of("claude-sonnet-4-20250514"))
        .maxTokens(512).addUserMessage("Is this order eligible?").build();
    try (com.anthropic.core.http.HttpResponseFor<Message> raw = anthropic.messages().withRawResponse().create(message)) {
      System.out.println("raw message: " + raw.statusCode() + ", " + raw.parse().usage().outputTokens());
    }
    try (com.anthropic.core.http.HttpResponseFor<com.anthropic.core.http.StreamResponse<RawMessageStreamEvent>> raw =
            anthropic.messages().withRawResponse().createStreaming(message);
        com.anthropic.core.http.StreamResponse<RawMessageStreamEvent> stream = raw.parse()) {
      System.out.println("raw message stream: " + raw.statusCode() + ", " + stream.stream().count() + " events");
    }
    try (com.anthropic.core.http.HttpResponseFor<Message> raw =
        anthropic.async().messages().withRawResponse().create(message).join()) {
      System.out.println("raw async message: " + raw.statusCode() + ", " + raw.parse().usage().outputTokens());
    }
    try (com.anthropic.core.http.HttpResponseFor<com.anthropic.core.http.StreamResponse<RawMessageStreamEvent>> raw =
            anthropic.async().messages().withRawResponse().createStreaming(message).join();
        com.anthropic.core.http.StreamResponse<RawMessageStreamEvent> stream = raw.parse()) {
      System.out.println("raw async message stream: " + raw.statusCode() + ", " + stream.stream().count() + " events");
    }

    MessageCountTokensParams count = MessageCountTokensParams.builder().model(Model.of("claude-sonnet-4-20250514"))
        .addUserMessage("Is this order eligible?").build();
    try (com.anthropic.core.http.HttpResponseFor<MessageTokensCount> raw =
        anthropic.messages().withRawResponse().countTokens(count)) {
      System.out.println("raw count tokens: " + raw.statusCode() + ", " + raw.parse().inputTokens());
    }
    try (com.anthropic.core.http.HttpResponseFor<MessageTokensCount> raw =
        anthropic.async().messages().withRawResponse().countTokens(count).join()) {
      System.out.println("raw async count tokens: " + raw.statusCode() + ", " + raw.parse().inputTokens());
    }
  }
}
