package dev.perfagent.agent.export;

import dev.perfagent.config.Secrets;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Counts what one configured exporter really delivered, for the exit summary, and reports the
 * first failure of a run of failures (the SDK's own messages go to java.util.logging, which an
 * application may have silenced). There is one per exporter, so each destination has its figures.
 */
final class CountingSpanExporter implements SpanExporter {
  private final SpanExporter delegate;
  private final String destination;
  private final LongAdder exported = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final Consumer<String> problems;
  private final AtomicBoolean failing = new AtomicBoolean();

  CountingSpanExporter(SpanExporter delegate, String destination, Consumer<String> problems) {
    this.delegate = delegate;
    this.destination = destination;
    this.problems = problems;
  }

  String destination() {
    return destination;
  }

  long exported() {
    return exported.sum();
  }

  long failed() {
    return failed.sum();
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    int n = spans.size();
    CompletableResultCode result;
    try {
      result = delegate.export(spans);
    } catch (RuntimeException e) {
      failed.add(n);
      reportFailure(e);
      return CompletableResultCode.ofFailure();
    }
    result.whenComplete(
        () -> {
          if (result.isSuccess()) {
            exported.add(n);
            if (failing.compareAndSet(true, false)) {
              problems.accept("export works again (" + destination + ")");
            }
          } else {
            failed.add(n);
            reportFailure(result.getFailureThrowable());
          }
        });
    return result;
  }

  /**
   * Sends one empty request, uncounted: the HTTP client, its classes and the connection are then
   * ready before the application's first spans (and before exit), and a backend that is down is
   * reported at start-up.
   */
  void warmUp() {
    CompletableResultCode result = delegate.export(Collections.emptyList());
    result.whenComplete(
        () -> {
          if (!result.isSuccess()) {
            reportFailure(result.getFailureThrowable());
          }
        });
  }

  private void reportFailure(Throwable cause) {
    if (failing.compareAndSet(false, true)) {
      problems.accept(
          "export failed, spans are being dropped: "
              + (cause == null ? "the backend rejected the request" : cause.toString())
              + " (" + destination + ")");
    }
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
