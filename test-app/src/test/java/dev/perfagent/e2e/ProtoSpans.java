package dev.perfagent.e2e;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes spans from the real OTLP protobuf messages. */
final class ProtoSpans {
  private ProtoSpans() {}

  static List<ReceivedSpan> from(ExportTraceServiceRequest request) {
    List<ReceivedSpan> out = new ArrayList<>();
    for (ResourceSpans rs : request.getResourceSpansList()) {
      Map<String, Object> resource = attributes(rs.getResource().getAttributesList());
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        for (Span s : ss.getSpansList()) {
          List<String> events = new ArrayList<>();
          s.getEventsList().forEach(e -> events.add(e.getName()));
          out.add(
              new ReceivedSpan(
                  hex(s.getTraceId().toByteArray()), hex(s.getSpanId().toByteArray()),
                  hex(s.getParentSpanId().toByteArray()), s.getName(), s.getKind().name(),
                  s.getStartTimeUnixNano(), s.getEndTimeUnixNano(), attributes(s.getAttributesList()),
                  s.getStatus().getCode().name(), events, resource));
        }
      }
    }
    return out;
  }

  private static Map<String, Object> attributes(List<KeyValue> list) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (KeyValue kv : list) {
      out.put(kv.getKey(), value(kv.getValue()));
    }
    return out;
  }

  private static Object value(AnyValue v) {
    switch (v.getValueCase()) {
      case STRING_VALUE:
        return v.getStringValue();
      case INT_VALUE:
        return v.getIntValue();
      case DOUBLE_VALUE:
        return v.getDoubleValue();
      case BOOL_VALUE:
        return v.getBoolValue();
      case ARRAY_VALUE:
        List<Object> items = new ArrayList<>();
        v.getArrayValue().getValuesList().forEach(i -> items.add(value(i)));
        return items;
      default:
        return v.toString();
    }
  }

  static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("%02x", b));
    }
    return sb.toString();
  }
}
