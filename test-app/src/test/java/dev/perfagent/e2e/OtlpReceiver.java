package dev.perfagent.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A local OTLP endpoint the agent exports to during a test; keeps what it received. */
abstract class OtlpReceiver implements AutoCloseable {
  private final List<ReceivedSpan> spans = new ArrayList<>();
  private final AtomicInteger metricRequests = new AtomicInteger();

  /** The value for OTEL_EXPORTER_OTLP_ENDPOINT. */
  abstract String endpoint();

  /** The value for OTEL_EXPORTER_OTLP_PROTOCOL. */
  abstract String protocol();

  @Override
  public abstract void close();

  final void received(List<ReceivedSpan> batch) {
    synchronized (spans) {
      spans.addAll(batch);
    }
  }

  final void receivedMetrics() {
    metricRequests.incrementAndGet();
  }

  /** Every span received so far. */
  final List<ReceivedSpan> spans() {
    synchronized (spans) {
      return new ArrayList<>(spans);
    }
  }

  /** Number of metric export requests received so far. */
  final int metricRequests() {
    return metricRequests.get();
  }
}
