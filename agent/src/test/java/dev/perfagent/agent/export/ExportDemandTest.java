package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfagent.bootstrap.RecorderState;
import dev.perfagent.bootstrap.SpanRing;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ExportDemandTest {
  @Test
  void aPrometheusExporterStartsTheSdkAtOnce() {
    assertTrue(ExportDemand.eager(Map.of("OTEL_METRICS_EXPORTER", "prometheus"), new Properties()));
    assertTrue(ExportDemand.eager(Map.of("OTEL_METRICS_EXPORTER", "otlp, prometheus"), new Properties()));
    assertTrue(ExportDemand.eager(Map.of(), properties("prometheus,perf-agent-file")));
  }

  @Test
  void otherExportersWaitForSomethingToExport() {
    assertFalse(ExportDemand.eager(Map.of(), new Properties()));
    assertFalse(ExportDemand.eager(Map.of("OTEL_METRICS_EXPORTER", "otlp"), new Properties()));
    assertFalse(ExportDemand.eager(Map.of("OTEL_METRICS_EXPORTER", "prometheus-ish"), new Properties()));
    assertFalse(ExportDemand.eager(Map.of("OTEL_METRICS_EXPORTER", ""), new Properties()));
  }

  @Test
  void theSystemPropertyWinsOverTheEnvironmentAsInTheSdk() {
    assertFalse(ExportDemand.eager(Map.of("OTEL_METRICS_EXPORTER", "prometheus"), properties("none")));
    assertTrue(ExportDemand.eager(Map.of("OTEL_METRICS_EXPORTER", "none"), properties("prometheus")));
  }

  @Test
  void nothingRecordedIsNothingToExport() {
    assertEquals(Optional.empty(), new ExportDemand(new RecorderState(new SpanRing(16, 0), 64, 8), () -> false).due());
  }

  @Test
  void aConnectionPoolIsSomethingToExport() {
    assertEquals(
        Optional.of("a connection pool started"),
        new ExportDemand(new RecorderState(new SpanRing(16, 0), 64, 8), () -> true).due());
  }

  private static Properties properties(String metricsExporter) {
    Properties p = new Properties();
    p.setProperty(ExportDemand.METRICS_EXPORTER, metricsExporter);
    return p;
  }
}
