package com.acme.returns.llm;

import com.acme.returns.support.Json;
import com.acme.returns.tools.ToolCall;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/** The app's chat request and response as LangChain4j's chat types (its OpenAI model). */
final class LangChainMapping {

  private static final JsonObjectSchema ANY_OBJECT = JsonObjectSchema.builder().build();

  private LangChainMapping() {}

  static dev.langchain4j.model.chat.request.ChatRequest request(ChatRequest request) {
    List<ToolSpecification> tools = new ArrayList<>();
    for (String tool : request.getTools()) {
      tools.add(ToolSpecification.builder().name(tool).parameters(ANY_OBJECT).build());
    }
    List<ChatMessage> messages = new ArrayList<>();
    for (Message message : request.getMessages()) {
      messages.add(switch (message.getRole()) {
        case SYSTEM -> SystemMessage.from(message.getContent());
        case USER -> UserMessage.from(message.getContent());
        case ASSISTANT -> assistant(message);
        case TOOL -> ToolExecutionResultMessage.from(message.getToolCallId(), message.getToolName(),
            message.getContent());
      });
    }
    return dev.langchain4j.model.chat.request.ChatRequest.builder()
        .messages(messages)
        .parameters(OpenAiChatRequestParameters.builder()
            .modelName(request.getModel())
            .maxCompletionTokens(request.getMaxTokens())
            .temperature(request.getTemperature())
            .seed((int) request.getSeed())
            .toolSpecifications(tools)
            .build())
        .build();
  }

  private static AiMessage assistant(Message message) {
    List<ToolExecutionRequest> calls = new ArrayList<>();
    for (ToolCall call : message.getToolCalls()) {
      calls.add(ToolExecutionRequest.builder().id(call.getId()).name(call.getToolName())
          .arguments(Json.render(call.getArguments())).build());
    }
    String text = message.getContent() == null || message.getContent().isEmpty() ? null : message.getContent();
    return calls.isEmpty() ? AiMessage.from(text) : AiMessage.from(text, calls);
  }

  static ChatResponse response(dev.langchain4j.model.chat.response.ChatResponse response) {
    AiMessage answer = response.aiMessage();
    List<ToolCall> calls = new ArrayList<>();
    if (answer.hasToolExecutionRequests()) {
      for (ToolExecutionRequest call : answer.toolExecutionRequests()) {
        calls.add(new ToolCall(call.id(), call.name(), OpenAiMapping.arguments(call.arguments())));
      }
    }
    TokenUsage usage = response.tokenUsage();
    int cached = 0;
    if (usage instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null
        && openAi.inputTokensDetails().cachedTokens() != null) {
      cached = openAi.inputTokensDetails().cachedTokens();
    }
    return new ChatResponse(response.id(), response.modelName(), answer.text() == null ? "" : answer.text(), calls,
        String.valueOf(response.finishReason()), new Usage(usage.inputTokenCount(), usage.outputTokenCount(), cached, 0));
  }
}
