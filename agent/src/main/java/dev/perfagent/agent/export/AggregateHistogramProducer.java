package dev.perfagent.agent.export;

import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.bootstrap.DurationHistograms;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricProducer;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableHistogramData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableHistogramPointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableMetricData;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The {@code perf_agent.aggregate.duration} histogram of aggregate-mode pointcuts, built at each
 * metric collection from the recorder's per-thread power-of-two histograms (cumulative, seconds).
 */
final class AggregateHistogramProducer implements MetricProducer {
  static final String NAME = "perf_agent.aggregate.duration";
  private static final List<Double> BOUNDARIES = boundaries();

  private final List<CompiledPointcut> aggregates = new ArrayList<>();
  private final long startEpochNanos = epochNanos();

  AggregateHistogramProducer(PointcutCatalog catalog) {
    for (CompiledPointcut p : catalog.pointcuts()) {
      if (p.aggregate()) {
        aggregates.add(p);
      }
    }
  }

  @Override
  public Collection<MetricData> produce(Resource resource) {
    long now = epochNanos();
    List<HistogramPointData> points = new ArrayList<>();
    for (CompiledPointcut p : aggregates) {
      long[] h = DurationHistograms.snapshot(p.aggregateSlot());
      if (h == null) {
        continue;
      }
      List<Long> counts = new ArrayList<>(DurationHistograms.BUCKETS);
      for (int i = 0; i < DurationHistograms.BUCKETS; i++) {
        counts.add(h[i]);
      }
      points.add(
          ImmutableHistogramPointData.create(
              startEpochNanos, now, Attributes.of(SpanMetrics.POINTCUT, p.config().name()),
              seconds(h[DurationHistograms.BUCKETS]), true, seconds(h[DurationHistograms.BUCKETS + 1]),
              true, seconds(h[DurationHistograms.BUCKETS + 2]), BOUNDARIES, counts));
    }
    if (points.isEmpty()) {
      return Collections.emptyList();
    }
    return Collections.singletonList(
        ImmutableMetricData.createDoubleHistogram(
            resource, RecordedSpan.SCOPE, NAME,
            "Duration of calls of aggregate-mode pointcuts (no span each)", "s",
            ImmutableHistogramData.create(AggregationTemporality.CUMULATIVE, points)));
  }

  /** 1 ns, 2 ns, 4 ns ... 2^46 ns, in seconds: the recorder's bucket edges. */
  private static List<Double> boundaries() {
    List<Double> b = new ArrayList<>();
    for (int i = 0; i < DurationHistograms.BUCKETS - 1; i++) {
      b.add(seconds(1L << i));
    }
    return Collections.unmodifiableList(b);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static long epochNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
