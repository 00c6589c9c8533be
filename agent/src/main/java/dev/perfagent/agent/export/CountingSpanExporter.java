package dev.perfagent.agent.export;

import dev.perfagent.config.Secrets;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.Collections;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Counts what one configured exporter was given and what it really delivered, for the exit
 * summary, and reports its failures ({@link FailureLog}). There is one per exporter, so each
 * destination has its figures.
 */
final class CountingSpanExporter implements SpanExporter {
  private final SpanExporter delegate;
  private final FailureLog failures;
  private final LongAdder given = new LongAdder();
  private final LongAdder exported = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder failedExports = new LongAdder();

  CountingSpanExporter(SpanExporter delegate, String destination, Consumer<String> problems) {
    this.delegate = delegate;
    this.failures = new FailureLog(destination, problems);
  }

  String destination() {
    return failures.destination();
  }

  /** Spans its span processor passed on (the rest of what it was handed is still queued, or was dropped). */
  long given() {
    return given.sum();
  }

  long exported() {
    return exported.sum();
  }

  long failed() {
    return failed.sum();
  }

  /** Export requests that failed (the warm-up's excepted). */
  long failedExports() {
    return failedExports.sum();
  }

  /** True when its last export (or the warm-up) failed. */
  boolean failing() {
    return failures.failing();
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    int n = spans.size();
    given.add(n);
    return FailureLog.watch(
        () -> delegate.export(spans),
        () -> {
          exported.add(n);
          failures.succeeded("export");
        },
        cause -> {
          failed.add(n);
          failedExports.increment();
          failures.failed(failure(n), cause);
        });
  }

  /** "Spans are being dropped" only when some were. */
  private static String failure(int spans) {
    return spans == 0 ? "export failed" : "export failed, spans are being dropped";
  }

  /**
   * Sends one empty request, uncounted: the HTTP client, its classes and the connection are then
   * ready before the application's first spans (and before exit), and a backend that is down is
   * reported at start-up.
   */
  void warmUp() {
    FailureLog.watch(
        () -> delegate.export(Collections.emptyList()),
        () -> failures.succeeded("export"),
        cause -> failures.failed(failure(0), cause));
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }

  @Override
  public String toString() {
    return Secrets.mask(delegate.toString());
  }
}
