package llmsdk;

import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.support.ToolCallbacks;

/**
 * Spring AI 2.0's models for {@link SpringAiMain}: on openai-java and anthropic-java (the Anthropic
 * base URL stops before /v1), no retries, and the tool loop run by the application, as 2.0's models
 * return the tool calls to their caller.
 */
final class SpringAiModels {
  private SpringAiModels() {}

  static ChatModel openAi(String baseUrl) {
    return openAi(OpenAiChatOptions.builder().baseUrl(baseUrl).model("gpt-4o-mini").temperature(0.2)
        .maxTokens(200).topP(0.9).streamUsage(true));
  }

  static ChatModel anthropic(String baseUrl) {
    return AnthropicChatModel.builder()
        .options(AnthropicChatOptions.builder().baseUrl(baseUrl.substring(0, baseUrl.length() - "/v1".length()))
            .apiKey("sk-ant-test").model("claude-sonnet-4-20250514").maxTokens(512).temperature(0.5)
            .maxRetries(0).build())
        .build();
  }

  static ChatResponse askWithTools(String baseUrl, Object tools, String question) {
    OpenAiChatOptions options =
        OpenAiChatOptions.builder().model("gpt-4o-mini").toolCallbacks(ToolCallbacks.from(tools)).build();
    ChatModel model = openAi(OpenAiChatOptions.builder().baseUrl(baseUrl).model("gpt-4o-mini"));
    ToolCallingManager toolCalls = ToolCallingManager.builder().build();
    Prompt prompt = new Prompt(question, options);
    ChatResponse response = model.call(prompt);
    while (response.hasToolCalls()) {
      prompt = new Prompt(toolCalls.executeToolCalls(prompt, response).conversationHistory(), options);
      response = model.call(prompt);
    }
    return response;
  }

  private static ChatModel openAi(OpenAiChatOptions.Builder options) {
    return OpenAiChatModel.builder().options(options.apiKey("sk-test").maxRetries(0).build()).build();
  }
}
