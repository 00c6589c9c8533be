package dev.perfagent.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the OTLP JSON-lines file (the Collector file receiver's format): one
 * {@code {"resourceSpans":[...]}} object per line, ids in hex, enums as numbers.
 */
final class JsonLinesSpans {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] KINDS = {
    "SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER", "SPAN_KIND_CLIENT",
    "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER"
  };
  private static final String[] STATUS = {"STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"};

  private JsonLinesSpans() {}

  static List<ReceivedSpan> read(Path file) throws IOException {
    List<ReceivedSpan> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      for (JsonNode rs : JSON.readTree(line).path("resourceSpans")) {
        Map<String, Object> resource = attributes(rs.path("resource").path("attributes"));
        for (JsonNode ss : rs.path("scopeSpans")) {
          for (JsonNode s : ss.path("spans")) {
            List<String> events = new ArrayList<>();
            s.path("events").forEach(e -> events.add(e.path("name").asText()));
            out.add(
                new ReceivedSpan(
                    s.path("traceId").asText(), s.path("spanId").asText(),
                    s.path("parentSpanId").asText(""), s.path("name").asText(),
                    KINDS[s.path("kind").asInt()], s.path("startTimeUnixNano").asLong(),
                    s.path("endTimeUnixNano").asLong(), attributes(s.path("attributes")),
                    STATUS[s.path("status").path("code").asInt(0)], events, resource));
          }
        }
      }
    }
    return out;
  }

  private static Map<String, Object> attributes(JsonNode list) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (JsonNode kv : list) {
      out.put(kv.path("key").asText(), value(kv.path("value")));
    }
    return out;
  }

  private static Object value(JsonNode v) {
    if (v.has("stringValue")) {
      return v.get("stringValue").asText();
    }
    if (v.has("intValue")) {
      return v.get("intValue").asLong(); // int64 is a JSON string in OTLP JSON
    }
    if (v.has("doubleValue")) {
      return v.get("doubleValue").asDouble();
    }
    if (v.has("boolValue")) {
      return v.get("boolValue").asBoolean();
    }
    if (v.has("arrayValue")) {
      List<Object> items = new ArrayList<>();
      v.get("arrayValue").path("values").forEach(i -> items.add(value(i)));
      return items;
    }
    return v.toString();
  }
}
