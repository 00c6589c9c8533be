package dev.perfagent.agent.export;

import static dev.perfagent.agent.export.ScriptedExporters.spans;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.perfagent.agent.export.ScriptedExporters.Answer;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitSummaryTest {
  private static final String OTLP = "OTLP http://localhost:4318 (http/protobuf)";

  @Test
  void oneExporterKeepsTheLineTheToolsParse() {
    assertEquals(
        "perf-agent: 105 spans recorded, 90 exported, 15 dropped (5 buffer full, 10 export failed) -> " + OTLP,
        line(new SpanAccount(100, 5, 100, 0, 0, 100), List.of(spans(OTLP, 90, 10)), true));
  }

  @Test
  void spansNotSampledAreAccountedApartFromTheDropped() {
    assertEquals(
        "perf-agent: 100 spans recorded, 60 exported, 0 dropped (0 buffer full, 0 export failed),"
            + " 40 not sampled -> file /tmp/t.jsonl",
        line(new SpanAccount(100, 0, 100, 0, 40, 60), List.of(spans("file /tmp/t.jsonl", 60, 0)), true));
  }

  @Test
  void afterACompletedFlushWhatTheExporterWasNeverGivenWasDroppedByTheSdkQueue() {
    assertEquals(
        "perf-agent: 90 spans recorded, 70 exported, 20 dropped (0 buffer full, 5 export failed,"
            + " 15 SDK queue full) -> console",
        line(new SpanAccount(90, 0, 90, 0, 0, 90), List.of(spans("console", 70, 5)), true));
  }

  @Test
  void aFlushThatTimedOutWithAHealthyBackendLeavesSpansNotFlushedInTime() {
    assertEquals(
        "perf-agent: 90 spans recorded, 70 exported, 20 dropped (0 buffer full, 5 export failed,"
            + " 15 not flushed in time) -> console",
        line(new SpanAccount(90, 0, 90, 0, 0, 90), List.of(spans("console", 70, 5, 5, p -> {})), false));
  }

  @Test
  void spansStillWaitingForAFailingBackendAtExitCountAsExportFailed() {
    CountingSpanExporter down = spans(OTLP, 0, 1, 20, p -> {});
    assertEquals(
        "perf-agent: 100 spans recorded, 0 exported, 100 dropped (0 buffer full, 100 export failed) -> " + OTLP,
        line(new SpanAccount(100, 0, 100, 0, 0, 100), List.of(down), false));
  }

  @Test
  void spansLostWhileAssemblingNeverHandedOverOrLeftInTheBufferAreNamed() {
    assertEquals(
        "perf-agent: 100 spans recorded, 80 exported, 20 dropped (0 buffer full, 0 export failed,"
            + " 3 lost while assembling (internal error), 7 never handed to an exporter,"
            + " 10 still in the buffer at exit) -> console",
        line(new SpanAccount(100, 0, 90, 3, 0, 80), List.of(spans("console", 80, 0)), true));
  }

  @Test
  void severalExportersGiveTheFiguresOfTheOneThatGotFewestAndThenEachOnesFigures() {
    assertEquals(
        "perf-agent: 100 spans recorded, 80 exported, 20 dropped (0 buffer full, 20 export failed)"
            + " -> console: 100 exported, 0 export failed; OTLP http://c:4318 (http/protobuf): 80 exported,"
            + " 20 export failed",
        line(
            new SpanAccount(100, 0, 100, 0, 0, 100),
            List.of(spans("console", 100, 0), spans("OTLP http://c:4318 (http/protobuf)", 80, 20)), true));
  }

  @Test
  void withNoExporterNothingIsExportedAndTheLineSaysWhy() {
    SpanAccount fifty = new SpanAccount(50, 0, 50, 0, 0, 0);
    assertEquals(
        "perf-agent: 50 spans recorded, 0 exported, 50 dropped (0 buffer full, 0 export failed,"
            + " 50 never handed to an exporter) -> none",
        ExitSummary.line(fifty, Collections.emptyList(), true, Collections.emptyList(), "none", ""));
    assertEquals(
        "perf-agent: 50 spans recorded, 0 exported, 50 dropped (0 buffer full, 0 export failed,"
            + " 50 never handed to an exporter, the exporter never started) -> nowhere",
        ExitSummary.line(
            fifty, Collections.emptyList(), false, Collections.emptyList(), "nowhere", ", the exporter never started"));
  }

  @Test
  void metricExportersThatFailedAreNamedAfterTheSpans() {
    List<CountingMetricExporter> metrics =
        List.of(
            ScriptedExporters.metrics("console", p -> {}, Answer.SUCCEED),
            ScriptedExporters.metrics(OTLP, p -> {}, Answer.FAIL, Answer.SUCCEED, Answer.FAIL));
    assertEquals(
        "perf-agent: 10 spans recorded, 10 exported, 0 dropped (0 buffer full, 0 export failed) -> " + OTLP
            + "; metrics: 2 of 3 exports failed (" + OTLP + ")",
        ExitSummary.line(new SpanAccount(10, 0, 10, 0, 0, 10), List.of(spans(OTLP, 10, 0)), true, metrics, "none", ""));
  }

  private static String line(SpanAccount spans, List<CountingSpanExporter> exporters, boolean flushed) {
    return ExitSummary.line(spans, exporters, flushed, Collections.emptyList(), "none", "");
  }
}
