package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.perfagent.bootstrap.RecorderStats;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanMetricsTest {
  private static final List<Double> SECONDS =
      Arrays.asList(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

  @Test
  void durationHistogramsHaveSecondBasedBucketsAndGenAiKeepsItsOwn() {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    SpanMetrics metrics = new SpanMetrics(SdkMeterProvider.builder().registerMetricReader(reader).build(), new RecorderStats(),
        problem -> { });
    Attributes pointcut = Attributes.of(SpanMetrics.POINTCUT, "p");
    metrics.record(pointcut, TestSpans.span(SpanKind.CLIENT, 30_000_000, Attributes.builder()
        .put("db.system.name", "h2").build(), Collections.emptyList()), null);
    metrics.record(pointcut, TestSpans.span(SpanKind.CLIENT, 3_000_000_000L, Attributes.builder()
        .put("gen_ai.operation.name", "chat").build(), Collections.emptyList()), null);

    assertEquals(SECONDS, SpanMetrics.DURATION_BUCKETS);
    HistogramPointData pointcuts = point(reader, "perf_agent.pointcut.duration");
    assertEquals(SECONDS, pointcuts.getBoundaries());
    assertEquals(2, pointcuts.getCount());
    assertEquals(1, pointcuts.getCounts().get(3), "30 ms: (25 ms, 50 ms]");
    assertEquals(1, pointcuts.getCounts().get(11), "3 s: (2.5 s, 5 s]");
    assertEquals(SECONDS, point(reader, "db.client.operation.duration").getBoundaries());
    assertEquals(
        Arrays.asList(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92),
        point(reader, "gen_ai.client.operation.duration").getBoundaries());
  }

  private static HistogramPointData point(InMemoryMetricReader reader, String name) {
    for (MetricData m : reader.collectAllMetrics()) {
      if (m.getName().equals(name)) {
        assertEquals("s", m.getUnit());
        return m.getHistogramData().getPoints().iterator().next();
      }
    }
    throw new AssertionError("no " + name);
  }
}
