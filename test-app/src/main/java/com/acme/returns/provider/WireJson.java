package com.acme.returns.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON both wire formats share: text that is a string or a list of text parts, tool names. */
final class WireJson {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT =
      new TypeReference<>() {};

  private WireJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** {@code "text"} or {@code [{"type": "text", "text": "..."}, ...]}; other parts are skipped. */
  static String text(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      if ("text".equals(part.path("type").asText())) {
        text.append(part.path("text").asText());
      }
    }
    return text.toString();
  }

  /** The name at {@code path} in each element of {@code tools}. */
  static List<String> names(JsonNode tools, String... path) {
    List<String> names = new ArrayList<>();
    for (JsonNode tool : tools) {
      JsonNode name = tool;
      for (String step : path) {
        name = name.path(step);
      }
      names.add(name.asText());
    }
    return names;
  }

  static Map<String, Object> toMap(JsonNode object) {
    return MAPPER.convertValue(object, OBJECT);
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
  }
}
