package dev.perfagent.agent.export;

import io.opentelemetry.exporter.logging.otlp.internal.metrics.OtlpStdoutMetricExporter;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider;
import io.opentelemetry.sdk.metrics.export.MetricExporter;

/** Metrics beside the traces file when no backend is configured, in the same OTLP JSON lines. */
public final class FileMetricExporterProvider implements ConfigurableMetricExporterProvider {
  static final String FILE_PROPERTY = "perf.agent.export.metrics-file";

  @Override
  public MetricExporter createExporter(ConfigProperties config) {
    return OtlpStdoutMetricExporter.builder()
        .setOutput(JsonLinesFile.open(config.getString(FILE_PROPERTY, "perf-agent-metrics.jsonl"), "export.metrics-file"))
        .setWrapperJsonObject(true)
        .build();
  }

  @Override
  public String getName() {
    return FileSpanExporterProvider.NAME;
  }
}
