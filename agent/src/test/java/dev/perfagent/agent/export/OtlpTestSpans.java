package dev.perfagent.agent.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Spans that exercise every part of an OTLP request, for the tests of the direct writers
 * ({@link OtlpJsonSpans}, {@link OtlpProtoSpans}) against the SDK's marshallers.
 */
final class OtlpTestSpans {
  private OtlpTestSpans() {}

  /** Everything JSON escaping and UTF-8 must get right, in one string. */
  static final String HOSTILE;

  static {
    StringBuilder s = new StringBuilder("quote\" backslash\\ slash/ <script>&'");
    for (char c = 0; c < 0x20; c++) {
      s.append(c);
    }
    s.append('\u007f').append("é ß ñ").append('\u0800').append("\u20ac \u2028 \uffff")
        .append("\ud83d\ude00 emoji").append('\ud800').append(" lone high, lone low ").append('\udc00')
        .append("\ud83d"); // a high surrogate at the very end
    HOSTILE = s.toString();
  }

  static final Resource RESOURCE =
      Resource.create(
          Attributes.builder().put("service.name", "svc \"quoted\"").put("host.cores", 2L).build(),
          "https://opentelemetry.io/schemas/1.24.0");
  static final InstrumentationScopeInfo SCOPE =
      InstrumentationScopeInfo.builder("dev.perfagent").setVersion("1.2.3").build();

  /** One span with an attribute of every type, hostile strings and keys, extreme numbers. */
  static List<SpanData> everyKindOfAttribute() {
    Attributes attributes =
        Attributes.builder()
            .put("string", HOSTILE)
            .put(HOSTILE, "a hostile key")
            .put("", "an empty key")
            .put("empty", "")
            .put("bool.true", true)
            .put("bool.false", false)
            .put("long", 42L)
            .put("long.zero", 0L)
            .put("long.min", Long.MIN_VALUE)
            .put("long.max", Long.MAX_VALUE)
            .put("long.negative", -7L)
            .put("double", 0.1)
            .put("double.zero", 0.0)
            .put("double.negative.zero", -0.0)
            .put("double.big", 1e300)
            .put("double.small", 4.9e-324)
            .put("double.whole", 3.0)
            .put("double.nan", Double.NaN)
            .put("double.inf", Double.POSITIVE_INFINITY)
            .put("double.neg.inf", Double.NEGATIVE_INFINITY)
            .put(AttributeKey.stringArrayKey("strings"), Arrays.asList("a", "", HOSTILE))
            .put(AttributeKey.stringArrayKey("strings.empty"), Collections.emptyList())
            .put(AttributeKey.booleanArrayKey("bools"), Arrays.asList(true, false))
            .put(AttributeKey.longArrayKey("longs"), Arrays.asList(1L, 0L, -1L, Long.MIN_VALUE))
            .put(AttributeKey.doubleArrayKey("doubles"), Arrays.asList(1.5, 0.0, Double.NaN, -2e-10))
            .build();
    return Collections.singletonList(span("attributes").setAttributes(attributes).build());
  }

  /** One span with structured {@code Value} attributes: maps, lists, bytes, empty ones. */
  static List<SpanData> structuredValues() {
    Value<?> nested =
        Value.of(
            KeyValue.of("s", Value.of(HOSTILE)),
            KeyValue.of("", Value.of(1L)),
            KeyValue.of("list", Value.of(Value.of(true), Value.of(2.5), Value.of(new byte[] {0, -1, 2, 3}), Value.empty())),
            KeyValue.of("empty.list", Value.of(Collections.<Value<?>>emptyList())),
            KeyValue.of("empty.map", Value.of(new KeyValue[0])),
            KeyValue.of("bytes", Value.of(new byte[0])),
            KeyValue.of("nothing", Value.empty()));
    Attributes attributes =
        Attributes.builder()
            .put(AttributeKey.valueKey("map"), nested)
            .put(AttributeKey.valueKey("bytes"), Value.of("binary \u0000 data".getBytes(StandardCharsets.UTF_8)))
            .put(AttributeKey.valueKey("string.value"), Value.of("plain"))
            .build();
    return Collections.singletonList(span("values").setAttributes(attributes).build());
  }

  /** Every kind, events, links, trace state, each status, remote and local parents, dropped counts. */
  static List<SpanData> eventsLinksStatusKindsIdsAndCounts() {
    SpanContext remoteParent =
        SpanContext.createFromRemoteParent(
            "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getDefault(),
            TraceState.builder().put("vendor", "value").put("other", "x=y").build());
    List<SpanData> spans = new ArrayList<>();
    for (SpanKind kind : SpanKind.values()) {
      spans.add(span(HOSTILE + kind).setKind(kind).build());
    }
    spans.add(
        span("")
            .setParentSpanContext(remoteParent)
            .setStatus(StatusData.create(StatusCode.ERROR, HOSTILE))
            .setEvents(
                Arrays.asList(
                    EventData.create(5, "exception", Attributes.of(AttributeKey.stringKey("exception.message"), HOSTILE)),
                    EventData.create(0, "", Attributes.empty()),
                    EventData.create(7, "dropped", Attributes.of(AttributeKey.longKey("a"), 1L), 3)))
            .setTotalRecordedEvents(5)
            .setLinks(
                Arrays.asList(
                    LinkData.create(remoteParent),
                    LinkData.create(
                        SpanContext.create(
                            "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(),
                            TraceState.getDefault()),
                        Attributes.of(AttributeKey.booleanKey("b"), true), 4)))
            .setTotalRecordedLinks(3)
            .setTotalAttributeCount(9)
            .setAttributes(Attributes.of(AttributeKey.stringKey("k"), "v"))
            .build());
    spans.add(span("ok").setStatus(StatusData.ok()).setStartEpochNanos(0).setEndEpochNanos(1).build());
    spans.add(span("ok with description ignored").setStatus(StatusData.create(StatusCode.OK, "fine")).build());
    spans.add(
        span("local parent")
            .setParentSpanContext(
                SpanContext.create(
                    "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(),
                    TraceState.getDefault()))
            .build());
    return spans;
  }

  /**
   * The agent's own span (ids kept as longs, the high bit set, leading zero digits) and its limited
   * view; a span linking to an agent's context.
   */
  static List<SpanData> agentsOwnSpans() {
    Attributes four =
        Attributes.builder()
            .put("gen_ai.prompt", HOSTILE)
            .put("thread.id", 1L)
            .put(AttributeKey.stringArrayKey("perf_agent.truncated"), Collections.singletonList("gen_ai.prompt"))
            .put("gen_ai.usage.cost", 0.0042)
            .build();
    LongIdSpanContext context = new LongIdSpanContext(0x8000000000000001L, 0x00000000000000ffL, -1L);
    RecordedSpan recorded =
        new RecordedSpan(
            "chat gpt-4o", SpanKind.CLIENT, context, context.sameTrace(0x0123456789abcdefL), StatusData.unset(),
            1_000, 1_235_567, four, Collections.singletonList(EventData.create(99, "exception", four)),
            Resource.getDefault());
    SpanData limited =
        new SpanLimiter(SpanLimits.builder().setMaxNumberOfAttributes(2).setMaxAttributeValueLength(5).build())
            .apply(recorded)
            .toSpanData();
    SpanData linking =
        span("links to the agent's").setSpanContext(new LongIdSpanContext(0, 1, 0x10L))
            .setResource(recorded.getResource()).setInstrumentationScopeInfo(recorded.getInstrumentationScopeInfo())
            .setLinks(Collections.singletonList(LinkData.create(context))).setTotalRecordedLinks(1).build();
    return Arrays.asList(recorded, limited, recorded, linking);
  }

  /**
   * Spans of four groups: {@code a} and {@code c} of one resource and two scopes (the second with a
   * version, schema URL and attributes), {@code b} of another resource, {@code d} of an empty one.
   */
  static SpanData[] fourGroups() {
    Resource other = Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "other"));
    InstrumentationScopeInfo bare = InstrumentationScopeInfo.create("bare");
    InstrumentationScopeInfo full =
        InstrumentationScopeInfo.builder("full").setVersion("2").setSchemaUrl("https://s")
            .setAttributes(Attributes.of(AttributeKey.stringKey("scope.attr"), HOSTILE)).build();
    SpanData a = span("a").build();
    SpanData b = span("b").setResource(other).setInstrumentationScopeInfo(bare).build();
    SpanData c = span("c").setInstrumentationScopeInfo(full).build();
    SpanData d = span("d").setResource(Resource.empty()).setInstrumentationScopeInfo(InstrumentationScopeInfo.empty()).build();
    return new SpanData[] {a, b, c, d};
  }

  /** A span whose attributes throw when read. */
  static SpanData broken() {
    return new io.opentelemetry.sdk.trace.data.DelegatingSpanData(span("broken").build()) {
      @Override
      public Attributes getAttributes() {
        throw new IllegalStateException("broken span");
      }
    };
  }

  static TestSpanData.Builder span(String name) {
    return TestSpanData.builder()
        .setName(name)
        .setKind(SpanKind.INTERNAL)
        .setSpanContext(
            SpanContext.create(
                "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(),
                TraceState.getDefault()))
        .setStartEpochNanos(1_700_000_000_123_456_789L)
        .setEndEpochNanos(1_700_000_000_223_456_789L)
        .setStatus(StatusData.unset())
        .setHasEnded(true)
        .setResource(RESOURCE)
        .setInstrumentationScopeInfo(SCOPE);
  }
}
