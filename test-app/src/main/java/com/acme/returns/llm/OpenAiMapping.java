package com.acme.returns.llm;

import com.acme.returns.support.Json;
import com.acme.returns.tools.ToolCall;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.completions.CompletionUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The app's chat request and response as openai-java's chat completion types. */
final class OpenAiMapping {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FunctionParameters ANY_OBJECT = FunctionParameters.builder()
      .putAdditionalProperty("type", JsonValue.from("object")).build();

  private OpenAiMapping() {}

  /** With {@code stream}, asks for the usage in the last chunk. */
  static ChatCompletionCreateParams params(ChatRequest request, boolean stream) {
    ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
        .model(request.getModel())
        .maxCompletionTokens(request.getMaxTokens())
        .temperature(request.getTemperature())
        .seed(request.getSeed());
    for (String tool : request.getTools()) {
      params.addFunctionTool(FunctionDefinition.builder().name(tool).parameters(ANY_OBJECT)
          .build());
    }
    for (Message message : request.getMessages()) {
      switch (message.getRole()) {
        case SYSTEM -> params.addSystemMessage(message.getContent());
        case USER -> params.addUserMessage(message.getContent());
        case ASSISTANT -> params.addMessage(assistant(message));
        case TOOL -> params.addMessage(ChatCompletionToolMessageParam.builder()
            .toolCallId(message.getToolCallId()).content(message.getContent()).build());
      }
    }
    if (stream) {
      params.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
    }
    return params.build();
  }

  private static ChatCompletionAssistantMessageParam assistant(Message message) {
    ChatCompletionAssistantMessageParam.Builder assistant =
        ChatCompletionAssistantMessageParam.builder().content(message.getContent());
    for (ToolCall call : message.getToolCalls()) {
      assistant.addToolCall(ChatCompletionMessageFunctionToolCall.builder()
          .id(call.getId())
          .function(ChatCompletionMessageFunctionToolCall.Function.builder()
              .name(call.getToolName()).arguments(Json.render(call.getArguments())).build())
          .build());
    }
    return assistant.build();
  }

  static ChatResponse response(ChatCompletion completion) {
    ChatCompletion.Choice choice = completion.choices().get(0);
    List<ToolCall> calls = new ArrayList<>();
    for (ChatCompletionMessageToolCall call : choice.message().toolCalls().orElse(List.of())) {
      ChatCompletionMessageFunctionToolCall function = call.asFunction();
      calls.add(new ToolCall(function.id(), function.function().name(),
          arguments(function.function().arguments())));
    }
    CompletionUsage usage = completion.usage().orElseThrow();
    long cached = usage.promptTokensDetails().flatMap(d -> d.cachedTokens()).orElse(0L);
    return new ChatResponse(completion.id(), completion.model(),
        choice.message().content().orElse(""), calls, choice.finishReason().asString(),
        new Usage((int) usage.promptTokens(), (int) usage.completionTokens(), (int) cached, 0));
  }

  /** The JSON object of a tool call's arguments, as the model sent it. */
  static Map<String, Object> arguments(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the model sent arguments that are not JSON: " + json, e);
    }
  }
}
