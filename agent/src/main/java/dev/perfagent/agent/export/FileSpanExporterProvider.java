package dev.perfagent.agent.export;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The embedded default ({@code otel.traces.exporter=perf-agent-file}): OTLP JSON lines, one export
 * batch per line, the format the OpenTelemetry Collector's file receiver reads, written by
 * {@link JsonLinesSpanExporter} rather than the SDK's JSON exporter, which costs several times more
 * CPU per span (docs/performance.md, issue 11).
 */
public final class FileSpanExporterProvider implements ConfigurableSpanExporterProvider {
  static final String NAME = "perf-agent-file";
  static final String FILE_PROPERTY = "perf.agent.export.file";

  @Override
  public SpanExporter createExporter(ConfigProperties config) {
    String file = config.getString(FILE_PROPERTY, "perf-agent-traces.jsonl");
    return new JsonLinesSpanExporter(JsonLinesFile.open(file, "export.file"), file);
  }

  @Override
  public String getName() {
    return NAME;
  }
}
