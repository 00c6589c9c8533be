package dev.perfagent.report;

import java.util.Map;

/** One span as read from an OTLP JSON line, with the identity of the run that exported it. */
final class Span {
  final RunInfo run;
  final String traceId;
  final String spanId;
  final String parentId;
  final String name;
  final long startNanos;
  final long endNanos;
  final boolean error;
  final String statusMessage;
  final Map<String, Object> attributes;

  Span(RunInfo run, String traceId, String spanId, String parentId, String name, long startNanos,
      long endNanos, boolean error, String statusMessage, Map<String, Object> attributes) {
    this.run = run;
    this.traceId = traceId;
    this.spanId = spanId;
    this.parentId = parentId;
    this.name = name;
    this.startNanos = startNanos;
    this.endNanos = endNanos;
    this.error = error;
    this.statusMessage = statusMessage;
    this.attributes = attributes;
  }

  long durationNanos() {
    return Math.max(0, endNanos - startNanos);
  }

  boolean isRoot() {
    return parentId.isEmpty();
  }

  String string(String key) {
    Object v = attributes.get(key);
    return v == null ? null : String.valueOf(v);
  }

  long number(String key) {
    Object v = attributes.get(key);
    if (v instanceof Number) {
      return ((Number) v).longValue();
    }
    if (v instanceof String) {
      try {
        return Long.parseLong((String) v);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  double decimal(String key) {
    Object v = attributes.get(key);
    return v instanceof Number ? ((Number) v).doubleValue() : 0;
  }

  boolean has(String key) {
    return attributes.containsKey(key);
  }
}
