package com.acme.returns.provider;

import com.acme.returns.llm.ChatRequest;
import com.acme.returns.llm.ChatResponse;
import com.acme.returns.llm.Message;
import com.acme.returns.llm.Usage;
import com.acme.returns.tools.ToolCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's messages API, {@code POST /v1/messages}, as JSON (the app does not stream from it).
 * The API has no sampling seed: the simulation takes it from the {@value #SEED_HEADER} header.
 */
final class AnthropicWire implements Wire {

  static final String SEED_HEADER = "x-simulation-seed";

  @Override
  public ProviderStyle style() {
    return ProviderStyle.ANTHROPIC;
  }

  @Override
  public Call read(JsonNode body, Headers headers) {
    if (body.path("stream").asBoolean()) {
      throw new IllegalArgumentException("stream: true is not simulated for the messages API");
    }
    List<Message> messages = new ArrayList<>();
    if (body.has("system")) {
      messages.add(Message.system(WireJson.text(body.path("system"))));
    }
    Map<String, String> toolNames = new HashMap<>();
    for (JsonNode message : body.path("messages")) {
      boolean assistant = "assistant".equals(message.path("role").asText());
      JsonNode content = message.path("content");
      if (assistant) {
        List<ToolCall> calls = toolUses(content);
        calls.forEach(call -> toolNames.put(call.getId(), call.getToolName()));
        messages.add(Message.assistant(WireJson.text(content), calls));
      } else if (content.isArray() && "tool_result".equals(content.path(0).path("type").asText())) {
        for (JsonNode result : content) {
          String id = result.path("tool_use_id").asText();
          messages.add(Message.toolResult(id, toolNames.get(id),
              WireJson.text(result.path("content")), result.path("is_error").asBoolean()));
        }
      } else {
        messages.add(Message.user(WireJson.text(content)));
      }
    }
    ChatRequest request = ChatRequest.builder()
        .model(body.path("model").asText())
        .messages(messages)
        .maxTokens(body.path("max_tokens").asInt())
        .temperature(body.path("temperature").asDouble(1.0))
        .tools(WireJson.names(body.path("tools"), "name"))
        .seed(seed(headers))
        .build();
    return new Call(request, false, false);
  }

  private static long seed(Headers headers) {
    String seed = headers.getFirst(SEED_HEADER);
    if (seed == null) {
      throw new IllegalArgumentException("the simulation needs the header " + SEED_HEADER);
    }
    return Long.parseLong(seed);
  }

  private static List<ToolCall> toolUses(JsonNode content) {
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode block : content) {
      if ("tool_use".equals(block.path("type").asText())) {
        calls.add(new ToolCall(block.path("id").asText(), block.path("name").asText(),
            WireJson.toMap(block.path("input"))));
      }
    }
    return calls;
  }

  @Override
  public ObjectNode response(ChatResponse response) {
    ObjectNode message = WireJson.object().put("id", response.getId()).put("type", "message")
        .put("role", "assistant").put("model", response.getModel());
    ArrayNode content = message.putArray("content");
    content.addObject().put("type", "text").put("text", response.getContent());
    for (ToolCall call : response.getToolCalls()) {
      content.addObject().put("type", "tool_use").put("id", call.getId())
          .put("name", call.getToolName())
          .set("input", WireJson.MAPPER.valueToTree(call.getArguments()));
    }
    message.put("stop_reason", response.getFinishReason()).putNull("stop_sequence");
    message.set("usage", usage(response.getUsage()));
    return message;
  }

  @Override
  public List<String> events(ChatResponse response, Call call) {
    throw new UnsupportedOperationException("the messages API is not streamed here");
  }

  /** {@code {"type": "error", "error": {"type", "message"}}}. */
  @Override
  public ObjectNode error(int status, String message) {
    ObjectNode body = WireJson.object().put("type", "error");
    body.putObject("error").put("type", status == 429 ? "rate_limit_error"
        : status == 400 ? "invalid_request_error" : "api_error").put("message", message);
    return body;
  }

  /** Input tokens exclude the cache reads and writes, which are reported beside them. */
  private static ObjectNode usage(Usage usage) {
    return WireJson.object()
        .put("input_tokens", usage.getInputTokens() - usage.getCacheReadTokens()
            - usage.getCacheWriteTokens())
        .put("output_tokens", usage.getOutputTokens())
        .put("cache_read_input_tokens", usage.getCacheReadTokens())
        .put("cache_creation_input_tokens", usage.getCacheWriteTokens());
  }
}
