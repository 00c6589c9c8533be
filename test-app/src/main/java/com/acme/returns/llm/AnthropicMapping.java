package com.acme.returns.llm;

import com.acme.returns.tools.ToolCall;
import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The app's chat request and response as anthropic-java's message types: the system prompt (marked
 * for the prompt cache) beside the messages, tool results as blocks of one user turn.
 */
final class AnthropicMapping {

  /** The messages API has no sampling seed: the simulated API reads it from this header. */
  static final String SEED_HEADER = "x-simulation-seed";

  private AnthropicMapping() {}

  static MessageCreateParams params(ChatRequest request) {
    MessageCreateParams.Builder params = MessageCreateParams.builder()
        .model(request.getModel())
        .maxTokens(request.getMaxTokens())
        .temperature(request.getTemperature())
        .putAdditionalHeader(SEED_HEADER, Long.toString(request.getSeed()));
    for (String tool : request.getTools()) {
      params.addTool(Tool.builder().name(tool).inputSchema(Tool.InputSchema.builder().build())
          .build());
    }
    List<ContentBlockParam> toolResults = new ArrayList<>();
    for (Message message : request.getMessages()) {
      if (message.getRole() != Message.Role.TOOL && !toolResults.isEmpty()) {
        params.addUserMessageOfBlockParams(toolResults);
        toolResults = new ArrayList<>();
      }
      switch (message.getRole()) {
        case SYSTEM -> params.systemOfTextBlockParams(List.of(TextBlockParam.builder()
            .text(message.getContent()).cacheControl(CacheControlEphemeral.builder().build())
            .build()));
        case USER -> params.addUserMessage(message.getContent());
        case ASSISTANT -> params.addAssistantMessageOfBlockParams(assistant(message));
        case TOOL -> toolResults.add(ContentBlockParam.ofToolResult(ToolResultBlockParam.builder()
            .toolUseId(message.getToolCallId()).content(message.getContent())
            .isError(message.isError()).build()));
      }
    }
    if (!toolResults.isEmpty()) {
      params.addUserMessageOfBlockParams(toolResults);
    }
    return params.build();
  }

  private static List<ContentBlockParam> assistant(Message message) {
    List<ContentBlockParam> blocks = new ArrayList<>();
    blocks.add(ContentBlockParam.ofText(TextBlockParam.builder().text(message.getContent())
        .build()));
    for (ToolCall call : message.getToolCalls()) {
      ToolUseBlockParam.Input.Builder input = ToolUseBlockParam.Input.builder();
      call.getArguments().forEach((name, value) ->
          input.putAdditionalProperty(name, JsonValue.from(value)));
      blocks.add(ContentBlockParam.ofToolUse(ToolUseBlockParam.builder().id(call.getId())
          .name(call.getToolName()).input(input.build()).build()));
    }
    return blocks;
  }

  /** Input tokens as the GenAI conventions count them: cache reads and writes included. */
  static ChatResponse response(com.anthropic.models.messages.Message message) {
    StringBuilder text = new StringBuilder();
    List<ToolCall> calls = new ArrayList<>();
    for (ContentBlock block : message.content()) {
      block.text().ifPresent(t -> text.append(t.text()));
      block.toolUse().ifPresent(use -> calls.add(new ToolCall(use.id(), use.name(),
          use._input().convert(new TypeReference<LinkedHashMap<String, Object>>() {}))));
    }
    com.anthropic.models.messages.Usage usage = message.usage();
    long cacheReads = usage.cacheReadInputTokens().orElse(0L);
    long cacheWrites = usage.cacheCreationInputTokens().orElse(0L);
    return new ChatResponse(message.id(), message.model().asString(), text.toString(), calls,
        message.stopReason().map(StopReason::asString).orElse(""),
        new Usage((int) (usage.inputTokens() + cacheReads + cacheWrites),
            (int) usage.outputTokens(), (int) cacheReads, (int) cacheWrites));
  }
}
