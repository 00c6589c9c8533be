package dev.perfagent.agent.export;

import static dev.perfagent.agent.export.OtlpTestSpans.HOSTILE;
import static dev.perfagent.agent.export.OtlpTestSpans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.exporter.logging.otlp.internal.traces.OtlpStdoutSpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The direct OTLP JSON writer against the SDK's own OTLP JSON exporter, byte for byte. */
class OtlpJsonSpansTest {
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
  void scopesAndResourcesAreGroupedAsTheSdkGroupsThem() {
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
    SpanData broken = OtlpTestSpans.broken();
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

  private static void assertSameAsSdk(List<SpanData> spans) {
    assertEquals(sdk(spans), mine(spans));
  }

  /** Written twice by one writer: the second time with the strings it has seen kept, the same text. */
  private static String mine(List<SpanData> spans) {
    OtlpJsonSpans writer = new OtlpJsonSpans();
    String first = text(writer, spans);
    assertEquals(first, text(writer, spans), "written again");
    return first;
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
