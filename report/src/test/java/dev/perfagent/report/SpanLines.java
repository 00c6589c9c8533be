package dev.perfagent.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes OTLP JSON lines as the agent's file exporter does, for tests. */
final class SpanLines {
  private final String instanceId;
  private final List<String> spans = new ArrayList<>();

  SpanLines(String instanceId) {
    this.instanceId = instanceId;
  }

  /** A span of {@code trace}; times in ms from an arbitrary origin; attributes as key, value pairs. */
  SpanLines span(String trace, String id, String parent, String name, double startMs, double endMs, boolean error,
      Object... attributes) {
    StringBuilder attrs = new StringBuilder();
    for (int i = 0; i < attributes.length; i += 2) {
      if (attrs.length() > 0) {
        attrs.append(',');
      }
      Object v = attributes[i + 1];
      String value = v instanceof String ? "{\"stringValue\":\"" + v + "\"}"
          : v instanceof Double ? "{\"doubleValue\":" + v + "}"
          : v instanceof Boolean ? "{\"boolValue\":" + v + "}"
          : "{\"intValue\":\"" + v + "\"}";
      attrs.append("{\"key\":\"").append(attributes[i]).append("\",\"value\":").append(value).append('}');
    }
    long origin = 1_800_000_000_000_000_000L;
    spans.add(String.format(Locale.ROOT,
        "{\"traceId\":\"%s\",\"spanId\":\"%s\",\"parentSpanId\":\"%s\",\"name\":\"%s\",\"kind\":1,"
            + "\"startTimeUnixNano\":\"%d\",\"endTimeUnixNano\":\"%d\",\"attributes\":[%s],\"events\":[],"
            + "\"status\":%s}",
        trace, id, parent, name, origin + Math.round(startMs * 1e6), origin + Math.round(endMs * 1e6), attrs,
        error ? "{\"message\":\"failed\",\"code\":2}" : "{}"));
    return this;
  }

  /** The spans added so far as one line, and forgets them. */
  String line() {
    String line = "{\"resourceSpans\":[{\"resource\":{\"attributes\":["
        + "{\"key\":\"service.instance.id\",\"value\":{\"stringValue\":\"" + instanceId + "\"}},"
        + "{\"key\":\"service.name\",\"value\":{\"stringValue\":\"svc\"}}]},"
        + "\"scopeSpans\":[{\"scope\":{\"name\":\"dev.perfagent\"},\"spans\":[" + String.join(",", spans) + "]}]}]}";
    spans.clear();
    return line;
  }
}
