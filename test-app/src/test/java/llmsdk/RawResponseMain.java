package llmsdk;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/**
 * The raw-response calls of openai-java and anthropic-java against {@link ProviderStub}
 * ({@code withRawResponse()}, for the HTTP status and headers): a chat completion and a message,
 * answered and streamed, each response parsed as applications do. Like {@link SdkMain}, it runs on
 * test-app's SDK versions and on the oldest and newest supported ones, and prints what the SDKs returned.
 */
public final class RawResponseMain {
  private RawResponseMain() {}

  public static void main(String[] args) throws Exception {
    try (ProviderStub stub = new ProviderStub()) {
      OpenAIClient openai = OpenAIOkHttpClient.builder().apiKey("sk-test").baseUrl(stub.baseUrl()).build();
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

      AnthropicClient anthropic =
          AnthropicOkHttpClient.builder().apiKey("sk-ant-test").baseUrl(stub.baseUrl().replace("/v1", "")).build();
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
      System.out.println("model requests: " + stub.requests());
      System.out.println("done");
      // the SDKs' OkHttp threads are not daemons: the app ends the way real apps do
      System.exit(0);
    }
  }
}
