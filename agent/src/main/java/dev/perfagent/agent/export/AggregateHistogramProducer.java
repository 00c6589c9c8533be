package dev.perfagent.agent.export;

import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.bootstrap.AggregateHistograms;
import dev.perfagent.bootstrap.DurationHistograms;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.Data;
import io.opentelemetry.sdk.metrics.data.HistogramData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.export.MetricProducer;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code perf_agent.aggregate.duration} histogram of aggregate-mode pointcuts, built at each
 * metric collection from the recorder's per-thread histograms (cumulative, seconds, the same
 * boundaries as the other duration histograms).
 */
final class AggregateHistogramProducer implements MetricProducer {
  static final String NAME = "perf_agent.aggregate.duration";

  private final Supplier<PointcutCatalog> catalogs;
  private final long startEpochNanos = epochNanos();
  private final AggregateHistograms histograms;

  /** @param catalogs the catalog in force, which changes when the configuration does */
  AggregateHistogramProducer(Supplier<PointcutCatalog> catalogs, AggregateHistograms histograms) {
    this.catalogs = catalogs;
    this.histograms = histograms;
  }

  @Override
  public Collection<MetricData> produce(Resource resource) {
    long now = epochNanos();
    List<HistogramPointData> points = new ArrayList<>();
    PointcutCatalog catalog = catalogs.get();
    for (int slot = 0; slot < catalog.aggregateSlots(); slot++) {
      long[] h = histograms.snapshot(slot);
      if (h != null) {
        points.add(point(h, Attributes.of(SpanMetrics.POINTCUT, catalog.aggregateName(slot)), now));
      }
    }
    if (points.isEmpty()) {
      return Collections.emptyList();
    }
    return Collections.singletonList(
        new Histogram(resource, HistogramData.create(AggregationTemporality.CUMULATIVE, points)));
  }

  /** {@code h} as {@link AggregateHistograms#snapshot} returns it. */
  private HistogramPointData point(long[] h, Attributes attributes, long now) {
    List<Long> counts = new ArrayList<>(DurationHistograms.BUCKETS);
    for (int i = 0; i < DurationHistograms.BUCKETS; i++) {
      counts.add(h[i]);
    }
    return HistogramPointData.create(
        startEpochNanos, now, attributes, seconds(h[DurationHistograms.SUM]),
        true, seconds(h[DurationHistograms.MIN]), true, seconds(h[DurationHistograms.MAX]),
        SpanMetrics.DURATION_BUCKETS, counts);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static long epochNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** The SDK has public factories for histogram data but not for the metric around it. */
  private static final class Histogram implements MetricData {
    private final Resource resource;
    private final HistogramData data;

    Histogram(Resource resource, HistogramData data) {
      this.resource = resource;
      this.data = data;
    }

    @Override
    public Resource getResource() {
      return resource;
    }

    @Override
    public InstrumentationScopeInfo getInstrumentationScopeInfo() {
      return RecordedSpan.SCOPE;
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public String getDescription() {
      return "Duration of calls of aggregate-mode pointcuts (no span each)";
    }

    @Override
    public String getUnit() {
      return "s";
    }

    @Override
    public MetricDataType getType() {
      return MetricDataType.HISTOGRAM;
    }

    @Override
    public Data<?> getData() {
      return data;
    }
  }
}
