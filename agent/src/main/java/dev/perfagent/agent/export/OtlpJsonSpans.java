package dev.perfagent.agent.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.internal.W3CTraceContextEncoding;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One OTLP JSON {@code ExportTraceServiceRequest} per batch, written straight from the spans into a
 * reused buffer: the same bytes the SDK's OTLP JSON marshaller writes (the protobuf JSON mapping:
 * ids as hex, enums as numbers, 64-bit integers as strings, scalar fields at their default value
 * left out, repeated ones always written), without its per-span marshaller objects and UTF-8 round
 * trips. Spans are grouped by {@link SpanGroups}. Not thread-safe.
 */
final class OtlpJsonSpans {
  private final JsonBytes json = new JsonBytes();
  private final SpanGroups groups = new SpanGroups();
  private final BiConsumer<AttributeKey<?>, Object> attribute = this::attribute;
  private boolean firstAttribute;

  /** The batch as one line: a JSON object and a newline, in a buffer the next call reuses. */
  JsonBytes write(Collection<? extends SpanData> spans) {
    json.clear();
    try {
      request(groups.group(spans));
    } finally {
      groups.clear();
    }
    return json;
  }

  private void request(List<SpanGroups.ByResource> resources) {
    json.raw("{\"resourceSpans\":[");
    for (int r = 0; r < resources.size(); r++) {
      SpanGroups.ByResource resource = resources.get(r);
      if (r > 0) {
        json.raw(',');
      }
      json.raw("{\"resource\":{");
      attributes(resource.resource.getAttributes(), false);
      json.raw("},\"scopeSpans\":[");
      for (int s = 0; s < resource.scopes.size(); s++) {
        if (s > 0) {
          json.raw(',');
        }
        scopeSpans(resource.scopes.get(s));
      }
      json.raw(']');
      optionalString(",\"schemaUrl\":", resource.resource.getSchemaUrl());
      json.raw('}');
    }
    json.raw("]}\n");
  }

  private void scopeSpans(SpanGroups.ByScope group) {
    InstrumentationScopeInfo scope = group.scope;
    json.raw("{\"scope\":{");
    boolean any = optionalString("\"name\":", scope.getName());
    any |= optionalString(any ? ",\"version\":" : "\"version\":", scope.getVersion());
    attributes(scope.getAttributes(), any);
    json.raw("},\"spans\":[");
    for (int i = 0; i < group.spans.size(); i++) {
      if (i > 0) {
        json.raw(',');
      }
      span(group.spans.get(i));
    }
    json.raw(']');
    optionalString(",\"schemaUrl\":", scope.getSchemaUrl());
    json.raw('}');
  }

  private void span(SpanData span) {
    SpanContext context = span.getSpanContext();
    json.raw("{\"traceId\":");
    traceId(context);
    json.raw(",\"spanId\":");
    spanId(context);
    traceState(context.getTraceState());
    SpanContext parent = span.getParentSpanContext();
    if (parent.isValid()) {
      json.raw(",\"parentSpanId\":");
      spanId(parent);
    }
    optionalString(",\"name\":", span.getName());
    json.raw(",\"kind\":").number(span.getKind().ordinal() + 1);
    fixed64(",\"startTimeUnixNano\":", span.getStartEpochNanos());
    fixed64(",\"endTimeUnixNano\":", span.getEndEpochNanos());
    attributes(span.getAttributes(), true);
    count(",\"droppedAttributesCount\":", span.getTotalAttributeCount() - span.getAttributes().size());
    List<EventData> events = span.getEvents();
    json.raw(",\"events\":[");
    for (int i = 0; i < events.size(); i++) {
      event(i == 0 ? "{" : ",{", events.get(i));
    }
    json.raw(']');
    count(",\"droppedEventsCount\":", span.getTotalRecordedEvents() - events.size());
    List<LinkData> links = span.getLinks();
    json.raw(",\"links\":[");
    for (int i = 0; i < links.size(); i++) {
      link(i == 0 ? "{" : ",{", links.get(i));
    }
    json.raw(']');
    count(",\"droppedLinksCount\":", span.getTotalRecordedLinks() - links.size());
    status(span.getStatus());
    json.raw(",\"flags\":").number(flags(context, parent.isRemote()));
    json.raw('}');
  }

  /** The ids of the agent's own contexts written from their longs, others' hex copied. */
  private void traceId(SpanContext context) {
    if (context instanceof LongIdSpanContext) {
      LongIdSpanContext ids = (LongIdSpanContext) context;
      json.hexId(ids.traceIdHigh(), ids.traceIdLow());
    } else {
      json.string(context.getTraceId());
    }
  }

  private void spanId(SpanContext context) {
    if (context instanceof LongIdSpanContext) {
      json.hexId(((LongIdSpanContext) context).spanIdLong());
    } else {
      json.string(context.getSpanId());
    }
  }

  /** The trace flags and whether the parent (or the link's context) is remote, as OTLP's flags field has them. */
  private static int flags(SpanContext context, boolean remote) {
    return (context.getTraceFlags().asByte() & 0xff) | (remote ? 0x300 : 0x100);
  }

  private void traceState(TraceState state) {
    if (!state.isEmpty()) {
      json.raw(",\"traceState\":").string(W3CTraceContextEncoding.encodeTraceState(state));
    }
  }

  private void event(String open, EventData event) {
    json.raw(open);
    boolean any = fixed64("\"timeUnixNano\":", event.getEpochNanos());
    any |= optionalString(any ? ",\"name\":" : "\"name\":", event.getName());
    attributes(event.getAttributes(), any);
    count(",\"droppedAttributesCount\":", event.getTotalAttributeCount() - event.getAttributes().size());
    json.raw('}');
  }

  private void link(String open, LinkData link) {
    SpanContext context = link.getSpanContext();
    json.raw(open).raw("\"traceId\":");
    traceId(context);
    json.raw(",\"spanId\":");
    spanId(context);
    traceState(context.getTraceState());
    attributes(link.getAttributes(), true);
    count(",\"droppedAttributesCount\":", link.getTotalAttributeCount() - link.getAttributes().size());
    json.raw(",\"flags\":").number(flags(context, context.isRemote()));
    json.raw('}');
  }

  private void status(StatusData status) {
    json.raw(",\"status\":{");
    boolean message = optionalString("\"message\":", status.getDescription());
    if (status.getStatusCode() != StatusCode.UNSET) {
      json.raw(message ? ",\"code\":" : "\"code\":").number(status.getStatusCode() == StatusCode.OK ? 1 : 2);
    }
    json.raw('}');
  }

  /**
   * {@code "attributes":[...]}, empty or not (the SDK's JSON has every repeated field, also when
   * empty); {@code comma} puts a comma first.
   */
  private void attributes(Attributes attributes, boolean comma) {
    json.raw(comma ? ",\"attributes\":[" : "\"attributes\":[");
    firstAttribute = true;
    attributes.forEach(attribute);
    json.raw(']');
  }

  @SuppressWarnings("unchecked")
  private void attribute(AttributeKey<?> key, Object value) {
    json.raw(firstAttribute ? "{" : ",{");
    firstAttribute = false;
    optionalString("\"key\":", key.getKey());
    json.raw(key.getKey().isEmpty() ? "\"value\":{" : ",\"value\":{");
    switch (key.getType()) {
      case STRING:
        json.raw("\"stringValue\":").string((String) value);
        break;
      case BOOLEAN:
        json.raw("\"boolValue\":").raw(String.valueOf(value));
        break;
      case LONG:
        json.raw("\"intValue\":").quotedNumber((Long) value);
        break;
      case DOUBLE:
        json.raw("\"doubleValue\":").number((double) (Double) value);
        break;
      case STRING_ARRAY:
      case BOOLEAN_ARRAY:
      case LONG_ARRAY:
      case DOUBLE_ARRAY:
        array((List<Object>) value);
        break;
      case VALUE:
        anyValue((Value<?>) value);
        break;
    }
    json.raw("}}");
  }

  /** The fields of an AnyValue holding a plain value (String, Boolean, Long or Double). */
  private void plain(Object value) {
    if (value instanceof String) {
      json.raw("\"stringValue\":").string((String) value);
    } else if (value instanceof Boolean) {
      json.raw("\"boolValue\":").raw(value.toString());
    } else if (value instanceof Long) {
      json.raw("\"intValue\":").quotedNumber((Long) value);
    } else {
      json.raw("\"doubleValue\":").number((double) (Double) value);
    }
  }

  private void array(List<?> values) {
    json.raw("\"arrayValue\":{\"values\":[");
    for (int i = 0; i < values.size(); i++) {
      json.raw(i == 0 ? "{" : ",{");
      Object v = values.get(i);
      if (v instanceof Value) {
        anyValue((Value<?>) v);
      } else {
        plain(v);
      }
      json.raw('}');
    }
    json.raw("]}");
  }

  @SuppressWarnings("unchecked")
  private void anyValue(Value<?> value) {
    switch (value.getType()) {
      case ARRAY:
        array((List<?>) value.getValue());
        break;
      case KEY_VALUE_LIST:
        List<KeyValue> entries = (List<KeyValue>) value.getValue();
        json.raw("\"kvlistValue\":{\"values\":[");
        for (int i = 0; i < entries.size(); i++) {
          KeyValue entry = entries.get(i);
          json.raw(i == 0 ? "{" : ",{");
          optionalString("\"key\":", entry.getKey());
          json.raw(entry.getKey().isEmpty() ? "\"value\":{" : ",\"value\":{");
          anyValue(entry.getValue());
          json.raw("}}");
        }
        json.raw("]}");
        break;
      case BYTES:
        ByteBuffer buffer = ((ByteBuffer) value.getValue()).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        json.raw("\"bytesValue\":\"").raw(Base64.getEncoder().encodeToString(bytes)).raw('"');
        break;
      case EMPTY:
        break;
      default:
        plain(value.getValue());
    }
  }

  /** {@code prefix} and the string, unless it is null or empty; true when written. */
  private boolean optionalString(String prefix, String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    json.raw(prefix).string(value);
    return true;
  }

  private boolean fixed64(String prefix, long value) {
    if (value == 0) {
      return false;
    }
    json.raw(prefix).quotedNumber(value);
    return true;
  }

  private void count(String prefix, int value) {
    if (value != 0) {
      json.raw(prefix).number(value);
    }
  }
}
