package dev.perfagent.agent.export;

import static dev.perfagent.agent.export.OtlpTestSpans.HOSTILE;
import static dev.perfagent.agent.export.OtlpTestSpans.span;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.internal.otlp.traces.LowAllocationTraceRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The direct OTLP protobuf writer against the SDK's own OTLP marshallers, byte for byte. */
class OtlpProtoSpansTest {
  @Test
  void everyKindOfAttributeIsWrittenAsTheSdkWritesIt() {
    assertSameAsSdk(OtlpTestSpans.everyKindOfAttribute());
  }

  @Test
  void structuredValuesAreWrittenAsTheSdkWritesThem() {
    assertSameAsSdk(OtlpTestSpans.structuredValues());
  }

  @Test
  void eventsLinksStatusKindsIdsAndCountsAreWrittenAsTheSdkWritesThem() {
    assertSameAsSdk(OtlpTestSpans.eventsLinksStatusKindsIdsAndCounts());
  }

  @Test
  void theAgentsOwnSpansAreWrittenAsTheSdkWritesThem() {
    assertSameAsSdk(OtlpTestSpans.agentsOwnSpans());
  }

  @Test
  void longFieldsGetLengthsOfSeveralBytes() {
    StringBuilder big = new StringBuilder();
    while (big.length() < 70_000) { // a three-byte length inside a span inside a request of 4-byte length
      big.append(HOSTILE);
    }
    List<SpanData> spans = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      spans.add(span("span " + i).setAttributes(Attributes.of(AttributeKey.stringKey("big"), big.toString())).build());
    }
    assertSameAsSdk(spans);
  }

  @Test
  void scopesAndResourcesAreGroupedAsTheSdkGroupsThem() throws IOException {
    SpanData[] groups = OtlpTestSpans.fourGroups();
    SpanData a = groups[0];
    SpanData b = groups[1];
    SpanData c = groups[2];
    SpanData d = groups[3];
    // the SDK orders groups by identity hash; each group alone is compared byte for byte, and the
    // whole batch as one of the orders the groups can take
    for (List<SpanData> group : Arrays.asList(Arrays.asList(a, a), List.of(b), List.of(c), List.of(d))) {
      assertSameAsSdk(group);
    }
    byte[] mine = mine(Arrays.asList(a, b, c, a, d));
    ByteArrayOutputStream firstSeenOrder = new ByteArrayOutputStream();
    firstSeenOrder.write(mine(Arrays.asList(a, a, c)));
    firstSeenOrder.write(mine(List.of(b)));
    firstSeenOrder.write(mine(List.of(d)));
    assertArrayEquals(firstSeenOrder.toByteArray(), mine, "resources in first-seen order, a resource's scopes together");
    assertEquals(sdk(Arrays.asList(a, b, c, a, d)).length, mine.length);
  }

  @Test
  void aReusedWriterWritesEachBatchAfresh() {
    OtlpProtoSpans writer = new OtlpProtoSpans();
    List<SpanData> big = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) { // more than the initial buffer
      big.add(span("span " + i + HOSTILE).build());
    }
    List<SpanData> small = Collections.singletonList(span("small").build());
    assertArrayEquals(sdk(big), writer.write(big).toByteArray());
    assertArrayEquals(sdk(small), writer.write(small).toByteArray());
    assertEquals(0, writer.write(Collections.emptyList()).size(), "an empty request, as the SDK's");
    assertEquals(0, sdk(Collections.emptyList()).length);
  }

  @Test
  void aSpanThatCannotBeWrittenFailsItsBatchOnly() {
    SpanData broken = OtlpTestSpans.broken();
    OtlpProtoSpans writer = new OtlpProtoSpans();
    List<SpanData> good = Collections.singletonList(span("good").build());
    assertThrows(IllegalStateException.class, () -> writer.write(Arrays.asList(span("before").build(), broken)));
    assertArrayEquals(sdk(good), writer.write(good).toByteArray(), "nothing of the failed batch is left in the next");
  }

  private static void assertSameAsSdk(List<SpanData> spans) {
    assertArrayEquals(sdk(spans), mine(spans));
  }

  /** Written twice by one writer: the second time with the strings it has seen kept, the same bytes. */
  private static byte[] mine(List<SpanData> spans) {
    OtlpProtoSpans writer = new OtlpProtoSpans();
    byte[] first = writer.write(spans).toByteArray();
    assertArrayEquals(first, writer.write(spans).toByteArray(), "written again");
    return first;
  }

  /**
   * What the SDK's OTLP marshallers write for the batch: the reusable one (its default memory mode)
   * and the immutable one, which agree.
   */
  private static byte[] sdk(List<SpanData> spans) {
    try {
      LowAllocationTraceRequestMarshaler reusable = new LowAllocationTraceRequestMarshaler();
      reusable.initialize(spans);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      reusable.writeBinaryTo(out);
      if (groups(spans) <= 1) { // several groups: each marshaller in its own identity-hash order
        ByteArrayOutputStream immutable = new ByteArrayOutputStream();
        TraceRequestMarshaler.create(spans).writeBinaryTo(immutable);
        assertArrayEquals(immutable.toByteArray(), out.toByteArray(), "the SDK's two marshallers");
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static long groups(List<SpanData> spans) {
    return spans.stream().map(s -> Arrays.asList(s.getResource(), s.getInstrumentationScopeInfo())).distinct().count();
  }
}
