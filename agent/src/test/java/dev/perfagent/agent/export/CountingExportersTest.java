package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfagent.agent.export.ScriptedExporters.Answer;
import dev.perfagent.agent.export.ScriptedExporters.SpanAnswers;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountingExportersTest {
  private static final String OTLP = "OTLP http://c:4318 (http/protobuf)";
  private final List<String> problems = new ArrayList<>();

  @Test
  void aFailedWarmUpDoesNotClaimSpansAreDroppedTheFirstLostSpanDoes() {
    SpanAnswers delegate = new SpanAnswers();
    CountingSpanExporter exporter = new CountingSpanExporter(delegate, OTLP, problems::add);
    delegate.next = Answer.FAIL;
    exporter.warmUp();
    assertTrue(exporter.failing());
    exporter.export(ScriptedExporters.ONE_SPAN);
    exporter.export(ScriptedExporters.ONE_SPAN);
    delegate.next = Answer.SUCCEED;
    exporter.export(ScriptedExporters.ONE_SPAN);
    assertFalse(exporter.failing());
    assertEquals(
        List.of(
            "export failed: java.lang.IllegalStateException: HTTP 404 (" + OTLP + ")",
            "export failed, spans are being dropped: java.lang.IllegalStateException: HTTP 404 (" + OTLP + ")",
            "export works again (" + OTLP + ")"),
        problems);
    assertEquals(List.of(3L, 1L, 2L), List.of(exporter.given(), exporter.exported(), exporter.failed()));
  }

  @Test
  void aMetricExporterIsCountedAndReportedLikeASpanExporterAndKeepsItsOwnSettings() {
    CountingMetricExporter exporter =
        ScriptedExporters.metrics(OTLP, problems::add, Answer.SUCCEED, Answer.FAIL, Answer.FAIL, Answer.SUCCEED);
    assertEquals(List.of(4L, 2L), List.of(exporter.exports(), exporter.failed()));
    assertEquals(
        List.of(
            "metrics export failed: java.lang.IllegalStateException: HTTP 404 (" + OTLP + ")",
            "metrics export works again (" + OTLP + ")"),
        problems);
    assertEquals(AggregationTemporality.DELTA, exporter.getAggregationTemporality(InstrumentType.COUNTER));
    assertEquals(
        Aggregation.base2ExponentialBucketHistogram().toString(),
        exporter.getDefaultAggregation(InstrumentType.HISTOGRAM).toString());
    assertEquals(MemoryMode.REUSABLE_DATA, exporter.getMemoryMode());
  }
}
