package dev.perfagent.agent.export;

import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.bootstrap.AggregateHistograms;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.HistogramData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.export.MetricProducer;
import io.opentelemetry.sdk.resources.Resource;
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
  private final long startEpochNanos = ProducedMetric.epochNanos();
  private final AggregateHistograms histograms;

  /** @param catalogs the catalog in force, which changes when the configuration does */
  AggregateHistogramProducer(Supplier<PointcutCatalog> catalogs, AggregateHistograms histograms) {
    this.catalogs = catalogs;
    this.histograms = histograms;
  }

  @Override
  public Collection<MetricData> produce(Resource resource) {
    long now = ProducedMetric.epochNanos();
    List<HistogramPointData> points = new ArrayList<>();
    PointcutCatalog catalog = catalogs.get();
    for (int slot = 0; slot < catalog.aggregateSlots(); slot++) {
      long[] h = histograms.snapshot(slot);
      if (h != null) {
        points.add(ProducedMetric.durationPoint(
            h, Attributes.of(SpanMetrics.POINTCUT, catalog.aggregateName(slot)), startEpochNanos, now));
      }
    }
    if (points.isEmpty()) {
      return Collections.emptyList();
    }
    return Collections.singletonList(new ProducedMetric(
        resource, NAME, "Duration of calls of aggregate-mode pointcuts (no span each)", "s",
        MetricDataType.HISTOGRAM, HistogramData.create(AggregationTemporality.CUMULATIVE, points)));
  }
}
