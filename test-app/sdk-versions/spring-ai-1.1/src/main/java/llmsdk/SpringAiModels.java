package llmsdk;

import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.anthropic.api.AnthropicApi;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.retry.support.RetryTemplate;

/**
 * Spring AI 1.1's models for {@link SpringAiMain}: its own HTTP clients (OpenAiApi, AnthropicApi, whose
 * base URLs stop before /v1), one attempt per call, and the tool loop run inside the model's call.
 */
final class SpringAiModels {
  private SpringAiModels() {}

  static ChatModel openAi(String baseUrl) {
    return openAi(baseUrl, OpenAiChatOptions.builder().model("gpt-4o-mini").temperature(0.2).maxTokens(200)
        .topP(0.9).streamUsage(true).build());
  }

  static ChatModel anthropic(String baseUrl) {
    return AnthropicChatModel.builder()
        .anthropicApi(AnthropicApi.builder().baseUrl(root(baseUrl)).apiKey("sk-ant-test").build())
        .defaultOptions(AnthropicChatOptions.builder().model("claude-sonnet-4-20250514").maxTokens(512)
            .temperature(0.5).build())
        .retryTemplate(oneAttempt())
        .build();
  }

  static ChatResponse askWithTools(String baseUrl, Object tools, String question) {
    ChatModel model = openAi(baseUrl,
        OpenAiChatOptions.builder().model("gpt-4o-mini").toolCallbacks(ToolCallbacks.from(tools)).build());
    return model.call(new Prompt(question));
  }

  private static ChatModel openAi(String baseUrl, OpenAiChatOptions options) {
    return OpenAiChatModel.builder()
        .openAiApi(OpenAiApi.builder().baseUrl(root(baseUrl)).apiKey("sk-test").build())
        .defaultOptions(options)
        .retryTemplate(oneAttempt())
        .build();
  }

  private static RetryTemplate oneAttempt() {
    return RetryTemplate.builder().maxAttempts(1).build();
  }

  private static String root(String baseUrl) {
    return baseUrl.substring(0, baseUrl.length() - "/v1".length());
  }
}
