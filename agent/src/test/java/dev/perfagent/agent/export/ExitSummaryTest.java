package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitSummaryTest {
  @Test
  void oneExporterKeepsTheLineTheToolsParse() {
    assertEquals(
        "perf-agent: 105 spans recorded, 90 exported, 15 dropped (5 buffer full, 10 export failed)"
            + " -> OTLP http://localhost:4318 (http/protobuf)",
        ExitSummary.line(100, 5, 0, 100, List.of(exporter("OTLP http://localhost:4318 (http/protobuf)", 90, 10)),
            "none", ""));
  }

  @Test
  void spansNotSampledAreAccountedApartFromTheDropped() {
    assertEquals(
        "perf-agent: 100 spans recorded, 60 exported, 0 dropped (0 buffer full, 0 export failed),"
            + " 40 not sampled -> file /tmp/t.jsonl",
        ExitSummary.line(100, 0, 40, 60, List.of(exporter("file /tmp/t.jsonl", 60, 0)), "none", ""));
  }

  @Test
  void spansTheSdkDidNotDeliverAndSpansNeverHandedOverAreNamed() {
    assertEquals(
        "perf-agent: 100 spans recorded, 70 exported, 30 dropped (0 buffer full, 5 export failed,"
            + " 15 lost in the SDK queue, 10 never handed to an exporter, flush timed out) -> console",
        ExitSummary.line(100, 0, 0, 90, List.of(exporter("console", 70, 5)), "none", ", flush timed out"));
  }

  @Test
  void severalExportersGiveTheFiguresOfTheOneThatGotFewestAndThenEachOnesFigures() {
    assertEquals(
        "perf-agent: 100 spans recorded, 80 exported, 20 dropped (0 buffer full, 20 export failed)"
            + " -> console: 100 exported, 0 export failed; OTLP http://c:4318 (http/protobuf): 80 exported,"
            + " 20 export failed",
        ExitSummary.line(
            100, 0, 0, 100,
            List.of(exporter("console", 100, 0), exporter("OTLP http://c:4318 (http/protobuf)", 80, 20)),
            "none", ""));
  }

  @Test
  void withNoExporterNothingIsExportedAndTheLineSaysWhy() {
    assertEquals(
        "perf-agent: 50 spans recorded, 0 exported, 50 dropped (0 buffer full, 0 export failed,"
            + " 50 never handed to an exporter) -> none",
        ExitSummary.line(50, 0, 0, 0, Collections.emptyList(), "none", ""));
    assertEquals(
        "perf-agent: 50 spans recorded, 0 exported, 50 dropped (0 buffer full, 0 export failed,"
            + " 50 never handed to an exporter, the exporter never started) -> nowhere",
        ExitSummary.line(50, 0, 0, 0, Collections.emptyList(), "nowhere", ", the exporter never started"));
  }

  /** A counting exporter whose delegate succeeded {@code exported} times and failed {@code failed}. */
  private static CountingSpanExporter exporter(String destination, int exported, int failed) {
    Scripted delegate = new Scripted();
    CountingSpanExporter counting = new CountingSpanExporter(delegate, destination, p -> {});
    List<SpanData> one = Collections.singletonList(null);
    for (int i = 0; i < exported; i++) {
      counting.export(one);
    }
    delegate.failing = true;
    for (int i = 0; i < failed; i++) {
      counting.export(one);
    }
    return counting;
  }

  private static final class Scripted implements SpanExporter {
    boolean failing;

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return failing ? CompletableResultCode.ofFailure() : CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
