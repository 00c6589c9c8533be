package com.acme.returns.provider;

import com.acme.returns.llm.ChatRequest;
import com.acme.returns.llm.ChatResponse;
import com.acme.returns.llm.Message;
import com.acme.returns.llm.Usage;
import com.acme.returns.support.Json;
import com.acme.returns.tools.ToolCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** OpenAI's chat completions API, {@code POST /v1/chat/completions}, as JSON and as chunks. */
final class OpenAiWire implements Wire {

  private static final int WORDS_PER_CHUNK = 4;

  @Override
  public ProviderStyle style() {
    return ProviderStyle.OPENAI;
  }

  @Override
  public Call read(JsonNode body, Headers headers) {
    List<Message> messages = new ArrayList<>();
    Map<String, String> toolNames = new HashMap<>();
    for (JsonNode message : body.path("messages")) {
      String content = WireJson.text(message.path("content"));
      switch (message.path("role").asText()) {
        case "system", "developer" -> messages.add(Message.system(content));
        case "user" -> messages.add(Message.user(content));
        case "assistant" -> {
          List<ToolCall> calls = toolCalls(message.path("tool_calls"));
          calls.forEach(call -> toolNames.put(call.getId(), call.getToolName()));
          messages.add(Message.assistant(content, calls));
        }
        case "tool" -> {
          String id = message.path("tool_call_id").asText();
          // a tool message has no error flag: the model reads the failure from the content
          boolean error = WireJson.parse(content).has("error");
          messages.add(Message.toolResult(id, toolNames.get(id), content, error));
        }
        default -> throw new IllegalArgumentException("unknown role " + message.path("role"));
      }
    }
    ChatRequest request = ChatRequest.builder()
        .model(body.path("model").asText())
        .messages(messages)
        .maxTokens(body.path("max_completion_tokens").asInt(body.path("max_tokens").asInt(4096)))
        .temperature(body.path("temperature").asDouble(1.0))
        .tools(WireJson.names(body.path("tools"), "function", "name"))
        .seed(body.path("seed").asLong())
        .build();
    return new Call(request, body.path("stream").asBoolean(),
        body.path("stream_options").path("include_usage").asBoolean());
  }

  private static List<ToolCall> toolCalls(JsonNode toolCalls) {
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode call : toolCalls) {
      JsonNode function = call.path("function");
      calls.add(new ToolCall(call.path("id").asText(), function.path("name").asText(),
          WireJson.toMap(WireJson.parse(function.path("arguments").asText()))));
    }
    return calls;
  }

  @Override
  public ObjectNode response(ChatResponse response) {
    ObjectNode completion = header(response, "chat.completion");
    ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
    ObjectNode message = choice.putObject("message").put("role", "assistant")
        .put("content", response.getContent());
    message.putNull("refusal");
    ArrayNode calls = message.putArray("tool_calls");
    for (ToolCall call : response.getToolCalls()) {
      ObjectNode toolCall = calls.addObject().put("id", call.getId()).put("type", "function");
      toolCall.putObject("function").put("name", call.getToolName())
          .put("arguments", Json.render(call.getArguments()));
    }
    if (calls.isEmpty()) {
      message.remove("tool_calls");
    }
    choice.put("finish_reason", response.getFinishReason()).putNull("logprobs");
    completion.set("usage", usage(response.getUsage()));
    return completion;
  }

  /**
   * The text a few words a chunk, each tool call as its id and name then its arguments, the finish
   * reason, the usage (only when the request set {@code stream_options.include_usage}) and
   * {@code [DONE]}.
   */
  @Override
  public List<String> events(ChatResponse response, Call call) {
    List<ObjectNode> chunks = new ArrayList<>();
    List<String> pieces = pieces(response.getContent());
    for (int i = 0; i < pieces.size(); i++) {
      ObjectNode delta = WireJson.object().put("content", pieces.get(i));
      chunks.add(chunk(response, i == 0 ? delta.put("role", "assistant") : delta, null));
    }
    List<ToolCall> calls = response.getToolCalls();
    for (int i = 0; i < calls.size(); i++) {
      ObjectNode opening = WireJson.object();
      opening.putArray("tool_calls").addObject().put("index", i).put("id", calls.get(i).getId())
          .put("type", "function").putObject("function")
          .put("name", calls.get(i).getToolName()).put("arguments", "");
      chunks.add(chunk(response, opening, null));
      ObjectNode arguments = WireJson.object();
      arguments.putArray("tool_calls").addObject().put("index", i).putObject("function")
          .put("arguments", Json.render(calls.get(i).getArguments()));
      chunks.add(chunk(response, arguments, null));
    }
    chunks.add(chunk(response, WireJson.object(), response.getFinishReason()));
    if (call.includeUsage()) {
      ObjectNode last = header(response, "chat.completion.chunk");
      last.putArray("choices");
      chunks.add(last.set("usage", usage(response.getUsage())));
    }
    List<String> events = new ArrayList<>();
    chunks.forEach(chunk -> events.add("data: " + chunk));
    events.add("data: [DONE]");
    return events;
  }

  /** {@code {"error": {"message", "type", "param", "code"}}}. */
  @Override
  public ObjectNode error(int status, String message) {
    ObjectNode body = WireJson.object();
    ObjectNode error = body.putObject("error").put("message", message)
        .put("type", status == 429 ? "requests" : status == 400 ? "invalid_request_error"
            : "server_error");
    error.putNull("param");
    error.put("code", status == 429 ? "rate_limit_exceeded" : null);
    return body;
  }

  private static ObjectNode header(ChatResponse response, String object) {
    return WireJson.object().put("id", response.getId()).put("object", object)
        .put("created", System.currentTimeMillis() / 1000).put("model", response.getModel());
  }

  private static ObjectNode chunk(ChatResponse response, ObjectNode delta, String finishReason) {
    ObjectNode chunk = header(response, "chat.completion.chunk");
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    choice.put("finish_reason", finishReason);
    return chunk;
  }

  /** Prompt tokens include the cached ones; completions report no reasoning here. */
  private static ObjectNode usage(Usage usage) {
    ObjectNode json = WireJson.object().put("prompt_tokens", usage.getInputTokens())
        .put("completion_tokens", usage.getOutputTokens())
        .put("total_tokens", usage.getTotalTokens());
    json.putObject("prompt_tokens_details").put("cached_tokens", usage.getCacheReadTokens());
    json.putObject("completion_tokens_details").put("reasoning_tokens", 0);
    return json;
  }

  private static List<String> pieces(String text) {
    List<String> pieces = new ArrayList<>();
    String[] words = text.split("(?<= )");
    for (int i = 0; i < words.length; i += WORDS_PER_CHUNK) {
      pieces.add(String.join("", List.of(words).subList(i,
          Math.min(words.length, i + WORDS_PER_CHUNK))));
    }
    return pieces;
  }
}
