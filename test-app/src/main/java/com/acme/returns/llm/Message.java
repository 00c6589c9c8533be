package com.acme.returns.llm;

import com.acme.returns.tools.ToolCall;
import com.acme.returns.tools.ToolResult;
import java.util.List;

/** One message of a chat: system prompt, user text, model turn (maybe with tool calls), tool result. */
public final class Message {

  /** Who wrote the message. */
  public enum Role { SYSTEM, USER, ASSISTANT, TOOL }

  private final Role role;
  private final String content;
  private final List<ToolCall> toolCalls;
  private final String toolCallId;
  private final String toolName;
  private final boolean error;

  private Message(Role role, String content, List<ToolCall> toolCalls, String toolCallId,
      String toolName, boolean error) {
    this.role = role;
    this.content = content;
    this.toolCalls = List.copyOf(toolCalls);
    this.toolCallId = toolCallId;
    this.toolName = toolName;
    this.error = error;
  }

  public static Message system(String content) {
    return new Message(Role.SYSTEM, content, List.of(), null, null, false);
  }

  public static Message user(String content) {
    return new Message(Role.USER, content, List.of(), null, null, false);
  }

  public static Message assistant(String content, List<ToolCall> toolCalls) {
    return new Message(Role.ASSISTANT, content, toolCalls, null, null, false);
  }

  public static Message tool(ToolResult result) {
    return toolResult(result.getToolCallId(), result.getToolName(), result.getContent(),
        result.isError());
  }

  /** A tool result as it arrives over the wire: the answer to the call {@code toolCallId}. */
  public static Message toolResult(String toolCallId, String toolName, String content,
      boolean error) {
    return new Message(Role.TOOL, content, List.of(), toolCallId, toolName, error);
  }

  public Role getRole() {
    return role;
  }

  public String getContent() {
    return content;
  }

  /** The tools an assistant message asks for; empty otherwise. */
  public List<ToolCall> getToolCalls() {
    return toolCalls;
  }

  /** For tool results: the id of the call answered. */
  public String getToolCallId() {
    return toolCallId;
  }

  /** For tool results: the tool's name. */
  public String getToolName() {
    return toolName;
  }

  /** For tool results: whether the tool failed. */
  public boolean isError() {
    return error;
  }
}
