package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.exporter.logging.otlp.internal.traces.OtlpStdoutSpanExporter;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The direct OTLP JSON writer against the SDK's own OTLP JSON exporter, byte for byte. */
class OtlpJsonSpansTest {
  /** Everything JSON escaping and UTF-8 must get right, in one string. */
  private static final String HOSTILE;

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

  private static final Resource RESOURCE =
      Resource.create(
          Attributes.builder().put("service.name", "svc \"quoted\"").put("host.cores", 2L).build(),
          "https://opentelemetry.io/schemas/1.24.0");
  private static final InstrumentationScopeInfo SCOPE =
      InstrumentationScopeInfo.builder("dev.perfagent").setVersion("1.2.3").build();

  @Test
  void everyKindOfAttributeIsWrittenAsTheSdkWritesIt() {
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
    assertSameAsSdk(Collections.singletonList(span("attributes").setAttributes(attributes).build()));
  }

  @Test
  void structuredValuesAreWrittenAsTheSdkWritesThem() {
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
    assertSameAsSdk(Collections.singletonList(span("values").setAttributes(attributes).build()));
  }

  @Test
  void eventsLinksStatusKindsIdsAndCountsAreWrittenAsTheSdkWritesThem() {
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
    assertSameAsSdk(spans);
  }

  @Test
  void theAgentsOwnSpansAreWrittenAsTheSdkWritesThem() {
    Attributes four =
        Attributes.builder()
            .put("gen_ai.prompt", HOSTILE)
            .put("thread.id", 1L)
            .put(AttributeKey.stringArrayKey("perf_agent.truncated"), Collections.singletonList("gen_ai.prompt"))
            .put("gen_ai.usage.cost", 0.0042)
            .build();
    RecordedSpan recorded =
        TestSpans.named(
            "chat gpt-4o", SpanKind.CLIENT, 1_234_567, four,
            Collections.singletonList(EventData.create(99, "exception", four)));
    SpanData limited =
        new SpanLimiter(SpanLimits.builder().setMaxNumberOfAttributes(2).setMaxAttributeValueLength(5).build())
            .apply(recorded)
            .toSpanData();
    assertSameAsSdk(Arrays.asList(recorded, limited, recorded));
  }

  @Test
  void scopesAndResourcesAreGroupedAsTheSdkGroupsThem() {
    Resource other = Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "other"));
    InstrumentationScopeInfo bare = InstrumentationScopeInfo.create("bare");
    InstrumentationScopeInfo full =
        InstrumentationScopeInfo.builder("full").setVersion("2").setSchemaUrl("https://s")
            .setAttributes(Attributes.of(AttributeKey.stringKey("scope.attr"), HOSTILE)).build();
    SpanData a = span("a").build();
    SpanData b = span("b").setResource(other).setInstrumentationScopeInfo(bare).build();
    SpanData c = span("c").setInstrumentationScopeInfo(full).build();
    SpanData d = span("d").setResource(Resource.empty()).setInstrumentationScopeInfo(InstrumentationScopeInfo.empty()).build();
    // the SDK orders groups by identity hash; each group alone is compared byte for byte, and the
    // whole batch as one of the orders the groups can take
    for (List<SpanData> group : Arrays.asList(Arrays.asList(a, a), List.of(b), List.of(c), List.of(d))) {
      assertSameAsSdk(group);
    }
    String mine = mine(Arrays.asList(a, b, c, a, d));
    String otherResource = inner(mine(List.of(b)));
    String emptyResource = inner(mine(List.of(d)));
    String twoScopes = inner(mine(Arrays.asList(a, a, c)));
    assertTrue(twoScopes.contains("\"name\":\"full\""), twoScopes);
    assertEquals(wrap(twoScopes, otherResource, emptyResource), mine, "first-seen order, the second scope with its resource");
    String sdk = sdk(Arrays.asList(a, b, c, a, d));
    assertEquals(mine.length(), sdk.length());
    for (String resource : new String[] {otherResource, emptyResource}) {
      assertTrue(sdk.contains(resource), sdk);
    }
  }

  @Test
  void aReusedWriterWritesEachBatchAfresh() {
    OtlpJsonSpans writer = new OtlpJsonSpans();
    List<SpanData> big = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) { // more than the initial buffer
      big.add(span("span " + i + HOSTILE).build());
    }
    List<SpanData> small = Collections.singletonList(span("small").build());
    assertEquals(sdk(big), text(writer, big));
    assertEquals(sdk(small), text(writer, small));
    assertEquals(sdk(Collections.emptyList()), text(writer, Collections.emptyList()));
    assertEquals("{\"resourceSpans\":[]}\n", text(writer, Collections.emptyList()));
  }

  @Test
  void aSpanThatCannotBeWrittenFailsItsBatchOnly() {
    SpanData broken =
        new io.opentelemetry.sdk.trace.data.DelegatingSpanData(span("broken").build()) {
          @Override
          public Attributes getAttributes() {
            throw new IllegalStateException("broken span");
          }
        };
    OtlpJsonSpans writer = new OtlpJsonSpans();
    List<SpanData> good = Collections.singletonList(span("good").build());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, () -> writer.write(Arrays.asList(span("before").build(), broken)));
    assertEquals(sdk(good), text(writer, good), "nothing of the failed batch is left in the next");
    JsonLinesSpanExporter exporter = new JsonLinesSpanExporter(new ByteArrayOutputStream(), "t.jsonl");
    assertFalse(exporter.export(Collections.singletonList(broken)).isSuccess());
    assertTrue(exporter.export(good).isSuccess());
  }

  @Test
  void theFileExporterAppendsOneLinePerBatchAndFailsWhenTheFileCannotBeWritten() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonLinesSpanExporter exporter = new JsonLinesSpanExporter(out, "test.jsonl");
    List<SpanData> one = Collections.singletonList(span("one").build());
    assertTrue(exporter.export(one).isSuccess());
    assertTrue(exporter.export(one).isSuccess());
    assertEquals(sdk(one) + sdk(one), new String(out.toByteArray(), StandardCharsets.UTF_8));
    assertTrue(exporter.shutdown().isSuccess());
    assertFalse(exporter.export(one).isSuccess(), "no export after shutdown");

    JsonLinesSpanExporter broken =
        new JsonLinesSpanExporter(
            new java.io.OutputStream() {
              @Override
              public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("disk full");
              }
            },
            "full.jsonl");
    io.opentelemetry.sdk.common.CompletableResultCode result = broken.export(one);
    assertFalse(result.isSuccess());
    assertEquals("disk full", result.getFailureThrowable().getMessage());
  }

  private static TestSpanData.Builder span(String name) {
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

  private static void assertSameAsSdk(List<SpanData> spans) {
    assertEquals(sdk(spans), mine(spans));
  }

  private static String mine(List<SpanData> spans) {
    return text(new OtlpJsonSpans(), spans);
  }

  private static String text(OtlpJsonSpans writer, List<SpanData> spans) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(spans).writeTo(out);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  /** What the SDK's OTLP JSON exporter writes for the batch, as the agent used it before. */
  private static String sdk(List<SpanData> spans) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OtlpStdoutSpanExporter exporter = OtlpStdoutSpanExporter.builder().setOutput(out).setWrapperJsonObject(true).build();
    assertTrue(exporter.export(spans).isSuccess());
    exporter.flush();
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  /** The resourceSpans entries of a one-line request. */
  private static String inner(String request) {
    String prefix = "{\"resourceSpans\":[";
    assertTrue(request.startsWith(prefix) && request.endsWith("]}\n"), request);
    return request.substring(prefix.length(), request.length() - 3);
  }

  private static String wrap(String... resources) {
    return "{\"resourceSpans\":[" + String.join(",", resources) + "]}\n";
  }
}
