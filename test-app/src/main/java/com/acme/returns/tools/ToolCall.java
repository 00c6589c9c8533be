package com.acme.returns.tools;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tool invocation requested by the model. */
public final class ToolCall {

  private final String id;
  private final String toolName;
  private final Map<String, Object> arguments;

  public ToolCall(String id, String toolName, Map<String, Object> arguments) {
    this.id = id;
    this.toolName = toolName;
    this.arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
  }

  /** The model's id of the call, e.g. "call_4fGh...". */
  public String getId() {
    return id;
  }

  public String getToolName() {
    return toolName;
  }

  public Map<String, Object> getArguments() {
    return arguments;
  }

  public String requireString(String key) {
    Object value = arguments.get(key);
    if (!(value instanceof String) || ((String) value).isEmpty()) {
      throw new IllegalArgumentException(toolName + ": missing argument '" + key + "'");
    }
    return (String) value;
  }

  public String optionalString(String key, String fallback) {
    Object value = arguments.get(key);
    return value instanceof String ? (String) value : fallback;
  }

  /** A nested object argument, or an empty map. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> optionalMap(String key) {
    Object value = arguments.get(key);
    return value instanceof Map ? (Map<String, Object>) value : Map.of();
  }

  @Override
  public String toString() {
    return toolName + arguments;
  }
}
