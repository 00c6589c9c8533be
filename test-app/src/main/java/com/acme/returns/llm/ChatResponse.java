package com.acme.returns.llm;

import com.acme.returns.tools.ToolCall;
import java.util.List;

/** A model's answer: text, tool calls, or both. */
public final class ChatResponse {

  private final String id;
  private final String model;
  private final String content;
  private final List<ToolCall> toolCalls;
  private final String finishReason;
  private final Usage usage;

  public ChatResponse(String id, String model, String content, List<ToolCall> toolCalls,
      String finishReason, Usage usage) {
    this.id = id;
    this.model = model;
    this.content = content;
    this.toolCalls = List.copyOf(toolCalls);
    this.finishReason = finishReason;
    this.usage = usage;
  }

  /** The provider's response id ("chatcmpl-..." or "msg_01..."). */
  public String getId() {
    return id;
  }

  /** The exact model that answered, e.g. "gpt-4o-mini-2024-07-18" for "gpt-4o-mini". */
  public String getModel() {
    return model;
  }

  public String getContent() {
    return content;
  }

  public List<ToolCall> getToolCalls() {
    return toolCalls;
  }

  /** "tool_calls"/"stop" (OpenAI) or "tool_use"/"end_turn" (Anthropic). */
  public String getFinishReason() {
    return finishReason;
  }

  public Usage getUsage() {
    return usage;
  }
}
