package com.acme.returns.tools;

import com.acme.returns.support.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a tool call produced, as data and as the JSON text the model reads. */
public final class ToolResult {

  private final String toolCallId;
  private final String toolName;
  private final boolean error;
  private final Map<String, Object> data;

  private ToolResult(ToolCall call, boolean error, Map<String, Object> data) {
    this.toolCallId = call.getId();
    this.toolName = call.getToolName();
    this.error = error;
    this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  public static ToolResult ok(ToolCall call, Map<String, Object> data) {
    return new ToolResult(call, false, data);
  }

  public static ToolResult error(ToolCall call, Throwable failure) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("error", failure.getClass().getSimpleName());
    data.put("message", String.valueOf(failure.getMessage()));
    return new ToolResult(call, true, data);
  }

  public String getToolCallId() {
    return toolCallId;
  }

  public String getToolName() {
    return toolName;
  }

  public boolean isError() {
    return error;
  }

  public Map<String, Object> getData() {
    return data;
  }

  public String getContent() {
    return Json.render(data);
  }

  @Override
  public String toString() {
    return toolName + (error ? " failed: " : ": ") + getContent();
  }
}
