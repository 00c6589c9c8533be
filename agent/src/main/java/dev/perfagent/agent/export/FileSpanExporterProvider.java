package dev.perfagent.agent.export;

import io.opentelemetry.exporter.logging.otlp.internal.traces.OtlpStdoutSpanExporter;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The embedded default ({@code otel.traces.exporter=perf-agent-file}): OTLP JSON lines, one export
 * batch per line, the format the OpenTelemetry Collector's file receiver reads.
 */
public final class FileSpanExporterProvider implements ConfigurableSpanExporterProvider {
  static final String NAME = "perf-agent-file";
  static final String FILE_PROPERTY = "perf.agent.export.file";

  @Override
  public SpanExporter createExporter(ConfigProperties config) {
    return OtlpStdoutSpanExporter.builder()
        .setOutput(JsonLinesFile.open(config.getString(FILE_PROPERTY, "perf-agent-traces.jsonl"), "export.file"))
        .setWrapperJsonObject(true)
        .build();
  }

  @Override
  public String getName() {
    return NAME;
  }
}
