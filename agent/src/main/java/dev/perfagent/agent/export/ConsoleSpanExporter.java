package dev.perfagent.agent.export;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.util.Collection;

/**
 * {@code otel.traces.exporter=console}: the lines the SDK's {@code LoggingSpanExporter} writes, printed
 * to stderr directly. That exporter writes through java.util.logging, whose handlers the JVM removes
 * at exit while the agent is still exporting its last spans: they were counted as exported, yet never
 * printed.
 */
final class ConsoleSpanExporter implements SpanExporter {
  private final PrintStream out;

  ConsoleSpanExporter(PrintStream out) {
    this.out = out;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    StringBuilder line = new StringBuilder(128);
    for (SpanData span : spans) {
      line.setLength(0);
      InstrumentationScopeInfo scope = span.getInstrumentationScopeInfo();
      line.append('\'').append(span.getName()).append("' : ")
          .append(span.getTraceId()).append(' ').append(span.getSpanId()).append(' ').append(span.getKind())
          .append(" [tracer: ").append(scope.getName()).append(':')
          .append(scope.getVersion() == null ? "" : scope.getVersion())
          .append("] ").append(span.getAttributes());
      out.println(line);
    }
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    out.flush();
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return flush();
  }
}
