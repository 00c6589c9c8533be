package dev.perfagent.e2e;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** One span as a backend received it, decoded from OTLP protobuf or OTLP JSON. */
final class ReceivedSpan {
  final String traceId;
  final String spanId;
  final String parentSpanId; // "" for a root
  final String name;
  final String kind; // SPAN_KIND_INTERNAL, SPAN_KIND_CLIENT, ...
  final long startNanos;
  final long endNanos;
  final Map<String, Object> attributes;
  final String statusCode; // STATUS_CODE_UNSET, STATUS_CODE_ERROR, ...
  final List<String> eventNames;
  final Map<String, Object> resource;

  ReceivedSpan(
      String traceId, String spanId, String parentSpanId, String name, String kind, long startNanos,
      long endNanos, Map<String, Object> attributes, String statusCode, List<String> eventNames,
      Map<String, Object> resource) {
    this.traceId = traceId;
    this.spanId = spanId;
    this.parentSpanId = parentSpanId;
    this.name = name;
    this.kind = kind;
    this.startNanos = startNanos;
    this.endNanos = endNanos;
    this.attributes = Collections.unmodifiableMap(attributes);
    this.statusCode = statusCode;
    this.eventNames = Collections.unmodifiableList(eventNames);
    this.resource = resource;
  }

  Object attribute(String key) {
    return attributes.get(key);
  }

  String function() {
    return String.valueOf(attributes.get("code.function.name"));
  }

  @Override
  public String toString() {
    return name + " [" + spanId + " <- " + parentSpanId + "] " + attributes;
  }
}
