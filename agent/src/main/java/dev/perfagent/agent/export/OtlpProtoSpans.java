package dev.perfagent.agent.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.internal.InternalAttributeKeyImpl;
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
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One OTLP protobuf {@code ExportTraceServiceRequest} per batch, written straight from the spans
 * into a reused buffer in one pass: the bytes the SDK's OTLP marshaller writes (fields in its order,
 * scalars at their default value left out, an attribute's value always written), without its
 * separate sizing pass, per-batch context and the hex ids decoded through its tables. Spans are
 * grouped by {@link SpanGroups}. Not thread-safe.
 */
final class OtlpProtoSpans {
  // field numbers of opentelemetry/proto/trace/v1/trace.proto and common/v1/common.proto
  private static final int REQUEST_RESOURCE_SPANS = 1;
  private static final int RESOURCE_SPANS_RESOURCE = 1;
  private static final int RESOURCE_SPANS_SCOPE_SPANS = 2;
  private static final int SCHEMA_URL = 3; // of ResourceSpans and ScopeSpans
  private static final int RESOURCE_ATTRIBUTES = 1;
  private static final int SCOPE_SPANS_SCOPE = 1;
  private static final int SCOPE_SPANS_SPANS = 2;
  private static final int SCOPE_NAME = 1;
  private static final int SCOPE_VERSION = 2;
  private static final int SCOPE_ATTRIBUTES = 3;
  private static final int SPAN_TRACE_ID = 1;
  private static final int SPAN_SPAN_ID = 2;
  private static final int SPAN_TRACE_STATE = 3;
  private static final int SPAN_PARENT_SPAN_ID = 4;
  private static final int SPAN_NAME = 5;
  private static final int SPAN_KIND = 6;
  private static final int SPAN_START = 7;
  private static final int SPAN_END = 8;
  private static final int SPAN_ATTRIBUTES = 9;
  private static final int SPAN_DROPPED_ATTRIBUTES = 10;
  private static final int SPAN_EVENTS = 11;
  private static final int SPAN_DROPPED_EVENTS = 12;
  private static final int SPAN_LINKS = 13;
  private static final int SPAN_DROPPED_LINKS = 14;
  private static final int SPAN_STATUS = 15;
  private static final int SPAN_FLAGS = 16;
  private static final int EVENT_TIME = 1;
  private static final int EVENT_NAME = 2;
  private static final int EVENT_ATTRIBUTES = 3;
  private static final int EVENT_DROPPED_ATTRIBUTES = 4;
  private static final int LINK_TRACE_ID = 1;
  private static final int LINK_SPAN_ID = 2;
  private static final int LINK_TRACE_STATE = 3;
  private static final int LINK_ATTRIBUTES = 4;
  private static final int LINK_DROPPED_ATTRIBUTES = 5;
  private static final int LINK_FLAGS = 6;
  private static final int STATUS_MESSAGE = 2;
  private static final int STATUS_CODE = 3;
  private static final int KEY_VALUE_KEY = 1;
  private static final int KEY_VALUE_VALUE = 2;
  private static final int ANY_STRING = 1;
  private static final int ANY_BOOL = 2;
  private static final int ANY_INT = 3;
  private static final int ANY_DOUBLE = 4;
  private static final int ANY_ARRAY = 5;
  private static final int ANY_KVLIST = 6;
  private static final int ANY_BYTES = 7;
  private static final int VALUES = 1; // of ArrayValue and KeyValueList

  /** Bytes of the usual length of a span (128 B to 16 KiB) and of a group of spans (16 KiB to 2 MiB). */
  private static final int SPAN_LENGTH = 2;
  private static final int GROUP_LENGTH = 3;

  private final ProtoBytes proto = new ProtoBytes();
  private final SpanGroups groups = new SpanGroups();
  private final BiConsumer<AttributeKey<?>, Object> attribute = this::attribute;
  private int attributesField;

  /** The batch's request, in a buffer the next call reuses. */
  ProtoBytes write(Collection<? extends SpanData> spans) {
    proto.clear();
    try {
      for (SpanGroups.ByResource resource : groups.group(spans)) {
        int resourceSpans = proto.startMessage(REQUEST_RESOURCE_SPANS, GROUP_LENGTH);
        int r = proto.startMessage(RESOURCE_SPANS_RESOURCE);
        attributes(RESOURCE_ATTRIBUTES, resource.resource.getAttributes());
        proto.endMessage(r);
        for (SpanGroups.ByScope scope : resource.scopes) {
          scopeSpans(scope);
        }
        proto.optionalString(SCHEMA_URL, resource.resource.getSchemaUrl());
        proto.endMessage(resourceSpans, GROUP_LENGTH);
      }
    } finally {
      groups.clear();
    }
    return proto;
  }

  private void scopeSpans(SpanGroups.ByScope group) {
    int scopeSpans = proto.startMessage(RESOURCE_SPANS_SCOPE_SPANS, GROUP_LENGTH);
    InstrumentationScopeInfo scope = group.scope;
    int s = proto.startMessage(SCOPE_SPANS_SCOPE);
    proto.optionalString(SCOPE_NAME, scope.getName());
    proto.optionalString(SCOPE_VERSION, scope.getVersion());
    attributes(SCOPE_ATTRIBUTES, scope.getAttributes());
    proto.endMessage(s);
    for (SpanData span : group.spans) {
      int start = proto.startMessage(SCOPE_SPANS_SPANS, SPAN_LENGTH);
      span(span);
      proto.endMessage(start, SPAN_LENGTH);
    }
    proto.optionalString(SCHEMA_URL, scope.getSchemaUrl());
    proto.endMessage(scopeSpans, GROUP_LENGTH);
  }

  private void span(SpanData span) {
    SpanContext context = span.getSpanContext();
    traceId(SPAN_TRACE_ID, context);
    spanId(SPAN_SPAN_ID, context);
    traceState(SPAN_TRACE_STATE, context.getTraceState());
    SpanContext parent = span.getParentSpanContext();
    if (parent.isValid()) {
      spanId(SPAN_PARENT_SPAN_ID, parent);
    }
    proto.optionalString(SPAN_NAME, span.getName());
    proto.optionalVarint(SPAN_KIND, span.getKind().ordinal() + 1);
    proto.optionalFixed64(SPAN_START, span.getStartEpochNanos());
    proto.optionalFixed64(SPAN_END, span.getEndEpochNanos());
    attributes(SPAN_ATTRIBUTES, span.getAttributes());
    proto.optionalUint32(SPAN_DROPPED_ATTRIBUTES, span.getTotalAttributeCount() - span.getAttributes().size());
    List<EventData> events = span.getEvents();
    for (int i = 0; i < events.size(); i++) {
      event(events.get(i));
    }
    proto.optionalUint32(SPAN_DROPPED_EVENTS, span.getTotalRecordedEvents() - events.size());
    List<LinkData> links = span.getLinks();
    for (int i = 0; i < links.size(); i++) {
      link(links.get(i));
    }
    proto.optionalUint32(SPAN_DROPPED_LINKS, span.getTotalRecordedLinks() - links.size());
    status(span.getStatus());
    proto.optionalFixed32(SPAN_FLAGS, flags(context, parent.isRemote()));
  }

  /** The ids of the agent's own contexts as they are, others' decoded from their hex. */
  private void traceId(int field, SpanContext context) {
    if (context instanceof LongIdSpanContext) {
      LongIdSpanContext ids = (LongIdSpanContext) context;
      proto.id(field, ids.traceIdHigh(), ids.traceIdLow());
    } else {
      proto.hexId(field, context.getTraceId());
    }
  }

  private void spanId(int field, SpanContext context) {
    if (context instanceof LongIdSpanContext) {
      proto.id(field, ((LongIdSpanContext) context).spanIdLong());
    } else {
      proto.hexId(field, context.getSpanId());
    }
  }

  /** The trace flags and whether the parent (or the link's context) is remote, as OTLP's flags field has them. */
  private static int flags(SpanContext context, boolean remote) {
    return (context.getTraceFlags().asByte() & 0xff) | (remote ? 0x300 : 0x100);
  }

  private void traceState(int field, TraceState state) {
    if (!state.isEmpty()) {
      proto.string(field, W3CTraceContextEncoding.encodeTraceState(state));
    }
  }

  private void event(EventData event) {
    int start = proto.startMessage(SPAN_EVENTS);
    proto.optionalFixed64(EVENT_TIME, event.getEpochNanos());
    proto.optionalString(EVENT_NAME, event.getName());
    attributes(EVENT_ATTRIBUTES, event.getAttributes());
    proto.optionalUint32(EVENT_DROPPED_ATTRIBUTES, event.getTotalAttributeCount() - event.getAttributes().size());
    proto.endMessage(start);
  }

  private void link(LinkData link) {
    int start = proto.startMessage(SPAN_LINKS);
    SpanContext context = link.getSpanContext();
    traceId(LINK_TRACE_ID, context);
    spanId(LINK_SPAN_ID, context);
    traceState(LINK_TRACE_STATE, context.getTraceState());
    attributes(LINK_ATTRIBUTES, link.getAttributes());
    proto.optionalUint32(LINK_DROPPED_ATTRIBUTES, link.getTotalAttributeCount() - link.getAttributes().size());
    proto.optionalFixed32(LINK_FLAGS, flags(context, context.isRemote()));
    proto.endMessage(start);
  }

  private void status(StatusData status) {
    int start = proto.startMessage(SPAN_STATUS);
    proto.optionalString(STATUS_MESSAGE, status.getDescription());
    StatusCode code = status.getStatusCode();
    proto.optionalVarint(STATUS_CODE, code == StatusCode.UNSET ? 0 : code == StatusCode.OK ? 1 : 2);
    proto.endMessage(start);
  }

  /** Each attribute as a KeyValue message of {@code field}. */
  private void attributes(int field, Attributes attributes) {
    attributesField = field;
    attributes.forEach(attribute);
  }

  @SuppressWarnings("unchecked")
  private void attribute(AttributeKey<?> key, Object value) {
    int keyValue = proto.startMessage(attributesField);
    if (key instanceof InternalAttributeKeyImpl) { // the API's keys keep their UTF-8
      proto.optionalBytes(KEY_VALUE_KEY, ((InternalAttributeKeyImpl<?>) key).getKeyUtf8());
    } else {
      proto.optionalString(KEY_VALUE_KEY, key.getKey());
    }
    int any = proto.startMessage(KEY_VALUE_VALUE);
    AttributeType type = key.getType();
    switch (type) {
      case STRING_ARRAY:
      case BOOLEAN_ARRAY:
      case LONG_ARRAY:
      case DOUBLE_ARRAY:
        array((List<Object>) value);
        break;
      case VALUE:
        anyValue((Value<?>) value);
        break;
      default:
        plain(value);
    }
    proto.endMessage(any);
    proto.endMessage(keyValue);
  }

  /** The field of an AnyValue holding a plain value (String, Boolean, Long or Double), also at its default. */
  private void plain(Object value) {
    if (value instanceof String) {
      proto.string(ANY_STRING, (String) value);
    } else if (value instanceof Boolean) {
      proto.bool(ANY_BOOL, (Boolean) value);
    } else if (value instanceof Long) {
      proto.varintField(ANY_INT, (Long) value);
    } else {
      proto.fixed64(ANY_DOUBLE, Double.doubleToRawLongBits((Double) value));
    }
  }

  private void array(List<?> values) {
    int array = proto.startMessage(ANY_ARRAY);
    for (int i = 0; i < values.size(); i++) {
      int element = proto.startMessage(VALUES);
      Object v = values.get(i);
      if (v instanceof Value) {
        anyValue((Value<?>) v);
      } else {
        plain(v);
      }
      proto.endMessage(element);
    }
    proto.endMessage(array);
  }

  @SuppressWarnings("unchecked")
  private void anyValue(Value<?> value) {
    switch (value.getType()) {
      case ARRAY:
        array((List<?>) value.getValue());
        break;
      case KEY_VALUE_LIST:
        int list = proto.startMessage(ANY_KVLIST);
        for (KeyValue entry : (List<KeyValue>) value.getValue()) {
          int keyValue = proto.startMessage(VALUES);
          proto.optionalString(KEY_VALUE_KEY, entry.getKey());
          int any = proto.startMessage(KEY_VALUE_VALUE);
          anyValue(entry.getValue());
          proto.endMessage(any);
          proto.endMessage(keyValue);
        }
        proto.endMessage(list);
        break;
      case BYTES:
        ByteBuffer buffer = ((ByteBuffer) value.getValue()).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        proto.bytes(ANY_BYTES, bytes);
        break;
      case EMPTY:
        break;
      default:
        plain(value.getValue());
    }
  }
}
