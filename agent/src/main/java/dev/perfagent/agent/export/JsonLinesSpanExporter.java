package dev.perfagent.agent.export;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;

/**
 * Appends each batch to the local file as one line of OTLP JSON ({@link OtlpJsonSpans}), the
 * format the OpenTelemetry Collector's file receiver and the {@code report} command read. A failed
 * write fails that export with its cause (reported by {@link CountingSpanExporter}).
 */
final class JsonLinesSpanExporter implements SpanExporter {
  private final OutputStream out;
  private final String file;
  private final OtlpJsonSpans json = new OtlpJsonSpans();
  private boolean shutdown;

  JsonLinesSpanExporter(OutputStream out, String file) {
    this.out = out;
    this.file = file;
  }

  @Override
  public synchronized CompletableResultCode export(Collection<SpanData> spans) {
    if (shutdown) {
      return CompletableResultCode.ofFailure();
    }
    try {
      json.write(spans).writeTo(out);
      return CompletableResultCode.ofSuccess();
    } catch (IOException | RuntimeException e) {
      return CompletableResultCode.ofExceptionalFailure(e);
    }
  }

  @Override
  public synchronized CompletableResultCode flush() {
    try {
      out.flush();
      return CompletableResultCode.ofSuccess();
    } catch (IOException e) {
      return CompletableResultCode.ofExceptionalFailure(e);
    }
  }

  @Override
  public synchronized CompletableResultCode shutdown() {
    if (shutdown) {
      return CompletableResultCode.ofSuccess();
    }
    shutdown = true;
    try {
      out.close();
      return CompletableResultCode.ofSuccess();
    } catch (IOException e) {
      return CompletableResultCode.ofExceptionalFailure(e);
    }
  }

  @Override
  public String toString() {
    return "JsonLinesSpanExporter{" + file + "}";
  }
}
