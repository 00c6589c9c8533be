package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.perfagent.bootstrap.RecorderStats;
import dev.perfagent.bootstrap.SpanRing;
import dev.perfagent.bootstrap.TestRecords;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AgentHealthMetricsTest {
  private final InMemoryMetricReader reader = InMemoryMetricReader.create();
  private final RecorderStats stats = new RecorderStats();
  private final SpanRing ring = new SpanRing(16, 4, 0, 100);

  @Test
  void spansRecordedExportedAndDroppedByCauseAreReadFromTheCountsThatExist() {
    stats.dropped.add(7);
    CountingSpanExporter otlp = ScriptedExporters.spans("OTLP x", 5, 2);
    CountingSpanExporter file = ScriptedExporters.spans("file y", 9, 0);
    register(3, 1, List.of(otlp, file), List.of());

    assertEquals(Map.of("", 7L), values("perf_agent.spans.recorded"), "nothing written to the ring, 7 dropped");
    assertEquals(Map.of("buffer_full", 7L, "export_failed", 2L, "assembly_error", 1L), values("perf_agent.spans.dropped"));
    assertEquals(Map.of("OTLP x", 5L, "file y", 9L), values("perf_agent.spans.exported"));
  }

  @Test
  void failedExportRequestsAreCountedBySignalAndDestination() {
    CountingSpanExporter otlp = ScriptedExporters.spans("OTLP x", 1, 3);
    CountingMetricExporter metrics =
        ScriptedExporters.metrics("OTLP m", p -> { }, ScriptedExporters.Answer.FAIL, ScriptedExporters.Answer.SUCCEED,
            ScriptedExporters.Answer.FAIL);
    register(0, 0, List.of(otlp), List.of(metrics));

    assertEquals(Map.of("traces OTLP x", 3L, "metrics OTLP m", 2L), values("perf_agent.export.failures"));
  }

  @Test
  void theBufferFillIsWrittenMinusDrainedOutOfItsCapacity() {
    register(0, 0, List.of(), List.of());
    assertEquals(Map.of("", 0L), values("perf_agent.buffer.used"));
    assertEquals(Map.of("", (long) ring.capacity()), values("perf_agent.buffer.capacity"));
    assertEquals(Map.of("", 0L), values("perf_agent.buffer.spilled"));
  }

  @Test
  void spansThatFoundTheBufferFullAndSpilledAreCounted() {
    for (int i = 1; i <= ring.capacity() + 2; i++) {
      TestRecords.write(ring, i, null);
    }
    register(5, 0, List.of(), List.of());
    assertEquals(Map.of("", 2L), values("perf_agent.buffer.spilled"));
    assertEquals(Map.of("", ring.capacity() + 2L), values("perf_agent.spans.recorded"));
    assertEquals(Map.of("", ring.capacity() + 2L - 5), values("perf_agent.buffer.used"), "spilled spans wait too");
  }

  private void register(
      long drained, long lost, List<CountingSpanExporter> spans, List<CountingMetricExporter> metrics) {
    AgentHealthMetrics.register(
        SdkMeterProvider.builder().registerMetricReader(reader).build().get("dev.perfagent"), ring, stats,
        () -> drained, () -> lost, spans, metrics);
  }

  /** Each point's value by its attributes' values joined with a space ("" for none). */
  private Map<String, Long> values(String name) {
    Map<String, Long> values = new TreeMap<>();
    for (MetricData m : reader.collectAllMetrics()) {
      if (m.getName().equals(name)) {
        Collection<? extends LongPointData> points =
            m.getType().name().equals("LONG_GAUGE") ? m.getLongGaugeData().getPoints() : m.getLongSumData().getPoints();
        for (LongPointData p : points) {
          values.put(label(p.getAttributes()), p.getValue());
        }
      }
    }
    return values;
  }

  private static String label(Attributes attributes) {
    StringBuilder text = new StringBuilder();
    attributes.asMap().entrySet().stream()
        .sorted((a, b) -> b.getKey().getKey().compareTo(a.getKey().getKey())) // signal before destination
        .forEach(e -> text.append(text.length() == 0 ? "" : " ").append(e.getValue()));
    return text.toString();
  }
}
