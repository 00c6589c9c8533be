package dev.perfagent.agent.export;

import dev.perfagent.config.Secrets;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * A configured metric exporter, counted and reported as span exporters are: its failed exports (a
 * backend answering 404 on /v1/metrics) are logged with their cause and named in the exit summary.
 * Everything else is the delegate's, so temporality, aggregation and memory mode are unchanged.
 */
final class CountingMetricExporter implements MetricExporter {
  private final MetricExporter delegate;
  private final FailureLog failures;
  private final LongAdder exports = new LongAdder();
  private final LongAdder failed = new LongAdder();

  CountingMetricExporter(MetricExporter delegate, String destination, Consumer<String> problems) {
    this.delegate = delegate;
    this.failures = new FailureLog(destination, problems);
  }

  String destination() {
    return failures.destination();
  }

  /** Export requests made (one per collection). */
  long exports() {
    return exports.sum();
  }

  /** Export requests that failed. */
  long failed() {
    return failed.sum();
  }

  @Override
  public CompletableResultCode export(Collection<MetricData> metrics) {
    exports.increment();
    return FailureLog.watch(
        () -> delegate.export(metrics),
        () -> failures.succeeded("metrics export"),
        cause -> {
          failed.increment();
          failures.failed("metrics export failed", cause);
        });
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return delegate.getAggregationTemporality(instrumentType);
  }

  @Override
  public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
    return delegate.getDefaultAggregation(instrumentType);
  }

  @Override
  public MemoryMode getMemoryMode() {
    return delegate.getMemoryMode();
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
