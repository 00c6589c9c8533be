package dev.perfagent.agent.export;

import dev.perfagent.bootstrap.ConnectionPool;
import dev.perfagent.bootstrap.ConnectionPools;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.HistogramData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.SumData;
import io.opentelemetry.sdk.metrics.export.MetricProducer;
import io.opentelemetry.sdk.resources.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The connection-pool metrics of the conventions ({@code db.client.connection.*}) for the HikariCP
 * pools the jdbc preset saw start ({@link ConnectionPools}), built at each metric collection: the
 * counts from the pool's own {@code PoolStats}, the timeouts and the create and use times from what
 * the pool told its metrics tracker. A pool closed or collected is reported once more, then no longer.
 * ({@code db.client.connection.wait_time} comes from the checkout spans, {@link SpanMetrics}.)
 */
final class ConnectionPoolMetrics implements MetricProducer {
  static final AttributeKey<String> POOL_NAME = AttributeKey.stringKey("db.client.connection.pool.name");
  private static final AttributeKey<String> STATE = AttributeKey.stringKey("db.client.connection.state");

  private final long startEpochNanos = ProducedMetric.epochNanos();

  @Override
  public Collection<MetricData> produce(Resource resource) {
    List<ConnectionPool> pools = ConnectionPools.report();
    if (pools.isEmpty()) {
      return Collections.emptyList();
    }
    long now = ProducedMetric.epochNanos();
    List<LongPointData> counts = new ArrayList<>();
    List<LongPointData> idleMin = new ArrayList<>();
    List<LongPointData> max = new ArrayList<>();
    List<LongPointData> pending = new ArrayList<>();
    List<LongPointData> timeouts = new ArrayList<>();
    List<HistogramPointData> createTimes = new ArrayList<>();
    List<HistogramPointData> useTimes = new ArrayList<>();
    long[] state = new long[ConnectionPool.STATES];
    for (ConnectionPool pool : pools) {
      Attributes name = Attributes.of(POOL_NAME, pool.name());
      if (pool.readState(state)) {
        add(counts, state[ConnectionPool.USED], name.toBuilder().put(STATE, "used").build(), now);
        add(counts, state[ConnectionPool.IDLE], name.toBuilder().put(STATE, "idle").build(), now);
        add(idleMin, state[ConnectionPool.MIN_IDLE], name, now);
        add(max, state[ConnectionPool.MAX], name, now);
        add(pending, state[ConnectionPool.PENDING], name, now);
      }
      add(timeouts, pool.timeouts(), name, now);
      add(createTimes, pool.createTimes(), name, now);
      add(useTimes, pool.useTimes(), name, now);
    }
    List<MetricData> metrics = new ArrayList<>();
    sum(metrics, resource, "db.client.connection.count", "{connection}",
        "The number of connections that are currently in state described by the state attribute", false, counts);
    sum(metrics, resource, "db.client.connection.idle.min", "{connection}",
        "The minimum number of idle open connections allowed", false, idleMin);
    sum(metrics, resource, "db.client.connection.max", "{connection}",
        "The maximum number of open connections allowed", false, max);
    sum(metrics, resource, "db.client.connection.pending_requests", "{request}",
        "The number of current pending requests for an open connection", false, pending);
    sum(metrics, resource, "db.client.connection.timeouts", "{timeout}",
        "The number of connection timeouts that have occurred trying to obtain a connection from the pool",
        true, timeouts);
    histogram(metrics, resource, "db.client.connection.create_time", "The time it took to create a new connection",
        createTimes);
    histogram(metrics, resource, "db.client.connection.use_time",
        "The time between borrowing a connection and returning it to the pool", useTimes);
    return metrics;
  }

  private void add(List<LongPointData> points, long value, Attributes attributes, long now) {
    if (value >= 0) { // -1: this HikariCP version does not publish it
      points.add(LongPointData.create(startEpochNanos, now, attributes, value));
    }
  }

  private void add(List<HistogramPointData> points, long[] histogram, Attributes attributes, long now) {
    if (histogram != null) {
      points.add(ProducedMetric.durationPoint(histogram, attributes, startEpochNanos, now));
    }
  }

  private static void sum(
      List<MetricData> into, Resource resource, String name, String unit, String description, boolean monotonic,
      List<LongPointData> points) {
    if (!points.isEmpty()) {
      into.add(new ProducedMetric(resource, name, description, unit, MetricDataType.LONG_SUM,
          SumData.createLongSumData(monotonic, AggregationTemporality.CUMULATIVE, points)));
    }
  }

  private static void histogram(
      List<MetricData> into, Resource resource, String name, String description, List<HistogramPointData> points) {
    if (!points.isEmpty()) {
      into.add(new ProducedMetric(resource, name, description, "s", MetricDataType.HISTOGRAM,
          HistogramData.create(AggregationTemporality.CUMULATIVE, points)));
    }
  }
}
