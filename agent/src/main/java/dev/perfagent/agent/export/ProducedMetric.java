package dev.perfagent.agent.export;

import dev.perfagent.bootstrap.AggregateHistograms;
import dev.perfagent.bootstrap.DurationHistograms;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.Data;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A metric a {@code MetricProducer} of the agent builds at collection from the recorder's own counts
 * (the SDK has public factories for the data but not for the metric around it).
 */
final class ProducedMetric implements MetricData {
  private final Resource resource;
  private final String name;
  private final String description;
  private final String unit;
  private final MetricDataType type;
  private final Data<?> data;

  ProducedMetric(Resource resource, String name, String description, String unit, MetricDataType type, Data<?> data) {
    this.resource = resource;
    this.name = name;
    this.description = description;
    this.unit = unit;
    this.type = type;
    this.data = data;
  }

  /** A histogram point in seconds from {@code h}, laid out as {@link AggregateHistograms#snapshot} gives it. */
  static HistogramPointData durationPoint(long[] h, Attributes attributes, long startEpochNanos, long now) {
    List<Long> counts = new ArrayList<>(DurationHistograms.BUCKETS);
    for (int i = 0; i < DurationHistograms.BUCKETS; i++) {
      counts.add(h[i]);
    }
    return HistogramPointData.create(
        startEpochNanos, now, attributes, seconds(h[DurationHistograms.SUM]),
        true, seconds(h[DurationHistograms.MIN]), true, seconds(h[DurationHistograms.MAX]),
        SpanMetrics.DURATION_BUCKETS, counts);
  }

  static long epochNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
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
    return name;
  }

  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public String getUnit() {
    return unit;
  }

  @Override
  public MetricDataType getType() {
    return type;
  }

  @Override
  public Data<?> getData() {
    return data;
  }
}
